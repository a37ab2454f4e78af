/// <reference lib="dom" />
import { AxeBuilder } from '@axe-core/playwright';
import { PlatformPage } from './account-pages.js';
import { wcagTags } from './public-page.js';

/** A platform page whose axe run collects violations only, which is much quicker on busy CI. */
export class StaffPage extends PlatformPage {
  override async accessibilityViolations() {
    const results = await new AxeBuilder({ page: this.page })
      // options() replaces what withTags() set, so it must come first.
      .options({ resultTypes: ['violations'] })
      .withTags(wcagTags)
      .analyze();
    return results.violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`,
    );
  }
}

/** /admin/content/edit/<slug>: the alliance office edits a page of the public website. */
export class ContentEditorPage extends StaffPage {
  field(id: 'title' | 'summary' | 'bodyMarkdown' | 'calloutHeading' | 'calloutMarkdown') {
    return this.page.locator(`#${id}`);
  }

  button(action: 'preview' | 'save' | 'publish') {
    return this.page.locator(`main form button[name="action"][value="${action}"]`);
  }

  /** Presses one of the form's buttons with the pointer; returns the status of the page shown. */
  press(action: 'preview' | 'save' | 'publish') {
    return this.andWaitForNewPage(() => this.button(action).click());
  }

  preview() {
    return this.page.locator('section.mha-preview');
  }

  successBanner() {
    return this.page.locator('.nhsuk-notification-banner--success');
  }

  /** Replaces the summary and publishes, with the keyboard alone. */
  async publishSummaryWithKeyboard(summary: string) {
    await this.tabTo('#summary');
    await this.page.keyboard.press('ControlOrMeta+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.type(summary);
    await this.tabTo('main form button[value="publish"]', 10);
    return this.andWaitForNewPage(() => this.page.keyboard.press('Enter'));
  }
}

/** /admin/content/history/<slug>: every saved version of a page. */
export class ContentHistoryPage extends StaffPage {
  revisionLinks() {
    return this.page.locator('main table tbody a[href^="/admin/content/revisions/"]');
  }
}

/** /account/tokens: a person's API tokens. */
export class ApiTokensPage extends StaffPage {
  nameField() {
    return this.page.locator('#name');
  }

  lifetime(value: '30' | '90' | '365' | 'never') {
    return this.page.locator(`input[name="lifetime"][value="${value}"]`);
  }

  makeTokenButton() {
    return this.page.locator('main form[action="/account/tokens"] button');
  }

  async makeToken(name: string, lifetime: '30' | '90' | '365' | 'never') {
    await this.nameField().fill(name);
    await this.lifetime(lifetime).check();
    return this.andWaitForNewPage(() => this.makeTokenButton().click());
  }

  newTokenValue() {
    return this.page.locator('#new-token');
  }

  tableRows() {
    return this.page.locator('main table tbody tr');
  }
}

/** /admin/users/invite */
export class InvitePage extends StaffPage {
  sendButton() {
    return this.page.locator('main form button');
  }
}

/** /account/forgotten-password */
export class ForgottenPasswordPage extends StaffPage {
  emailField() {
    return this.page.locator('#email');
  }

  async requestLink(email: string) {
    await this.emailField().fill(email);
    return this.andWaitForNewPage(() => this.page.locator('main form button').click());
  }
}
