/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { testPopulation, type TestPopulation } from '../support/omop.js';
import { createUser, sessionFor, testPassword } from '../support/users.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

/** /feasibility and its builder, as a researcher uses them. */
class FeasibilityPage extends StaffPage {
  button(name: string | RegExp) {
    return this.page.getByRole('button', { name });
  }

  press(name: string | RegExp) {
    return this.andWaitForNewPage(() => this.button(name).first().click());
  }

  /** The criteria list, one description a row. */
  criteria() {
    return this.page
      .locator('#criteria-list .nhsuk-summary-list__value')
      .evaluateAll((cells) =>
        cells.map((cell) => (cell.textContent || '').replace(/\s+/g, ' ').trim()),
      );
  }

  total() {
    return this.page.locator('#total').innerText();
  }

  /** A table's body rows, cell texts with white space folded. */
  tableRows(id: string) {
    return this.page
      .locator(`#${id} tbody tr`)
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td'), (cell) =>
            (cell.textContent || '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  chart() {
    return this.page.locator('main svg.mha-feasibility-chart');
  }

  /**
   * Opens the criterion form, chooses a condition, finds it by name (pressing Enter in the search
   * box, or the Search button) and adds it.
   */
  async addConditionWithSearch(
    search: string,
    conceptName: string,
    searchWith: 'Enter' | 'button',
  ) {
    await this.press('Add a criterion');
    await this.page.getByLabel('Condition', { exact: true }).check();
    await this.press('Continue');
    const searchBox = this.page.getByLabel('Search for a condition');
    await searchBox.fill(search);
    if (searchWith === 'Enter') await this.andWaitForNewPage(() => searchBox.press('Enter'));
    else await this.press('Search');
    await this.press(`Add ${conceptName}`);
  }
}

/** What every count shown may look like under the disclosure rule. */
function assertDisclosed(text: string, where: string) {
  if (text === '0' || text === 'fewer than 8') return;
  const value = Number(text.replace(/,/g, ''));
  assert.ok(value >= 10 && value % 5 === 0, `${where}: ${text}`);
}

describe('patient feasibility in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;
  let population: TestPopulation;
  let email: string;

  before(async () => {
    population = await testPopulation(2000);
    ({ baseUrl, testApp } = await startSite({
      env: { DATA_DIR: population.dataDir, FEASIBILITY_QUERIES_PER_MINUTE: '1000' },
    }));
    const { database } = testApp.testDatabase;
    const user = await createUser(database, 'industry');
    email = user.email;
    // The index is built in the background: wait for it before the first count.
    const cookie = `mha_session=${await sessionFor(database, user.id)}`;
    for (let attempt = 0; attempt < 300; attempt += 1) {
      const response = await testApp.app.inject({
        url: '/api/v1/feasibility/population',
        headers: { cookie },
      });
      if (response.json<{ state: string }>().state === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
    await population.dispose();
  });

  /** Signs in through the sign-in page, which returns to the feasibility start page. */
  async function withSignedInPage(
    options: BrowserContextOptions,
    body: (page: FeasibilityPage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      const page: Page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl, `?returnTo=${encodeURIComponent('/feasibility')}`);
      assert.equal(await signIn.signIn(email, testPassword), 200);
      await body(new FeasibilityPage(page));
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  test('a template, a condition found by searching, a count with chart and tables, then saved', async () => {
    await withSignedInPage({}, async (page) => {
      assert.equal(page.pathname(), '/feasibility');
      assert.deepEqual(await page.headings(), ['Patient feasibility']);
      assert.match(await page.mainText(), /Synthetic data/);
      assert.deepEqual(await page.accessibilityViolations(), [], 'start page');

      assert.equal(await page.press(/^Use this template \(Probable sarcopenia/), 200);
      assert.deepEqual(await page.headings(), ['Build a feasibility query']);
      assert.equal((await page.criteria()).length, 2);

      // Adding a condition without naming one shows the error summary, which axe checks too.
      await page.press('Add a criterion');
      await page.page.getByLabel('Condition', { exact: true }).check();
      await page.press('Continue');
      assert.equal(await page.press('Add criterion'), 422);
      assert.deepEqual(await page.errorSummaryLinks(), [
        {
          text: 'Enter at least one concept, one on each line, like SNOMED:44054006',
          href: '#concepts',
        },
      ]);
      assert.ok(await page.fieldDescribedByError('concepts'));
      assert.deepEqual(await page.accessibilityViolations(), [], 'builder with errors');
      await page.press('Cancel');

      await page.addConditionWithSearch('osteoarth', 'Osteoarthritis', 'Enter');
      assert.match(
        await page.page.locator('#concepts').inputValue(),
        /^SNOMED:396275006 Osteoarthritis$/,
      );
      // Enter in a field once the search is done adds the criterion.
      const days = page.page.getByLabel('Only in the last number of days (optional)');
      await days.fill('3650');
      await page.andWaitForNewPage(() => days.press('Enter'));
      const criteria = await page.criteria();
      assert.equal(criteria.length, 3);
      assert.equal(
        criteria[2],
        'Condition: Osteoarthritis (SNOMED:396275006), in the last 3,650 days',
      );

      assert.equal(await page.press('Run count'), 200);
      assertDisclosed(await page.total(), 'total');
      await page.chart().waitFor();
      assert.equal(await page.chart().getAttribute('role'), 'img');
      const title = await page.chart().getAttribute('aria-labelledby');
      assert.equal(
        await page.page.locator(`svg.mha-feasibility-chart title#${title}`).textContent(),
        'People who meet the criteria, by home trust',
      );
      const trusts = await page.tableRows('trusts-table');
      assert.equal(trusts.length, 21);
      for (const [name, count] of trusts) assertDisclosed(count ?? '', name ?? '');
      const attrition = await page.tableRows('attrition-table');
      assert.deepEqual(
        attrition.map(([step]) => step),
        ['1', '2', '3'],
      );
      assert.equal((await page.tableRows('sex-table')).length, 3);
      assert.equal((await page.tableRows('age-table')).length, 10);
      assert.deepEqual(await page.accessibilityViolations(), [], 'results');

      await page.page.getByLabel('Name').fill('Older people with weak grip and osteoarthritis');
      assert.equal(await page.press('Save query'), 200);
      assert.match(page.pathname(), /^\/feasibility\/saved\/[0-9a-f-]{36}$/);
      assert.match(
        await page.mainText(),
        /Your query has been saved as “Older people with weak grip and osteoarthritis”/,
      );
      assert.equal((await page.criteria()).length, 3);

      // The start page lists it; deleting asks first, and "No, keep it" keeps it.
      await page.open(baseUrl, '/feasibility');
      const name = 'Older people with weak grip and osteoarthritis';
      await page.andWaitForNewPage(() =>
        page.page.getByRole('link', { name: `Delete ${name}` }).click(),
      );
      assert.deepEqual(await page.headings(), [`Delete the saved query “${name}”?`]);
      assert.deepEqual(await page.accessibilityViolations(), [], 'delete confirmation');
      await page.andWaitForNewPage(() =>
        page.page.getByRole('link', { name: 'No, keep it' }).click(),
      );
      assert.match(await page.mainText(), new RegExp(`${name} .* Open`));
    });
  });

  test('without JavaScript on a phone-width screen the same journey works', async () => {
    await withSignedInPage(narrowNoScript, async (page) => {
      assert.equal(page.pathname(), '/feasibility');
      assert.equal(await page.horizontalOverflow(), 0, 'the start page scrolls sideways');
      await page.press(/^Use this template \(Probable sarcopenia/);
      await page.addConditionWithSearch('diabetes', 'Type 2 diabetes mellitus', 'button');
      await page.press('Add criterion');
      assert.equal(
        (await page.criteria())[2],
        'Condition: Type 2 diabetes mellitus (SNOMED:44054006), at any time',
      );
      assert.equal(await page.horizontalOverflow(), 0, 'the builder scrolls sideways');

      // Changing a criterion in place, then removing one, keeps the rest.
      await page.press('Change criterion 1');
      await page.page.getByLabel('Youngest age').fill('70');
      await page.press('Save changes');
      assert.equal((await page.criteria())[0], 'Aged 70 or over');

      assert.equal(await page.press('Run count'), 200);
      assertDisclosed(await page.total(), 'total');
      assert.equal(await page.chart().count(), 1);
      assert.equal(await page.horizontalOverflow(), 0, 'the results scroll sideways');
      const box = await page.chart().boundingBox();
      assert.ok(box && box.x + box.width <= 320, 'the chart fits the screen');

      const download = page.page.waitForEvent('download');
      await page.button('Download these counts as CSV').click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^feasibility-counts-probable-sarcopenia-.*\.csv$/);

      await page.page.getByLabel('Name').fill('Phone query');
      await page.press('Save query');
      assert.match(await page.mainText(), /Your query has been saved as “Phone query”/);
      await page.page.goto(`${baseUrl}/feasibility`);
      await page.andWaitForNewPage(() =>
        page.page.getByRole('link', { name: 'Delete Phone query' }).click(),
      );
      assert.deepEqual(await page.headings(), ['Delete the saved query “Phone query”?']);
      await page.press('Delete saved query');
      assert.match(await page.mainText(), /The saved query has been deleted/);
    });
  });
});
