/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor, testPassword } from '../support/users.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

/** The portfolio pages, as alliance and partner staff use them. */
class PortfolioPage extends StaffPage {
  press(name: string | RegExp) {
    return this.andWaitForNewPage(() => this.page.getByRole('button', { name }).first().click());
  }

  /** Fills in the add-a-project form (the fields a project needs, and a grand challenge). */
  async fillProject(project: {
    title: string;
    abstract: string;
    healthCategory: string;
    lead: string;
    challenge: string;
  }) {
    await this.page.locator('#title').fill(project.title);
    await this.page.locator('#abstract').fill(project.abstract);
    await this.page.locator('#healthCategory').selectOption(project.healthCategory);
    await this.page.locator('#leadOrganisationId').selectOption(project.lead);
    await this.page.locator(`input[name="grandChallenges"][value="${project.challenge}"]`).check();
  }

  /** References of the similar projects the check lists, in the order shown. */
  similarReferences() {
    return this.page
      .locator('#similar-projects > li')
      .evaluateAll((items) =>
        items.map((item) => /MHA-P-\d{4}-\d{4,}/.exec(item.textContent || '')?.[0] ?? ''),
      );
  }

  successBanner() {
    return this.page.locator('.nhsuk-notification-banner--success');
  }
}

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

/** An existing project, added through the API before the browser opens the form. */
const original = {
  title: 'Vitamin D and omega-3 supplements to prevent delirium after hip fracture surgery',
  abstract:
    'Delirium affects up to half of older adults after hip fracture surgery and is linked to longer stays, dementia and death. In a randomised placebo-controlled trial across three hospitals we will give vitamin D3 and omega-3 fatty acid supplements to adults aged 65 and over from admission until four weeks after surgery, and compare the incidence of postoperative delirium, its severity and length of stay.',
  healthCategory: 'injuries-accidents',
  leadOrganisationId: 'uhb',
  grandChallenges: ['multimorbidity'],
  pipeline: 'birmingham-brc-translational',
  amountPounds: 400_000,
};

/** The same research in other words: no sentence of the original is reused. */
const paraphrase = (title: string) => ({
  title,
  abstract:
    'Acute confusion is common in elderly people who have an operation for a fractured neck of femur, and it is associated with poorer recovery. This trial will randomise people over 65 admitted with a broken hip to daily cholecalciferol plus fish oil capsules or to dummy capsules, starting on admission and continuing for a month after the operation, to find out whether fewer develop acute confusion after surgery and whether they go home sooner.',
  healthCategory: 'injuries-accidents',
  lead: 'uhl',
  challenge: 'multimorbidity',
});

describe('the research portfolio in Chromium', () => {
  let browser: Browser;
  let testApp: TestApp;
  let baseUrl: string;
  let officeEmail = '';
  let originalReference = '';

  before(async () => {
    // With the sample data, so that the check runs against a full portfolio.
    ({ baseUrl, testApp } = await startSite({ env: { SAMPLE_DATA: 'true' } }));
    const { database } = testApp.testDatabase;
    const office = await createUser(database, 'alliance-office');
    officeEmail = office.email;
    const session = await sessionFor(database, office.id);
    const created = await testApp.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: `mha_session=${session}`, 'content-type': 'application/json' },
      payload: JSON.stringify(original),
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id, reference } = created.json<{ id: string; reference: string }>();
    originalReference = reference;
    // A stage move, so that the board, its chart and the project page have history to show.
    const moved = await testApp.app.inject({
      method: 'POST',
      url: `/api/v1/projects/${id}/stage`,
      headers: { cookie: `mha_session=${session}`, 'content-type': 'application/json' },
      payload: JSON.stringify({
        stage: 'discovery',
        enteredOn: shift(today, -20),
        evidence: 'Cohort data',
      }),
    });
    assert.equal(moved.statusCode, 200, moved.body);
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  const projectsTitled = async (title: string) => {
    const [row] = await testApp.testDatabase.database.query<{ n: string }>(
      'select count(*)::text as n from research_project where title = $1',
      [title],
    );
    return Number(row?.n ?? 0);
  };

  /** Signs in as the alliance office through the sign-in page, which returns to `path`. */
  async function asOffice(
    options: BrowserContextOptions,
    path: string,
    body: (page: PortfolioPage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl, `?returnTo=${encodeURIComponent(path)}`);
      assert.equal(await signIn.signIn(officeEmail, testPassword), 200);
      await body(new PortfolioPage(page));
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  /**
   * The main flow: a project that restates an existing one in other words is checked before it
   * is saved, the existing one is among the first three suggestions, and "Save anyway" saves it.
   */
  async function addParaphrase(page: PortfolioPage, title: string, checkAccessibility: boolean) {
    assert.equal(page.pathname(), '/projects/new');
    assert.deepEqual(await page.headings(), ['Add a research project']);
    await page.fillProject(paraphrase(title));
    assert.equal(await page.press('Check for similar projects'), 200);

    assert.match(await page.mainText(), /Similar projects already exist/);
    const suggested = await page.similarReferences();
    assert.ok(
      suggested.slice(0, 3).includes(originalReference),
      `${originalReference} among the first 3 suggestions: ${suggested.join(', ')}`,
    );
    assert.equal(await projectsTitled(title), 0, 'nothing is saved before the second press');
    assert.equal(await page.page.locator('#title').inputValue(), title, 'what was typed is kept');
    if (checkAccessibility) {
      assert.deepEqual(await page.accessibilityViolations(), [], 'the form with the similar panel');
    }

    assert.equal(await page.press('Save anyway'), 200);
    assert.match(page.pathname(), /^\/projects\/MHA-P-\d{4}-\d{4,}$/);
    assert.deepEqual(await page.headings(), [title]);
    assert.match(await page.successBanner().innerText(), /Project added/);
    assert.equal(await projectsTitled(title), 1);
  }

  test('a project restating an existing one shows it among the top 3 suggestions before saving; every page passes axe', async () => {
    await asOffice({}, '/projects/new', async (page) => {
      await addParaphrase(
        page,
        'Cholecalciferol and fish oil against acute confusion after a broken hip',
        true,
      );
      assert.deepEqual(await page.accessibilityViolations(), [], 'the new project’s page');

      // The form with errors: the summary names each problem and links to its field.
      await page.open(baseUrl, '/projects/new');
      await page.page.locator('#abstract').fill('Too short');
      assert.equal(await page.press('Check for similar projects'), 422);
      const links = await page.errorSummaryLinks();
      assert.deepEqual(
        links.map((link) => link.href),
        ['#title', '#abstract', '#healthCategory', '#leadOrganisationId'],
      );
      assert.equal(await page.page.locator('#abstract').inputValue(), 'Too short');
      assert.deepEqual(await page.accessibilityViolations(), [], 'the form with errors');

      const pages: [string, string][] = [
        ['/grand-challenges', 'Grand challenges'],
        ['/grand-challenges/sarcopenia', 'Sarcopenia'],
        ['/projects', 'Research projects'],
        [`/projects/${originalReference}`, original.title],
        ['/pipelines', 'Translational pipelines'],
        ['/portfolio', 'Research portfolio'],
        ['/grand-challenges/new', 'Add a grand challenge'],
      ];
      for (const [path, h1] of pages) {
        assert.equal(await page.open(baseUrl, path), 200, path);
        assert.deepEqual(await page.headings(), [h1], path);
        assert.deepEqual(await page.accessibilityViolations(), [], path);
      }
    });
  });

  test('the same works without JavaScript on a 320 px wide screen', async () => {
    await asOffice(narrowNoScript, '/projects/new', async (page) => {
      await addParaphrase(
        page,
        'Fish oil and cholecalciferol for confusion after hip operations',
        false,
      );
      for (const path of ['/projects/new', '/pipelines', '/portfolio', '/grand-challenges']) {
        assert.equal(await page.open(baseUrl, path), 200, path);
        assert.equal(await page.horizontalOverflow(), 0, `${path} scrolls sideways at 320 px`);
      }
    });
  });
});
