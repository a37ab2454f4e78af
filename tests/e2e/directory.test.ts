/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { testAdministrator, type TestApp } from '../support/app.js';
import { PlatformPage } from './pages/account-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

describe('capability directory in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;
  const pages: { name: string; path: () => string; status: number; h1: () => string }[] = [];

  before(async () => {
    ({ baseUrl, testApp } = await startSite({
      env: {
        ADMIN_EMAIL: testAdministrator.email,
        ADMIN_PASSWORD: testAdministrator.password,
        SAMPLE_DATA: 'true',
      },
    }));
    browser = await launchChromium();
    const { database } = testApp.testDatabase;
    const [capability] = await database.query<{ id: string; title: string }>(
      `select c.id::text as id, c.title from capability c
       where exists (select 1 from capability_person cp where cp.capability_id = c.id)
       order by c.title limit 1`,
    );
    const [person] = await database.query<{ id: string; full_name: string }>(
      `select id::text as id, full_name from directory_person order by full_name limit 1`,
    );
    assert.ok(capability && person);
    pages.push(
      {
        name: 'search',
        path: () => '/capabilities',
        status: 200,
        h1: () => 'Find research capability',
      },
      {
        name: 'search with a typo and filters',
        path: () => '/capabilities?q=sarcopnia&category=musculoskeletal',
        status: 200,
        h1: () => 'Find research capability',
      },
      {
        name: 'search with no results',
        path: () => '/capabilities?q=zzqxv',
        status: 200,
        h1: () => 'Find research capability',
      },
      {
        name: 'search with bad parameters',
        path: () => '/capabilities?type=spaceship',
        status: 400,
        h1: () => 'Find research capability',
      },
      {
        name: 'capability',
        path: () => `/capabilities/${capability.id}`,
        status: 200,
        h1: () => capability.title,
      },
      {
        name: 'person',
        path: () => `/people/${person.id}`,
        status: 200,
        h1: () => person.full_name,
      },
      {
        name: 'organisation',
        path: () => '/organisations/nuh',
        status: 200,
        h1: () => 'Nottingham University Hospitals NHS Trust',
      },
      {
        name: 'API documentation',
        path: () => '/api/docs',
        status: 200,
        h1: () => 'API documentation',
      },
    );
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function withPage(
    options: BrowserContextOptions,
    body: (page: PlatformPage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      await body(new PlatformPage(await context.newPage()));
    } finally {
      await context.close();
    }
  }

  test('every directory page has one heading and no axe violations', async () => {
    await withPage({}, async (page) => {
      for (const expected of pages) {
        assert.equal(await page.open(baseUrl, expected.path()), expected.status, expected.name);
        assert.deepEqual(await page.headings(), [expected.h1()], expected.name);
        assert.deepEqual(await page.accessibilityViolations(), [], expected.name);
      }
    });
  });

  test('every directory page works without JavaScript on a 320 px screen', async () => {
    await withPage(narrowNoScript, async (page) => {
      for (const expected of pages) {
        assert.equal(await page.open(baseUrl, expected.path()), expected.status, expected.name);
        assert.deepEqual(await page.headings(), [expected.h1()], expected.name);
        assert.equal(await page.horizontalOverflow(), 0, `${expected.name} scrolls sideways`);
      }
    });
  });

  test('a visitor searches, filters and opens a result with the keyboard only', async () => {
    await withPage({}, async (page) => {
      await page.open(baseUrl, '/');
      await page.tabTo('header a[href="/capabilities"]');
      await page.andWaitForNewPage(() => page.page.keyboard.press('Enter'));
      await page.tabTo('#q');
      await page.page.keyboard.type('sarcopenia');
      await page.andWaitForNewPage(() => page.page.keyboard.press('Enter'));
      const all = await resultCount(page);
      assert.ok(all > 5);
      assert.equal(new URL(page.page.url()).searchParams.get('q'), 'sarcopenia');

      // Tick the first type of capability with Space, then apply the filters.
      await page.tabTo('input[name="type"]');
      await page.page.keyboard.press('Space');
      const chosen = await page.page.evaluate(
        () => (document.activeElement as HTMLInputElement).value,
      );
      await page.tabTo('form button.nhsuk-button--secondary', 200);
      await page.andWaitForNewPage(() => page.page.keyboard.press('Enter'));
      const narrowed = await resultCount(page);
      assert.ok(narrowed < all, `${narrowed} of ${all}`);
      assert.equal(new URL(page.page.url()).searchParams.get('type'), chosen);
      assert.ok(await page.page.locator(`input[name="type"][value="${chosen}"]:checked`).count());

      await page.tabTo('.mha-results a');
      await page.andWaitForNewPage(() => page.page.keyboard.press('Enter'));
      assert.match(new URL(page.page.url()).pathname, /^\/capabilities\/[0-9a-f-]{36}$/);
      const enquire = page.page.locator('a.nhsuk-action-link, .nhsuk-action-link a').first();
      assert.match(
        String(await enquire.getAttribute('href')),
        /^\/enquiries\/new\?capability=[0-9a-f-]{36}$/,
      );
    });
  });
});

async function resultCount(page: PlatformPage): Promise<number> {
  const heading = await page.page.locator('#results-heading').innerText();
  const found = /([\d,]+) capabilit/.exec(heading);
  assert.ok(found?.[1], heading);
  return Number(found[1].replace(/,/g, ''));
}
