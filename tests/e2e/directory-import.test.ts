/// <reference lib="dom" />
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

const fixtures = path.resolve('tests/fixtures/directory-import');

/** /manage/import: choose the kind of record and a file, then check and import. */
class ImportPage extends StaffPage {
  async upload(kind: 'Organisations' | 'People' | 'Capabilities', file: string, publish = false) {
    await this.page.getByLabel(kind, { exact: true }).check();
    await this.page.locator('input[type="file"]').setInputFiles(path.join(fixtures, file));
    if (publish) await this.page.getByLabel('Publish immediately').check();
    return this.andWaitForNewPage(() =>
      this.page.locator('main form button', { hasText: 'Check and import' }).click(),
    );
  }

  /** The problem report's rows: row number, column, problem. */
  problems() {
    return this.page
      .locator('main table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('td, th')).map((cell) =>
            (cell.textContent || '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}

describe('CSV import in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;
  let session: () => Promise<string>;

  before(async () => {
    ({ baseUrl, testApp } = await startSite());
    browser = await launchChromium();
    const { database } = testApp.testDatabase;
    const office = await createUser(database, 'alliance-office');
    session = () => sessionFor(database, office.id);
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function withImportPage(
    options: BrowserContextOptions,
    body: (page: ImportPage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      await context.addCookies([{ name: 'mha_session', value: await session(), url: baseUrl }]);
      await body(new ImportPage(await context.newPage()));
    } finally {
      await context.close();
    }
  }

  const countCapabilities = async () => {
    const [row] = await testApp.testDatabase.database.query<{ n: number }>(
      'select count(*)::int as n from capability',
    );
    return row?.n ?? 0;
  };

  test('a file with one bad row imports nothing and reports the row and column; a good file imports', async () => {
    await withImportPage({}, async (page) => {
      assert.equal(await page.open(baseUrl, '/manage/import'), 200);
      assert.deepEqual(await page.headings(), ['Import directory records']);
      assert.deepEqual(await page.accessibilityViolations(), []);

      const before = await countCapabilities();
      assert.equal(await page.upload('Capabilities', 'capabilities-bad-row3.csv'), 422);
      assert.ok(await page.errorSummary().isVisible());
      const problems = await page.problems();
      assert.ok(
        problems.some((cells) => cells[0] === '3' && cells[1] === 'type'),
        JSON.stringify(problems),
      );
      assert.equal(await countCapabilities(), before, 'nothing was imported');
      assert.deepEqual(await page.accessibilityViolations(), []);

      assert.equal(await page.upload('Capabilities', 'capabilities-good.csv', true), 200);
      assert.match(await page.mainText(), /capabilities imported/);
      assert.ok((await countCapabilities()) > before);
      assert.deepEqual(await page.accessibilityViolations(), []);
    });
  });

  test('the import page and its problem report work without JavaScript at 320 px', async () => {
    await withImportPage(narrowNoScript, async (page) => {
      assert.equal(await page.open(baseUrl, '/manage/import'), 200);
      assert.equal(await page.horizontalOverflow(), 0);
      assert.equal(await page.upload('People', 'people-bad-orcid.csv'), 422);
      assert.ok((await page.problems()).length >= 1);
      assert.equal(await page.horizontalOverflow(), 0, 'the report scrolls sideways');
    });
  });
});
