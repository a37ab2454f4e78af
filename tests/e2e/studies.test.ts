/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { londonToday } from '../../src/features/studies/service.js';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor, testPassword } from '../support/users.js';
import { SignInPage } from './pages/sign-in-page.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = londonToday(new Date());
const ago = (days: number) => shift(today, -days);

/** The study pages, as a site research office uses them. */
class StudyPage extends StaffPage {
  press(name: string | RegExp) {
    return this.andWaitForNewPage(() => this.page.getByRole('button', { name }).first().click());
  }

  follow(name: string | RegExp) {
    return this.andWaitForNewPage(() => this.page.getByRole('link', { name }).first().click());
  }

  /** Fills an NHS date input (its Day, Month and Year boxes) with a YYYY-MM-DD date. */
  async fillDate(name: string, iso: string) {
    const [year = '', month = '', day = ''] = iso.split('-');
    await this.page.locator(`#${name}Day`).fill(String(Number(day)));
    await this.page.locator(`#${name}Month`).fill(String(Number(month)));
    await this.page.locator(`#${name}Year`).fill(year);
  }

  /** From the study page: opens a site milestone's form, enters the date and saves it. */
  async recordMilestone(label: string, site: string, date: string, evidence = '') {
    await this.follow(`Record the date of ${label.toLowerCase()} at ${site}`);
    await this.fillDate('achievedOn', date);
    if (evidence) await this.page.getByLabel('Evidence (optional)').fill(evidence);
    return this.press('Save milestone');
  }

  async text(selector: string) {
    return (await this.page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
  }

  successBanner() {
    return this.text('.nhsuk-notification-banner--success');
  }

  /** Chooses a file made in memory and uploads it. */
  async uploadCsv(name: string, content: string) {
    // With JavaScript the NHS.UK file upload moves the id to its drop button; the input stays.
    await this.page
      .locator('input[type="file"][name="file"]')
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
    return this.press('Check and save');
  }

  problemRows() {
    return this.page
      .locator('#problems-table tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('td'), (cell) =>
            (cell.textContent || '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }
}

const uhbName = 'University Hospitals Birmingham NHS Foundation Trust';
const milestonesToOpen: [string, number][] = [
  ['Site selected', 110],
  ['Confidentiality agreement signed', 105],
  ['Costing agreed (national contract value review)', 60],
  ['Model agreement executed', 55],
  ['Capacity and capability confirmed', 50],
  ['Site initiation visit', 45],
  ['Site open to recruitment', 40],
];

describe('study set-up and recruitment in Chromium', () => {
  let browser: Browser;
  let testApp: TestApp;
  let baseUrl: string;
  let siteOfficeEmail = '';
  let officeSession = '';
  const references: string[] = [];

  /** A study with UHB and NUH as sites, applied for 120 days ago and approved 70 days ago. */
  async function studyThroughTheApi(cookie: string, shortTitle: string) {
    const call = (method: 'POST' | 'PUT', url: string, body: unknown) =>
      testApp.app.inject({
        method,
        url,
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify(body),
      });
    const created = await call('POST', '/api/v1/studies', {
      title: `${shortTitle}: a trial of a new treatment for sarcopenia in older adults`,
      shortTitle,
      sponsor: 'Test Pharma Ltd',
      isCommercial: true,
      studyType: 'interventional',
      phase: 'phase-2',
      healthCategory: 'musculoskeletal',
      mhraApprovalNeeded: false,
      recruitmentTarget: 60,
      plannedStart: ago(90),
      plannedEnd: shift(today, 120),
    });
    assert.equal(created.statusCode, 201, created.body);
    const { id, reference } = created.json<{ id: string; reference: string }>();
    for (const organisation of ['uhb', 'nuh']) {
      const site = await call('POST', `/api/v1/studies/${id}/sites`, {
        organisation,
        principalInvestigator: `Dr ${organisation}`,
        recruitmentTarget: 30,
        plannedOpen: ago(90),
        plannedClose: shift(today, 120),
      });
      assert.equal(site.statusCode, 201, site.body);
    }
    for (const [milestone, days] of [
      ['application-submitted', 120],
      ['hra-rec-approval', 70],
    ] as const) {
      const put = await call('PUT', `/api/v1/studies/${id}/milestones/${milestone}`, {
        achievedOn: ago(days),
      });
      assert.equal(put.statusCode, 200, put.body);
    }
    return reference;
  }

  before(async () => {
    // With the sample studies, so that the pages are checked with a full portfolio.
    ({ baseUrl, testApp } = await startSite({ env: { SAMPLE_DATA: 'true' } }));
    const { database } = testApp.testDatabase;
    const office = await createUser(database, 'alliance-office');
    officeSession = await sessionFor(database, office.id);
    const cookie = `mha_session=${officeSession}`;
    references.push(await studyThroughTheApi(cookie, 'E2E-GRIP'));
    references.push(await studyThroughTheApi(cookie, 'E2E-NOSCRIPT'));
    siteOfficeEmail = (await createUser(database, 'site-office', { organisationSlug: 'uhb' }))
      .email;
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  /** Signs in through the sign-in page, which returns to /studies. */
  async function asSiteOffice(
    options: BrowserContextOptions,
    body: (page: StudyPage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      const page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      const signIn = new SignInPage(page);
      await signIn.openSignIn(baseUrl, `?returnTo=${encodeURIComponent('/studies')}`);
      assert.equal(await signIn.signIn(siteOfficeEmail, testPassword), 200);
      await body(new StudyPage(page));
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  async function auditOf(reference: string) {
    return testApp.testDatabase.database.query<{
      entity_type: string;
      entity_id: string;
      actor_label: string;
    }>(
      `select entity_type, entity_id, actor_label from audit_event
       where entity_type in ('study-milestone', 'study-recruitment')
         and (entity_id = $1 or entity_id like $1 || '/%')
       order by id`,
      [reference],
    );
  }

  test('a site office records milestones to opening and uploads recruitment; the RAG status, count and forecast follow, and all is audited', async () => {
    const reference = references[0] ?? '';
    await asSiteOffice({}, async (page) => {
      assert.equal(page.pathname(), '/studies');
      assert.deepEqual(await page.headings(), ['Studies']);
      assert.deepEqual(await page.accessibilityViolations(), [], 'the portfolio');

      await page.follow(reference);
      assert.deepEqual(await page.headings(), ['E2E-GRIP']);
      assert.deepEqual(await page.accessibilityViolations(), [], 'the study page');
      assert.equal(await page.text('#site-uhb-holding-up'), 'Held up by: Site selected');
      const ragBefore = await page.text('#site-uhb-measures tbody tr:nth-child(2)');
      assert.match(ragBefore, /Approval to site open 70 days 60 days In progress Red: over target/);
      const forecastBefore = await page.text('#forecast-summary');
      assert.match(await page.text('#recruited-total'), /^0 of 60 participants recruited/);

      // A date in the future is refused, with the error summary; what was typed stays.
      await page.follow(`Record the date of site selected at ${uhbName}`);
      await page.fillDate('achievedOn', shift(today, 5));
      await page.page.getByLabel('Evidence (optional)').fill('Selection letter');
      assert.equal(await page.press('Save milestone'), 422);
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'The date cannot be in the future', href: '#achievedOnDay' },
      ]);
      assert.equal(
        await page.page.getByLabel('Evidence (optional)').inputValue(),
        'Selection letter',
      );
      assert.deepEqual(await page.accessibilityViolations(), [], 'a milestone form with errors');
      await page.follow('Back to the study');
      assert.equal(page.pathname(), `/studies/${reference}`);

      for (const [label, days] of milestonesToOpen) {
        assert.equal(
          await page.recordMilestone(label, uhbName, ago(days), `${label} evidence`),
          200,
        );
        const banner = await page.successBanner();
        assert.ok(banner.includes(`${label} has been recorded for ${uhbName}.`), banner);
      }
      assert.equal(
        await page.text('#site-uhb-holding-up'),
        'Held up by: First participant recruited',
      );
      assert.match(
        await page.text('#site-uhb-measures tbody tr:nth-child(2)'),
        /Approval to site open 30 days 60 days Complete Green: within target/,
      );
      assert.match(await page.text('#study-status'), /Recruiting/);

      // The upload refuses a file with bad rows and lists them by row.
      await page.follow('Upload recruitment from a CSV file');
      assert.deepEqual(await page.headings(), ['Upload recruitment']);
      assert.deepEqual(await page.accessibilityViolations(), [], 'the upload page');
      const bad = [
        'site,date,participants',
        `uhb,${ago(30)},-4`,
        `xyz,${ago(29)},2`,
        `uhb,${ago(28)},two`,
      ];
      assert.equal(await page.uploadCsv('bad.csv', bad.join('\n')), 422);
      const problems = await page.problemRows();
      assert.deepEqual(
        problems.map(([row]) => row),
        ['2', '4'],
        'the schema’s problems come first: nothing else is checked until they are fixed',
      );
      assert.match(problems[0]?.[1] ?? '', /cannot be negative/);
      assert.match(problems[1]?.[1] ?? '', /must be a whole number/);
      assert.deepEqual(await page.accessibilityViolations(), [], 'the upload page with row errors');
      assert.equal(
        await page.uploadCsv('unknown.csv', `site,date,participants\nxyz,${ago(29)},2\n`),
        422,
      );
      assert.match((await page.problemRows())[0]?.[1] ?? '', /Unknown site "xyz"/);

      const good = [
        'site,date,participants',
        ...[38, 35, 30, 25, 20, 15, 10, 5].map((days) => `uhb,${ago(days)},2`),
      ];
      assert.equal(await page.uploadCsv('recruitment.csv', good.join('\n')), 200);
      assert.equal(page.pathname(), `/studies/${reference}`);
      assert.match(
        await page.successBanner(),
        /The recruitment has been saved\. 16 participants recruited so far\./,
      );
      assert.match(await page.text('#recruited-total'), /^16 of 60 participants recruited/);
      assert.equal(
        await page.text('#site-uhb-holding-up'),
        'Set-up complete: the first participant is in.',
      );
      assert.match(
        await page.text('#site-uhb-measures tbody tr:nth-child(3)'),
        /Site open to first participant 2 days 30 days Complete Green: within target/,
      );
      const forecastAfter = await page.text('#forecast-summary');
      assert.notEqual(forecastAfter, forecastBefore);
      assert.match(forecastAfter, /44 more participants are needed to reach the target of 60/);
      assert.match(
        await page.text('#forecast-sites'),
        /University Hospitals Birmingham NHS Foundation Trust Open 16/,
      );
      assert.deepEqual(await page.accessibilityViolations(), [], 'the study page with recruitment');

      await page.open(baseUrl, '/studies/performance');
      assert.deepEqual(await page.headings(), ['Study set-up and recruitment performance']);
      assert.deepEqual(await page.accessibilityViolations(), [], 'the performance dashboard');
      await page.open(baseUrl, '/site/studies');
      assert.deepEqual(await page.accessibilityViolations(), [], 'the site office’s studies');
    });

    const audit = await auditOf(reference);
    const milestones = audit.filter((row) => row.entity_type === 'study-milestone');
    assert.deepEqual(
      milestones.map((row) => row.entity_id),
      [
        `${reference}/study/application-submitted`,
        `${reference}/study/hra-rec-approval`,
        ...[
          'site-selected',
          'cda-signed',
          'costing-agreed',
          'model-agreement-executed',
          'capacity-capability-confirmed',
          'site-initiation-visit',
          'site-open',
        ].map((slug) => `${reference}/uhb/${slug}`),
      ],
    );
    for (const row of milestones.slice(2)) assert.equal(row.actor_label, siteOfficeEmail);
    const recruitment = audit.filter((row) => row.entity_type === 'study-recruitment');
    assert.equal(recruitment.length, 1, 'one upload, one audit event; the refused ones none');
    assert.equal(recruitment[0]?.actor_label, siteOfficeEmail);
  });

  test('without JavaScript on a phone-width screen the same journey works', async () => {
    const reference = references[1] ?? '';
    await asSiteOffice(narrowNoScript, async (page) => {
      assert.equal(page.pathname(), '/studies');
      assert.equal(await page.horizontalOverflow(), 0, 'the portfolio scrolls sideways');
      await page.follow(reference);
      assert.equal(await page.horizontalOverflow(), 0, 'the study page scrolls sideways');
      for (const [label, days] of milestonesToOpen) {
        assert.equal(await page.recordMilestone(label, uhbName, ago(days)), 200, label);
      }
      assert.equal(
        await page.text('#site-uhb-holding-up'),
        'Held up by: First participant recruited',
      );
      await page.follow('Upload recruitment from a CSV file');
      assert.equal(await page.horizontalOverflow(), 0, 'the upload page scrolls sideways');
      assert.equal(
        await page.uploadCsv(
          'recruitment.csv',
          `site,date,participants\nuhb,${ago(39)},3\nuhb,${ago(20)},1\n`,
        ),
        200,
      );
      assert.match(await page.successBanner(), /4 participants recruited so far/);
      assert.match(await page.text('#recruited-total'), /^4 of 60/);
      const box = await page.page
        .locator('svg[aria-labelledby="recruitment-chart-title"]')
        .boundingBox();
      assert.ok(box && box.x + box.width <= 320, 'the chart fits the screen');
      assert.equal(await page.horizontalOverflow(), 0, 'the study page scrolls sideways');
    });
    const audit = await auditOf(reference);
    assert.equal(audit.filter((row) => row.entity_id.startsWith(`${reference}/uhb/`)).length, 7);
    assert.equal(audit.filter((row) => row.entity_type === 'study-recruitment').length, 1);
  });

  test('the alliance office’s forms and the recruitment form, with their errors, have no axe violations', async () => {
    const reference = references[0] ?? '';
    const context = await browser.newContext();
    try {
      await context.addCookies([{ name: 'mha_session', value: officeSession, url: baseUrl }]);
      const page = new StudyPage(await context.newPage());
      const check = async (h1: string, what: string) => {
        assert.deepEqual(await page.headings(), [h1], what);
        assert.deepEqual(await page.accessibilityViolations(), [], what);
      };
      assert.equal(await page.open(baseUrl, '/studies'), 200);
      // A link that looks like a button, and says so to assistive technology.
      await page.press('Add a study');
      await check('Add a study', 'the study form');
      assert.equal(await page.press('Save study'), 422);
      assert.equal((await page.errorSummaryLinks()).length, 11);
      await check('Add a study', 'the study form with errors');

      await page.open(baseUrl, `/studies/${reference}`);
      await page.follow('Add a site');
      await check('Add a site', 'the site form');
      assert.equal(await page.press('Add site'), 422);
      await check('Add a site', 'the site form with errors');

      await page.open(baseUrl, `/studies/${reference}`);
      await page.follow('Change the date of hra and rec approval');
      await check('HRA and REC approval', 'a study milestone form');

      await page.open(baseUrl, `/studies/${reference}/sites/uhb/recruitment`);
      await page.fillDate('date', shift(today, 2));
      await page.page.getByLabel('Participants recruited that day').fill('-1');
      assert.equal(await page.press('Save recruitment'), 422);
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'Participants cannot be negative', href: '#participants' },
      ]);
      assert.ok(await page.fieldDescribedByError('participants'));
      await check(
        'Recruitment at University Hospitals Birmingham NHS Foundation Trust',
        'the recruitment form with errors',
      );
    } finally {
      await context.close();
    }
  });
});
