import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { londonDate } from '../../../src/features/enquiries/working-days.js';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

const pagePath = '/office/performance';
const csvPath = '/office/performance.csv';
/** The known pattern below lies in this period; an enquiry received "now" lies after it. */
const period = 'from=2026-08-01&to=2026-11-27';

const apiBody = {
  organisationName: 'Borealis Devices',
  contactName: 'Grace Hopper',
  contactEmail: 'grace@borealis.example',
  enquiryType: 'device-evaluation',
  healthCategory: 'musculoskeletal',
  description: 'We would like to evaluate a wearable grip-strength sensor in older adults.',
  consentToContact: true,
};

type Stage =
  | 'received'
  | 'triaged'
  | 'sites-consulted'
  | 'sites-responded'
  | 'feasibility'
  | 'costing-contracting'
  | 'set-up'
  | 'open'
  | 'closed';

/** One enquiry's history: when it arrived, was answered, and each stage change after that. */
interface History {
  receivedAt: string;
  firstRespondedAt?: string;
  changes?: [from: Stage, to: Stage, at: string][];
  outcome?: 'won' | 'lost' | 'withdrawn';
}

/** Rows of the table whose caption has this id, each as its cells' text. */
function tableRows(html: string, captionId: string): string[][] {
  const start = html.indexOf(`id="${captionId}"`);
  assert.ok(start > 0, `a table captioned #${captionId}`);
  const table = html.slice(start, html.indexOf('</table>', start));
  const body = table.slice(table.indexOf('<tbody'));
  return [...body.matchAll(/<tr\b[\s\S]*?<\/tr>/g)].map((row) =>
    [...row[0].matchAll(/<t[hd]\b[^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      (cell[1] ?? '')
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
  );
}

function days(value: number) {
  return `${value} ${value === 1 ? 'day' : 'days'}`;
}

for (const engine of testEngines()) {
  describe(`front door performance page on ${engine}`, () => {
    let testApp: TestApp;
    let database: Database;
    let office: FormClient;
    let admin: FormClient;

    async function signedIn(role: 'admin' | 'alliance-office' | 'investigator' | 'site-office') {
      const user = await createUser(database, role);
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      return client;
    }

    /** Sends an enquiry through the JSON API, then gives it a known history with SQL. */
    async function enquiry(history: History): Promise<string> {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/enquiries',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify(apiBody),
      });
      assert.equal(response.statusCode, 201, response.body);
      const { reference } = response.json<{ reference: string }>();
      const changes = history.changes ?? [];
      const last = changes.at(-1);
      const [row] = await database.query<{ id: string }>(
        `update enquiry set received_at = $2, first_responded_at = $3, stage = $4,
                stage_entered_at = $5, closed_outcome = $6
          where reference = $1 returning id::text as id`,
        [
          reference,
          history.receivedAt,
          history.firstRespondedAt ?? null,
          last?.[1] ?? 'received',
          last?.[2] ?? history.receivedAt,
          history.outcome ?? null,
        ],
      );
      assert.ok(row);
      await database.query(`update enquiry_event set occurred_at = $2 where enquiry_id = $1`, [
        row.id,
        history.receivedAt,
      ]);
      for (const [from, to, at] of changes) {
        await database.query(
          `insert into enquiry_event (enquiry_id, occurred_at, actor_label, kind, from_stage, to_stage)
           values ($1, $2, 'Test office', 'stage-changed', $3, $4)`,
          [row.id, at, from, to],
        );
      }
      return row.id;
    }

    async function siteRequest(
      enquiryId: string,
      organisationSlug: string,
      request: { at: string; due: string; answeredAt?: string; interested?: boolean },
    ) {
      await database.query(
        `insert into enquiry_site_request
           (enquiry_id, organisation_id, requested_at, due_at, responded_at, interested,
            principal_investigator)
         select $1, id, $3, $4, $5, $6, $7 from organisation where slug = $2`,
        [
          enquiryId,
          organisationSlug,
          request.at,
          request.due,
          request.answeredAt ?? null,
          request.interested ?? null,
          request.interested ? 'Dr Ada Example' : null,
        ],
      );
    }

    before(async () => {
      testApp = await buildTestApp(engine);
      database = testApp.testDatabase.database;
      office = await signedIn('alliance-office');
      admin = await signedIn('admin');

      // Received Mon 2 Nov 2026, first response Wed 4 Nov: 2 working days.
      await enquiry({
        receivedAt: '2026-11-02T09:00:00Z',
        firstRespondedAt: '2026-11-04T10:00:00Z',
        changes: [['received', 'triaged', '2026-11-04T10:00:00Z']],
      });
      // Received Fri 28 Aug 2026 (BST), answered Thu 3 Sep: 3 working days, as Mon 31 Aug is
      // the summer bank holiday, so within the deadline; then all the way to open, and won.
      const won = await enquiry({
        receivedAt: '2026-08-28T08:00:00Z',
        firstRespondedAt: '2026-09-03T08:00:00Z',
        changes: [
          ['received', 'triaged', '2026-09-03T08:00:00Z'],
          ['triaged', 'sites-consulted', '2026-09-07T08:00:00Z'],
          ['sites-consulted', 'sites-responded', '2026-09-21T08:00:00Z'],
          ['sites-responded', 'feasibility', '2026-09-28T08:00:00Z'],
          ['feasibility', 'costing-contracting', '2026-10-05T08:00:00Z'],
          ['costing-contracting', 'set-up', '2026-10-19T08:00:00Z'],
          ['set-up', 'open', '2026-10-26T09:00:00Z'],
          ['open', 'closed', '2026-11-09T09:00:00Z'],
        ],
        outcome: 'won',
      });
      // Received Mon 2 Nov, answered Mon 9 Nov (5 working days, late), withdrawn Wed 11 Nov.
      const withdrawn = await enquiry({
        receivedAt: '2026-11-02T09:00:00Z',
        firstRespondedAt: '2026-11-09T09:00:00Z',
        changes: [
          ['received', 'triaged', '2026-11-09T09:00:00Z'],
          ['triaged', 'closed', '2026-11-11T09:00:00Z'],
        ],
        outcome: 'withdrawn',
      });
      // Received Tue 3 Nov and never answered: overdue since the end of Fri 6 Nov.
      await enquiry({ receivedAt: '2026-11-03T09:00:00Z' });
      // Received now, after the period: unanswered but not yet due.
      await enquiry({ receivedAt: new Date().toISOString() });

      // Sites asked on Mon 7 Sep, due by the end of Mon 21 Sep.
      const due = '2026-09-21T22:59:59.999Z';
      await siteRequest(won, 'uhb', {
        at: '2026-09-07T08:00:00Z',
        due,
        answeredAt: '2026-09-11T08:00:00Z',
        interested: true,
      });
      await siteRequest(won, 'nuh', {
        at: '2026-09-07T08:00:00Z',
        due,
        answeredAt: '2026-09-23T08:00:00Z',
        interested: false,
      });
      await siteRequest(won, 'uhl', { at: '2026-09-07T08:00:00Z', due });
      await siteRequest(withdrawn, 'uhb', {
        at: '2026-11-09T09:00:00Z',
        due: '2026-11-23T23:59:59.999Z',
        answeredAt: '2026-11-10T09:00:00Z',
        interested: false,
      });
    });
    after(async () => {
      await testApp.close();
    });

    test('the page shows every figure for the period, in working days', async () => {
      const page = await office.get(`${pagePath}?${period}`);
      assert.equal(page.statusCode, 200, page.body);
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, /<h1>Front door performance<\/h1>/);
      assert.match(page.body, /Figures from 1 August 2026 to 27 November 2026\./);
      assert.match(page.body, /id="from" name="from"[^>]* value="2026-08-01"/);

      assert.deepEqual(tableRows(page.body, 'stages-caption'), [
        ['Received', '1'],
        ['Triaged', '1'],
        ['Sites consulted', '0'],
        ['Sites responded', '0'],
        ['Feasibility', '0'],
        ['Costing and contracting', '0'],
        ['Set-up', '0'],
        ['Open to recruitment', '0'],
        ['Closed', '2'],
      ]);
      assert.deepEqual(tableRows(page.body, 'months-caption'), [
        ['August 2026', '1'],
        ['September 2026', '0'],
        ['October 2026', '0'],
        ['November 2026', '3'],
      ]);
      assert.deepEqual(tableRows(page.body, 'first-response-caption'), [
        ['Enquiries received', '4'],
        ['Answered', '3'],
        ['Not answered, past the deadline', '1'],
        ['Not answered, not yet due', '0'],
        ['Median time to first response', '3 days'],
        ['90th percentile', '5 days'],
        ['Answered within 3 working days', '50% (2 of 4)'],
      ]);
      assert.deepEqual(tableRows(page.body, 'stage-times-caption'), [
        ['Received', '3', days(3), days(5)],
        ['Triaged', '2', days(2), days(2)],
        ['Sites consulted', '1', days(10), days(10)],
        ['Sites responded', '1', days(5), days(5)],
        ['Feasibility', '1', days(5), days(5)],
        ['Costing and contracting', '1', days(10), days(10)],
        ['Set-up', '1', days(5), days(5)],
        ['Open to recruitment', '1', days(10), days(10)],
      ]);
      assert.deepEqual(tableRows(page.body, 'sites-caption'), [
        [
          'Nottingham University Hospitals NHS Trust',
          '1',
          '1',
          days(12),
          days(12),
          '0% (0 of 1)',
          '0% (0 of 1)',
        ],
        [
          'University Hospitals Birmingham NHS Foundation Trust',
          '2',
          '2',
          days(1),
          days(4),
          '100% (2 of 2)',
          '50% (1 of 2)',
        ],
        [
          'University Hospitals of Leicester NHS Trust',
          '1',
          '0',
          '–',
          '–',
          '0% (0 of 1)',
          'No answers yet',
        ],
      ]);
      assert.deepEqual(tableRows(page.body, 'conversion-caption'), [
        ['Won', '1', '1'],
        ['Lost', '0', '0'],
        ['Withdrawn', '1', '0'],
        ['All', '2', '1'],
      ]);
      assert.match(
        page.body,
        /Of the 2 enquiries closed in this period, 50% \(1 of 2\) had reached/,
      );
    });

    test('the charts are accessible inline SVG with the same numbers', async () => {
      const page = await office.get(`${pagePath}?${period}`);
      for (const id of ['chart-stages', 'chart-stage-times', 'chart-sites']) {
        assert.match(
          page.body,
          new RegExp(
            `<svg viewBox="0 0 320 \\d+" width="100%" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-description"`,
          ),
          id,
        );
        assert.match(page.body, new RegExp(`<title id="${id}-title">[^<]+</title>`));
        assert.match(page.body, new RegExp(`<desc id="${id}-description">[^<]+</desc>`));
      }
      assert.match(
        page.body,
        /Received 1, Triaged 1, Sites consulted 0, Sites responded 0, Feasibility 0, Costing and contracting 0, Set-up 0, Open to recruitment 0, Closed 2\./,
      );
      assert.match(page.body, /Received 3 days, Triaged 2 days, Sites consulted 10 days/);
      assert.match(page.body, /University Hospitals of Leicester NHS Trust no answers yet\./);
      assert.match(page.body, />UHB<\/text>/);
      // No inline styles: the content security policy would refuse them.
      assert.doesNotMatch(page.body, /<svg[^>]* style=|<rect[^>]* style=|<text[^>]* style=/);
    });

    test('the CSV holds every figure, one number a row, formula-safe', async () => {
      const csv = await admin.get(`${csvPath}?${period}`);
      assert.equal(csv.statusCode, 200, csv.body);
      assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
      assert.equal(
        csv.headers['content-disposition'],
        'attachment; filename="enquiry-performance-2026-08-01-to-2026-11-27.csv"',
      );
      const site = (name: string, values: (string | number)[]) =>
        [
          'asked',
          'answered',
          'median_working_days',
          'p90_working_days',
          'answered_by_deadline',
          'counted_for_deadline',
          'share_answered_by_deadline',
          'interested',
          'share_interested',
        ].map((measure, index) => `site-responses,${name},${measure},${values[index]}`);
      const stage = (label: string, n: number, median: number, p90: number) => [
        `time-in-stage,${label},n,${n}`,
        `time-in-stage,${label},median_working_days,${median}`,
        `time-in-stage,${label},p90_working_days,${p90}`,
      ];
      assert.deepEqual(csv.body.split('\r\n'), [
        'figure,group,measure,value',
        'enquiries-by-stage,Received,enquiries,1',
        'enquiries-by-stage,Triaged,enquiries,1',
        'enquiries-by-stage,Sites consulted,enquiries,0',
        'enquiries-by-stage,Sites responded,enquiries,0',
        'enquiries-by-stage,Feasibility,enquiries,0',
        'enquiries-by-stage,Costing and contracting,enquiries,0',
        'enquiries-by-stage,Set-up,enquiries,0',
        'enquiries-by-stage,Open to recruitment,enquiries,0',
        'enquiries-by-stage,Closed,enquiries,2',
        'received-per-month,2026-08,enquiries,1',
        'received-per-month,2026-09,enquiries,0',
        'received-per-month,2026-10,enquiries,0',
        'received-per-month,2026-11,enquiries,3',
        'first-response,all,received,4',
        'first-response,all,answered,3',
        'first-response,all,unanswered_overdue,1',
        'first-response,all,unanswered_not_yet_due,0',
        'first-response,all,median_working_days,3',
        'first-response,all,p90_working_days,5',
        'first-response,all,answered_within_3_working_days,2',
        'first-response,all,counted_for_within_3_working_days,4',
        'first-response,all,share_within_3_working_days,0.5000',
        ...stage('Received', 3, 3, 5),
        ...stage('Triaged', 2, 2, 2),
        ...stage('Sites consulted', 1, 10, 10),
        ...stage('Sites responded', 1, 5, 5),
        ...stage('Feasibility', 1, 5, 5),
        ...stage('Costing and contracting', 1, 10, 10),
        ...stage('Set-up', 1, 5, 5),
        ...stage('Open to recruitment', 1, 10, 10),
        ...site('Nottingham University Hospitals NHS Trust', [
          1,
          1,
          12,
          12,
          0,
          1,
          '0.0000',
          0,
          '0.0000',
        ]),
        ...site('University Hospitals Birmingham NHS Foundation Trust', [
          2,
          2,
          1,
          4,
          2,
          2,
          '1.0000',
          1,
          '0.5000',
        ]),
        ...site('University Hospitals of Leicester NHS Trust', [
          1,
          0,
          '',
          '',
          0,
          1,
          '0.0000',
          0,
          '',
        ]),
        'conversion,won,closed,1',
        'conversion,won,reached_open,1',
        'conversion,lost,closed,0',
        'conversion,lost,reached_open,0',
        'conversion,withdrawn,closed,1',
        'conversion,withdrawn,reached_open,0',
        'conversion,all,closed,2',
        'conversion,all,reached_open,1',
        'conversion,all,share_reached_open,0.5000',
        '',
      ]);

      const one = await office.get(`${csvPath}?${period}&figure=conversion`);
      assert.equal(one.statusCode, 200);
      assert.match(String(one.headers['content-disposition']), /performance-conversion-2026-08-01/);
      assert.equal(one.body.split('\r\n').length, 11);
      assert.ok(one.body.startsWith('figure,group,measure,value\r\nconversion,won,closed,1\r\n'));

      const bad = await office.get(`${csvPath}?from=2026-02-30&figure=everything`);
      assert.equal(bad.statusCode, 422);
      assert.match(String(bad.headers['content-type']), /problem\+json/);
      assert.deepEqual(
        bad.json<{ errors: { name: string }[] }>().errors.map((error) => error.name),
        ['from', 'figure'],
      );
    });

    test('an organisation name that looks like a formula is defused in the CSV', async () => {
      const [organisation] = await database.query<{ id: string }>(
        `insert into organisation (slug, name, short_name, type, city, summary)
         values ('formula-trust', '=HYPERLINK("x")', '=X', 'nhs-trust', 'Derby', 'A test trust')
         returning id::text as id`,
      );
      const id = await enquiry({ receivedAt: '2026-06-01T08:00:00Z' });
      await database.query(
        `insert into enquiry_site_request (enquiry_id, organisation_id, requested_at, due_at)
         values ($1, $2, '2026-06-01T08:00:00Z', '2026-06-15T22:59:59.999Z')`,
        [id, organisation?.id],
      );
      const csv = await office.get(
        `${csvPath}?from=2026-06-01&to=2026-06-30&figure=site-responses`,
      );
      assert.match(csv.body, /\r\nsite-responses,"'=HYPERLINK\(""x""\)",asked,1\r\n/);
      assert.doesNotMatch(csv.body, /\r\nsite-responses,=/);
    });

    test('an unanswered enquiry not yet due is left out of the share; nothing divides by zero', async () => {
      const today = londonDate(new Date());
      const page = await office.get(`${pagePath}?from=${today}&to=${today}`);
      assert.equal(page.statusCode, 200);
      const rows = tableRows(page.body, 'first-response-caption');
      assert.deepEqual(rows.slice(0, 4), [
        ['Enquiries received', '1'],
        ['Answered', '0'],
        ['Not answered, past the deadline', '0'],
        ['Not answered, not yet due', '1'],
      ]);
      assert.deepEqual(rows.slice(4), [
        ['Median time to first response', 'No responses yet'],
        ['90th percentile', 'No responses yet'],
        ['Answered within 3 working days', 'None to count'],
      ]);
    });

    test('a period without data says so, in the page and the CSV', async () => {
      const page = await office.get(`${pagePath}?from=2025-01-01&to=2025-01-31`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /No enquiries in this period\./);
      assert.match(page.body, /No enquiry left a stage in this period\./);
      assert.match(page.body, /No partner sites were asked in this period\./);
      assert.match(page.body, /No enquiries were closed in this period\./);
      assert.doesNotMatch(page.body, /NaN|Infinity|undefined|<svg viewBox/);
      const csv = await office.get(`${csvPath}?from=2025-01-01&to=2025-01-31`);
      assert.match(csv.body, /first-response,all,median_working_days,\r\n/);
      assert.match(csv.body, /first-response,all,share_within_3_working_days,\r\n/);
      assert.match(csv.body, /conversion,all,share_reached_open,\r\n/);
      assert.doesNotMatch(csv.body, /NaN|Infinity/);
    });

    test('without dates it shows this month and the 11 before it', async () => {
      const page = await office.get(pagePath);
      assert.equal(page.statusCode, 200);
      assert.equal(tableRows(page.body, 'months-caption').length, 12);
    });

    test('bad dates get the error summary and a 422, never a 500', async () => {
      const bad = await office.get(`${pagePath}?from=2026-02-30&to=tomorrow`);
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), [
        'From date must be a real date, like 2026-11-02',
        'To date must be a real date, like 2026-11-02',
      ]);
      assert.match(bad.body, /<title>Error: Front door performance/);
      assert.match(bad.body, /id="from" name="from"[^>]* value="2026-02-30"/);
      assert.doesNotMatch(bad.body, /<svg viewBox/);

      const reversed = await office.get(`${pagePath}?from=2026-11-02&to=2026-11-01`);
      assert.equal(reversed.statusCode, 422);
      assert.deepEqual(errorSummaryOf(reversed.body), [
        'To date must be the same as or after the from date',
      ]);
      for (const query of [
        'from=2026-01-01&from=2026-02-01',
        'to=2026-13-01',
        'from=%00',
        'from=1&to=2',
      ]) {
        const response = await office.get(`${pagePath}?${query}`);
        assert.equal(response.statusCode, 422, query);
      }
    });

    test('only the alliance office and administrators may see the figures', async () => {
      for (const role of ['investigator', 'site-office'] as const) {
        const client = await signedIn(role);
        assert.equal((await client.get(pagePath)).statusCode, 403, role);
        assert.equal((await client.get(csvPath)).statusCode, 403, role);
      }
      assert.equal((await admin.get(pagePath)).statusCode, 200);
      const anonymous = await new FormClient(testApp.app).get(pagePath);
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=/);
    });
  });
}
