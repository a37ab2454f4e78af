/// <reference lib="dom" />
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { Database } from '../../src/platform/db/database.js';
import type { TestApp } from '../support/app.js';
import { createUser, sessionFor } from '../support/users.js';
import { StaffPage } from './pages/staff-pages.js';
import { launchChromium, narrowNoScript, startSite } from './support/browser.js';

const period = '/office/performance?from=2026-08-01&to=2026-11-27';

/** The performance page: charts drawn as SVG, each with its table. */
class PerformancePage extends StaffPage {
  /** Each chart's drawn size, and the smallest size its text is shown at, in CSS pixels. */
  charts() {
    return this.page.locator('main svg[role="img"]').evaluateAll((charts) =>
      charts.map((chart) => {
        const box = chart.getBoundingClientRect();
        const viewBox = (chart as SVGSVGElement).viewBox.baseVal;
        const scale = box.width / viewBox.width;
        const fontSize = Number(chart.getAttribute('font-size'));
        return {
          id: chart.getAttribute('aria-labelledby') ?? '',
          width: box.width,
          right: box.right,
          heightRatio: box.height / box.width,
          viewBoxRatio: viewBox.height / viewBox.width,
          textPx: fontSize * scale,
        };
      }),
    );
  }
}

async function seed(database: Database, app: TestApp['app']) {
  const ids: string[] = [];
  for (let index = 0; index < 4; index += 1) {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({
        organisationName: 'Narrow Screens plc',
        contactName: 'Sam Small',
        contactEmail: `sam${index}@narrow.example`,
        enquiryType: 'data-feasibility',
        healthCategory: 'respiratory',
        description: 'Feasibility counts for a respiratory cohort across the Midlands.',
        consentToContact: true,
      }),
    });
    assert.equal(response.statusCode, 201, response.body);
    const [row] = await database.query<{ id: string }>(
      `update enquiry set received_at = $2, first_responded_at = $3, stage = $4,
              stage_entered_at = $5, closed_outcome = $6
        where reference = $1 returning id::text as id`,
      [
        response.json<{ reference: string }>().reference,
        `2026-11-0${index + 2}T09:00:00Z`,
        index === 3 ? null : `2026-11-1${index}T09:00:00Z`,
        index === 0 ? 'closed' : index === 3 ? 'received' : 'sites-consulted',
        `2026-11-1${index}T09:00:00Z`,
        index === 0 ? 'won' : null,
      ],
    );
    assert.ok(row);
    ids.push(row.id);
    await database.query(
      `insert into enquiry_event (enquiry_id, occurred_at, actor_label, kind, from_stage, to_stage)
       values ($1, $2, 'Test office', 'stage-changed', 'received', 'triaged'),
              ($1, $3, 'Test office', 'stage-changed', 'triaged', 'sites-consulted')`,
      [row.id, `2026-11-1${index}T09:00:00Z`, `2026-11-1${index}T15:00:00Z`],
    );
  }
  const [first, second] = ids;
  for (const [slug, enquiryId, answered] of [
    ['uhcw', first, '2026-11-16T09:00:00Z'],
    ['nuh', first, null],
    ['uhb', second, '2026-11-13T09:00:00Z'],
  ] as const) {
    await database.query(
      `insert into enquiry_site_request
         (enquiry_id, organisation_id, requested_at, due_at, responded_at, interested,
          principal_investigator)
       select $1, id, '2026-11-11T09:00:00Z', '2026-11-25T23:59:59.999Z', $3::timestamptz,
              case when $3::timestamptz is null then null else true end,
              case when $3::timestamptz is null then null else 'Dr Example' end
         from organisation where slug = $2`,
      [enquiryId, slug, answered],
    );
  }
}

describe('the front door performance page in Chromium', () => {
  let browser: Browser;
  let baseUrl: string;
  let testApp: TestApp;
  let session: () => Promise<string>;

  before(async () => {
    ({ baseUrl, testApp } = await startSite());
    const { database } = testApp.testDatabase;
    await seed(database, testApp.app);
    const office = await createUser(database, 'alliance-office');
    session = () => sessionFor(database, office.id);
    browser = await launchChromium();
  });
  after(async () => {
    await browser.close();
    await testApp.close();
  });

  async function withPage(
    options: BrowserContextOptions,
    body: (page: PerformancePage) => Promise<void>,
  ) {
    const context = await browser.newContext(options);
    try {
      await context.addCookies([{ name: 'mha_session', value: await session(), url: baseUrl }]);
      const page: Page = await context.newPage();
      const scriptErrors: string[] = [];
      page.on('pageerror', (error) => scriptErrors.push(error.message));
      await body(new PerformancePage(page));
      assert.deepEqual(scriptErrors, []);
    } finally {
      await context.close();
    }
  }

  test('with data: three charts, and axe-core finds no WCAG 2.2 AA violations', async () => {
    await withPage({}, async (page) => {
      assert.equal(await page.open(baseUrl, period), 200);
      assert.deepEqual(await page.headings(), ['Front door performance']);
      const charts = await page.charts();
      assert.deepEqual(
        charts.map((chart) => chart.id),
        ['chart-stages-title', 'chart-stage-times-title', 'chart-sites-title'],
      );
      for (const chart of charts) {
        assert.ok(Math.abs(chart.heightRatio - chart.viewBoxRatio) < 0.02, chart.id);
      }
      assert.match(await page.mainText(), /University Hospitals Coventry and Warwickshire/);
      assert.deepEqual(await page.accessibilityViolations(), []);
    });
  });

  test('with bad dates: the error summary, and no axe violations', async () => {
    await withPage({}, async (page) => {
      assert.equal(await page.open(baseUrl, '/office/performance?from=2026-02-30'), 422);
      assert.deepEqual(await page.errorSummaryLinks(), [
        { text: 'From date must be a real date, like 2026-11-02', href: '#from' },
      ]);
      assert.ok(await page.fieldDescribedByError('from'));
      assert.deepEqual(await page.accessibilityViolations(), []);
    });
  });

  test('at 320 px without JavaScript nothing scrolls sideways and chart text is at least 12 px', async () => {
    await withPage(narrowNoScript, async (page) => {
      assert.equal(await page.open(baseUrl, period), 200);
      assert.equal(await page.horizontalOverflow(), 0, 'the page scrolls sideways');
      const charts = await page.charts();
      assert.equal(charts.length, 3);
      for (const chart of charts) {
        assert.ok(chart.right <= 320, `${chart.id} fits the screen`);
        assert.ok(chart.textPx >= 12, `${chart.id} text is ${chart.textPx} px`);
      }
    });
  });

  test('an empty period at 320 px says so and does not scroll sideways', async () => {
    await withPage(narrowNoScript, async (page) => {
      assert.equal(
        await page.open(baseUrl, '/office/performance?from=2020-01-01&to=2020-01-31'),
        200,
      );
      assert.match(await page.mainText(), /No enquiries in this period\./);
      assert.equal(await page.horizontalOverflow(), 0);
    });
  });
});
