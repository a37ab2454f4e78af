/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

/** /manage/capabilities/new and …/edit: the capability form. */
class CapabilityFormPage extends StaffPage {
  field(id: 'title' | 'summary' | 'description' | 'keywords') {
    return this.page.locator(`#${id}`);
  }

  saveButton() {
    return this.page.locator('main form button', { hasText: 'Save capability' });
  }

  save() {
    return this.andWaitForNewPage(() => this.saveButton().click());
  }

  /** Types into a field from the keyboard, as a person would after moving to it. */
  async typeInto(id: 'title' | 'summary' | 'description' | 'keywords', text: string) {
    await this.field(id).focus();
    await this.page.keyboard.type(text);
  }

  /** Fills every required field: text from the keyboard, choices with the pointer. */
  async fillIn(title: string, options: { organisation?: string } = {}) {
    await this.typeInto('title', title);
    await this.typeInto('summary', 'Whole-body MRI for research studies, with reporting.');
    await this.typeInto('description', 'Book through the research office.');
    await this.page.getByLabel('Imaging', { exact: true }).check();
    if (options.organisation) {
      await this.page.locator('#organisationId').selectOption({ label: options.organisation });
    }
    await this.page.locator('#place').selectOption('nottingham');
    await this.page.getByLabel('Cancer and neoplasms').check();
    await this.page.getByLabel('Musculoskeletal').check();
    await this.typeInto('keywords', 'MRI, whole body');
  }
}

/** /manage/<kind>/<id>: one record, its status and the buttons that change it. */
class RecordPage extends StaffPage {
  statusButton(label: string) {
    return this.page.locator('main form button', { hasText: label });
  }

  successBanner() {
    return this.page.locator('.nhsuk-notification-banner--success');
  }

  publicLink() {
    return this.page.locator('main a', { hasText: 'View this capability on the public website' });
  }
}

const office = 'University Hospitals Birmingham NHS Foundation Trust';

describe('maintaining directory records in Chromium', () => {
  let browser: Browser;
  let testApp: TestApp;
  let baseUrl: string;
  let session: () => Promise<string>;

  before(async () => {
    const started = await startSite();
    testApp = started.testApp;
    baseUrl = started.baseUrl;
    const { database } = testApp.testDatabase;
    const user = await createUser(database, 'alliance-office');
    session = () => sessionFor(database, user.id);
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function withContext(options: BrowserContextOptions, body: (page: Page) => Promise<void>) {
    const context = await browser.newContext(options);
    try {
      await context.addCookies([{ name: 'mha_session', value: await session(), url: baseUrl }]);
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      await body(page);
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  async function checkPage(page: StaffPage, h1: string) {
    assert.deepEqual(await page.headings(), [h1]);
    assert.deepEqual(await page.accessibilityViolations(), [], `axe on ${page.pathname()}`);
  }

  test('the alliance office adds a capability, sees it and publishes it; axe finds nothing', async () => {
    await withContext({}, async (page) => {
      const dashboard = new StaffPage(page);
      assert.equal(await dashboard.open(baseUrl, '/manage'), 200);
      await checkPage(dashboard, 'Directory records');

      const form = new CapabilityFormPage(page);
      await form.andWaitForNewPage(() =>
        page.locator('main a', { hasText: 'Add a capability' }).first().click(),
      );
      assert.equal(form.pathname(), '/manage/capabilities/new');
      assert.equal(await form.save(), 422);
      assert.match(await page.title(), /^Error: /);
      const links = await form.errorSummaryLinks();
      assert.deepEqual(
        links.map((link) => link.href),
        ['#title', '#summary', '#type', '#organisationId', '#place', '#categories'],
      );
      assert.ok(await form.fieldDescribedByError('title'));
      await checkPage(form, 'Add a capability');

      // The error summary's links take the keyboard user to the field.
      await page.locator('.nhsuk-error-summary a[href="#title"]').click();
      assert.ok(await form.focusIsOn('#title'));

      const title = `Research MRI ${Date.now()}`;
      await form.fillIn(title, { organisation: office });
      await form.tabTo('main form button', 60);
      const record = new RecordPage(page);
      assert.equal(await record.andWaitForNewPage(() => page.keyboard.press('Enter')), 200);
      assert.match(record.pathname(), /^\/manage\/capabilities\/[0-9a-f-]{36}$/);
      assert.match(await record.successBanner().innerText(), /added as a draft/);
      assert.match(await record.mainText(), /Status: Draft/);
      assert.match(await record.mainText(), /Cancer and neoplasms, Musculoskeletal/);
      await checkPage(record, title);

      assert.equal(
        await record.andWaitForNewPage(() => record.statusButton('Publish').click()),
        200,
      );
      assert.match(await record.successBanner().innerText(), /published/);
      assert.match(await record.mainText(), /Status: Published/);
      const capabilityPath = record.pathname().replace('/manage', '');
      assert.equal(await record.publicLink().getAttribute('href'), capabilityPath);
      await checkPage(record, title);

      const list = new StaffPage(page);
      assert.equal(await list.open(baseUrl, '/manage/capabilities?status=published'), 200);
      assert.equal(await page.locator('main table tbody a', { hasText: title }).count(), 1);
      await checkPage(list, 'Capabilities');

      const publicPage = new StaffPage(page);
      assert.equal(await publicPage.open(baseUrl, capabilityPath), 200);
      assert.deepEqual(await publicPage.headings(), [title]);
    });
  });

  test('at 320 px without JavaScript the form works and nothing scrolls sideways', async () => {
    await withContext(narrowNoScript, async (page) => {
      const staff = new StaffPage(page);
      for (const path of ['/manage', '/manage/capabilities', '/manage/capabilities/new']) {
        assert.equal(await staff.open(baseUrl, path), 200, path);
        assert.equal(await staff.horizontalOverflow(), 0, `${path} scrolls sideways`);
      }

      const form = new CapabilityFormPage(page);
      assert.equal(await form.save(), 422);
      assert.ok(await form.errorSummary().isVisible());
      assert.equal(await form.horizontalOverflow(), 0, 'the form with errors scrolls sideways');

      const title = `Narrow screen capability ${Date.now()}`;
      await form.fillIn(title, { organisation: office });
      const record = new RecordPage(page);
      assert.equal(await record.andWaitForNewPage(() => form.saveButton().click()), 200);
      assert.deepEqual(await record.headings(), [title]);
      assert.equal(await record.horizontalOverflow(), 0, 'the record page scrolls sideways');

      assert.equal(
        await record.andWaitForNewPage(() => record.statusButton('Send for review').click()),
        200,
      );
      assert.match(await record.mainText(), /Status: In review/);
      assert.equal(await staff.open(baseUrl, '/manage/capabilities?status=in-review'), 200);
      assert.equal(await page.locator('main table tbody a', { hasText: title }).count(), 1);
      assert.equal(await staff.horizontalOverflow(), 0, 'the list scrolls sideways');
    });
  });

  test('people and organisation pages, empty and with errors, pass axe and fit 320 px without JavaScript', async () => {
    const { database } = testApp.testDatabase;
    const [organisation] = await database.query<{ id: string; name: string }>(
      `select id::text as id, name from organisation where slug = 'nuh'`,
    );
    assert.ok(organisation);
    const pages: { path: string; h1: string; submitEmpty?: boolean }[] = [
      { path: '/manage/people', h1: 'People' },
      { path: '/manage/organisations', h1: 'Organisations' },
      { path: '/manage/people/new', h1: 'Add a person', submitEmpty: true },
      { path: '/manage/organisations/new', h1: 'Add an organisation', submitEmpty: true },
      { path: `/manage/organisations/${organisation.id}`, h1: organisation.name },
      { path: `/manage/organisations/${organisation.id}/edit`, h1: `Edit ${organisation.name}` },
    ];
    for (const options of [{}, narrowNoScript]) {
      await withContext(options, async (page) => {
        const staff = new StaffPage(page);
        for (const expected of pages) {
          assert.equal(await staff.open(baseUrl, expected.path), 200, expected.path);
          assert.deepEqual(await staff.headings(), [expected.h1], expected.path);
          if (expected.submitEmpty) {
            const status = await staff.andWaitForNewPage(() =>
              page
                .locator('main form button[type="submit"], main form button:not([type])')
                .last()
                .click(),
            );
            assert.equal(status, 422, `${expected.path} submitted empty`);
            assert.ok(await staff.errorSummary().isVisible());
          }
          if (options === narrowNoScript) {
            assert.equal(await staff.horizontalOverflow(), 0, `${expected.path} scrolls sideways`);
          } else {
            assert.deepEqual(await staff.accessibilityViolations(), [], `axe on ${expected.path}`);
          }
        }
      });
    }
  });
});
