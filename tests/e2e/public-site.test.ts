/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { publicPages } from '../support/public-pages.js';
import { PublicPage } from './pages/public-page.js';
import { launchChromium, startSite } from './support/browser.js';

describe('public website in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;

  before(async () => {
    ({ baseUrl, testApp } = await startSite());
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  for (const expected of publicPages) {
    test(`${expected.path} shows its heading and content and has no axe violations`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      const publicPage = new PublicPage(page);
      try {
        assert.equal(await publicPage.open(baseUrl, expected.path), 200);
        assert.deepEqual(await publicPage.headings(), [expected.h1]);
        const text = await publicPage.mainText();
        for (const phrase of expected.mustContain) {
          assert.ok(text.includes(phrase), `${expected.path} should show "${phrase}"`);
        }
        // The NHS.UK scripts ran: CSP allowed them and they found a supported browser.
        assert.match(String(await page.getAttribute('body', 'class')), /nhsuk-frontend-supported/);
        assert.deepEqual(scriptErrors, []);
        assert.deepEqual(await publicPage.accessibilityViolations(), []);
      } finally {
        await context.close();
      }
    });
  }

  test('a visitor can reach every section from the main menu and back home', async () => {
    const context = await browser.newContext();
    const publicPage = new PublicPage(await context.newPage());
    try {
      await publicPage.open(baseUrl, '/');
      const menu = [
        ['About the alliance', '/about', 'About the alliance'],
        ['The Midlands', '/midlands', 'The Midlands'],
        ['Partners', '/partners', 'Our partners'],
        ['Flagship programmes', '/programmes', 'Our programmes'],
      ] as const;
      for (const [linkText, path, heading] of menu) {
        await publicPage.followMenuLink(linkText);
        assert.equal(new URL(publicPage.page.url()).pathname, path);
        assert.deepEqual(await publicPage.headings(), [heading]);
      }
      await publicPage.page.getByRole('link', { name: 'Sarcopenia' }).first().click();
      await publicPage.page.waitForURL('**/programmes/sarcopenia');
      assert.deepEqual(await publicPage.headings(), ['Sarcopenia']);
      await publicPage.page.locator('a.nhsuk-header__service-logo').click();
      await publicPage.page.waitForURL(`${baseUrl}/`);
      assert.deepEqual(await publicPage.headings(), ['Midlands Health Alliance']);
    } finally {
      await context.close();
    }
  });

  test('the skip link moves keyboard focus to the main content', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(`${baseUrl}/about`);
      await page.keyboard.press('Tab');
      assert.equal(
        await page.evaluate(() => document.activeElement?.textContent.trim()),
        'Skip to main content',
      );
      await page.keyboard.press('Enter');
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'maincontent');
    } finally {
      await context.close();
    }
  });

  test('an unknown address shows the 404 page, which also passes axe', async () => {
    const context = await browser.newContext();
    const publicPage = new PublicPage(await context.newPage());
    try {
      assert.equal(await publicPage.open(baseUrl, '/no-such-page'), 404);
      assert.deepEqual(await publicPage.headings(), ['Page not found']);
      assert.deepEqual(await publicPage.accessibilityViolations(), []);
    } finally {
      await context.close();
    }
  });

  for (const expected of publicPages) {
    test(`${expected.path} works without JavaScript on a 320 px wide screen`, async () => {
      const context = await browser.newContext({
        javaScriptEnabled: false,
        viewport: { width: 320, height: 640 },
      });
      const publicPage = new PublicPage(await context.newPage());
      try {
        assert.equal(await publicPage.open(baseUrl, expected.path), 200);
        assert.deepEqual(await publicPage.headings(), [expected.h1]);
        const text = await publicPage.mainText();
        for (const phrase of expected.mustContain) {
          assert.ok(
            text.includes(phrase),
            `${expected.path} should show "${phrase}" without JavaScript`,
          );
        }
        assert.equal(
          await publicPage.horizontalOverflow(),
          0,
          'content scrolls sideways at 320 px',
        );
        // Without JavaScript every menu link is still a plain, visible, working link.
        const menuLinks = publicPage.menuLinks();
        assert.ok((await menuLinks.count()) >= 4);
        assert.ok(await menuLinks.first().isVisible());
        // axe-core runs inside the page, so it is run by the JavaScript-enabled test above.
      } finally {
        await context.close();
      }
    });
  }
});
