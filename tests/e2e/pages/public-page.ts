/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** WCAG 2.2 AA and everything it includes from earlier versions. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** A page of the public website, as a visitor sees it. */
export class PublicPage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string, path: string) {
    const response = await this.page.goto(`${baseUrl}${path}`);
    return response?.status();
  }

  headings() {
    return this.page.locator('h1').allInnerTexts();
  }

  /** The main content's text with white space folded, as a reader would quote it. */
  async mainText() {
    return (await this.page.locator('main').innerText()).replace(/\s+/g, ' ');
  }

  menuLinks() {
    return this.page.locator('nav[aria-label="Main menu"] a.nhsuk-header__navigation-link');
  }

  async followMenuLink(text: string) {
    const from = new URL(this.page.url()).pathname;
    await Promise.all([
      this.page.waitForURL((url) => url.pathname !== from),
      this.menuLinks().filter({ hasText: text }).first().click(),
    ]);
  }

  async accessibilityViolations() {
    const results = await new AxeBuilder({ page: this.page }).withTags(wcagTags).analyze();
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
  }

  /** Width of the content beyond the viewport: 0 means nothing scrolls sideways. */
  horizontalOverflow() {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
  }
}
