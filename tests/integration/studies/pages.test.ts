import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Role } from '../../../src/platform/auth/roles.js';
import { londonToday } from '../../../src/features/studies/service.js';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts, textOf } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';

const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const today = londonToday(new Date());
const ago = (days: number) => shift(today, -days);

/** The three boxes of an NHS date input for a YYYY-MM-DD date. */
function dateFields(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${name}Day`]: String(Number(day)),
    [`${name}Month`]: String(Number(month)),
    [`${name}Year`]: year,
  };
}

const studyForm = {
  title: 'A trial of a new treatment for sarcopenia in older adults',
  shortTitle: 'PAGES-SARC',
  sponsor: 'Test Pharma Ltd',
  isCommercial: 'yes',
  studyType: 'interventional',
  phase: 'phase-2',
  healthCategory: 'musculoskeletal',
  mhraApprovalNeeded: 'no',
  recruitmentTarget: '100',
  irasId: '',
  isrctn: '',
  nctId: '',
  euCtNumber: '',
  enquiryReference: '',
  ...dateFields('plannedStart', ago(100)),
  ...dateFields('plannedEnd', shift(today, 200)),
};

const siteForm = (organisation: string) => ({
  organisation,
  principalInvestigator: `Dr ${organisation.toUpperCase()}`,
  recruitmentTarget: '50',
  ...dateFields('plannedOpen', ago(90)),
  ...dateFields('plannedClose', shift(today, 200)),
});

/** The value attribute of the input with this id. */
function inputValue(html: string, id: string): string | undefined {
  const element = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  return /value="([^"]*)"/.exec(element)?.[1];
}

/** A table's body rows as cell texts, by the table's id. */
function tableRows(html: string, id: string): string[][] {
  const table = new RegExp(`<table class="nhsuk-table" id="${id}">([\\s\\S]*?)</table>`).exec(html);
  assert.ok(table, `the page has the table ${id}`);
  const body = /<tbody[^>]*>([\s\S]*?)<\/tbody>/.exec(table[1] ?? '')?.[1] ?? '';
  return [...body.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
      textOf(cell[1] ?? '').trim(),
    ),
  );
}

/** A multipart form body, as a browser sends a file upload. */
function multipartBody(
  fields: Record<string, string>,
  file?: { name: string; content: string; type: string },
) {
  const boundary = `----mha${randomBytes(8).toString('hex')}`;
  const parts = Object.entries(fields).map(
    ([name, value]) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  if (file) {
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n${file.content}\r\n`,
    );
  }
  return {
    payload: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

for (const engine of testEngines()) {
  describe(`the study pages (${engine})`, () => {
    let testApp: TestApp;
    const clients: Record<string, FormClient> = {};
    let reference = '';
    let otherReference = '';
    const siteIds: Record<string, string> = {};

    const count = async (sql: string, values: unknown[] = []) => {
      const [row] = await testApp.testDatabase.database.query<{ n: string }>(sql, values);
      return Number(row?.n ?? 0);
    };
    const recruitedInAll = () =>
      count('select coalesce(sum(participants), 0)::text as n from study_recruitment');
    const milestonesAt = (siteId: string) =>
      count('select count(*)::text as n from study_milestone where study_site_id = $1', [siteId]);
    const auditCount = (entityType: string) =>
      count('select count(*)::text as n from audit_event where entity_type = $1', [entityType]);

    async function uploadCsv(
      who: string,
      csv: string | null,
      options: { csrf?: boolean; fileName?: string; type?: string } = {},
    ) {
      const client = clients[who];
      assert.ok(client);
      const url = `/studies/${reference}/recruitment/upload`;
      const token = options.csrf === false ? null : await client.csrfFrom(url);
      const body = multipartBody(
        token ? { _csrf: token } : {},
        csv === null
          ? undefined
          : {
              name: options.fileName ?? 'recruitment.csv',
              content: csv,
              type: options.type ?? 'text/csv',
            },
      );
      return testApp.app.inject({
        method: 'POST',
        url,
        headers: {
          cookie: `mha_session=${client.cookie('mha_session') ?? ''}; mha_csrf=${client.cookie('mha_csrf') ?? ''}`,
          'content-type': body.contentType,
        },
        payload: body.payload,
      });
    }

    before(async () => {
      testApp = await buildTestApp(engine, {});
      const database = testApp.testDatabase.database;
      const people: [string, Role, string | undefined][] = [
        ['office', 'alliance-office', undefined],
        ['admin', 'admin', undefined],
        ['uhb', 'site-office', 'uhb'],
        ['nuh', 'site-office', 'nuh'],
        ['investigator', 'investigator', undefined],
        ['industry', 'industry', 'uhb'],
      ];
      for (const [who, role, organisationSlug] of people) {
        const user = await createUser(database, role, organisationSlug ? { organisationSlug } : {});
        const client = new FormClient(testApp.app);
        client.setCookie('mha_session', await sessionFor(database, user.id));
        clients[who] = client;
      }
    });
    after(async () => {
      await testApp.close();
    });

    const as = (who: string) => {
      const client = clients[who];
      assert.ok(client, who);
      return client;
    };

    test('the alliance office adds a study through the form; mistakes are named, typed values kept and nothing saved', async () => {
      const office = as('office');
      const form = await office.get('/studies/new');
      assert.equal(form.statusCode, 200);
      assert.deepEqual(h1Texts(form.body), ['Add a study']);

      const empty = await office.post('/studies/new', {}, { formUrl: '/studies/new' });
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(errorSummaryOf(empty.body), [
        'Enter the full title',
        'Enter a short title',
        'Enter the sponsor',
        'Say whether the study is commercial',
        'Choose the type of study',
        'Choose the phase',
        'Choose a health category',
        'Say whether MHRA approval is needed',
        'Enter the recruitment target',
        'Enter the planned recruitment start',
        'Enter the planned recruitment end',
      ]);
      assert.match(empty.body, /href="#plannedStartDay"/);

      const wrong = await office.post('/studies/new', {
        ...studyForm,
        recruitmentTarget: '-3',
        irasId: 'IRAS12',
        plannedStartDay: '31',
        plannedStartMonth: '2',
        plannedEndMonth: '',
      });
      assert.equal(wrong.statusCode, 422);
      assert.deepEqual(errorSummaryOf(wrong.body), [
        'The recruitment target must be at least 1',
        'The planned recruitment start must be a real date',
        'The planned recruitment end must include a month',
        'The IRAS ID must be 4 to 7 digits, like 312345',
      ]);
      assert.equal(inputValue(wrong.body, 'shortTitle'), 'PAGES-SARC', 'what was typed is kept');
      assert.equal(inputValue(wrong.body, 'plannedStartDay'), '31');
      const notWon = await office.post('/studies/new', {
        ...studyForm,
        enquiryReference: 'MHA-2026-99999',
      });
      assert.deepEqual(errorSummaryOf(notWon.body), ['There is no enquiry MHA-2026-99999']);
      assert.equal(await count('select count(*)::text as n from study'), 0, 'nothing saved');

      const created = await office.post('/studies/new', studyForm);
      assert.equal(created.statusCode, 303, errorSummaryOf(created.body).join('; '));
      const location = String(created.headers.location);
      assert.match(location, /^\/studies\/MHA-S-\d{4}-\d{4}\?done=created$/);
      reference = /MHA-S-\d{4}-\d{4}/.exec(location)?.[0] ?? '';
      const page = await office.get(location);
      assert.match(textOf(page.body), /The study has been added/);
      assert.deepEqual(h1Texts(page.body), ['PAGES-SARC']);
      assert.equal(await auditCount('study'), 1);

      const other = await office.post('/studies/new', {
        ...studyForm,
        shortTitle: 'PAGES-OTHER',
        mhraApprovalNeeded: 'yes',
      });
      otherReference = /MHA-S-\d{4}-\d{4}/.exec(String(other.headers.location))?.[0] ?? '';
      assert.ok(otherReference);

      const prefilled = await office.get('/studies/new?enquiry=MHA-2026-00042');
      assert.equal(inputValue(prefilled.body, 'enquiryReference'), 'MHA-2026-00042');
    });

    test('sites are added from the partner trusts, each once', async () => {
      const office = as('office');
      const url = `/studies/${reference}/sites/new`;
      const form = await office.get(url);
      assert.equal(form.statusCode, 200);
      assert.equal(inputValue(form.body, 'plannedOpenYear'), ago(100).slice(0, 4));
      const refused = await office.post(url, { ...siteForm('uhb'), recruitmentTarget: 'lots' });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(errorSummaryOf(refused.body), ['The site target must be a whole number']);
      for (const trust of ['uhb', 'nuh']) {
        const added = await office.post(url, siteForm(trust));
        assert.equal(added.statusCode, 303, errorSummaryOf(added.body).join('; '));
        assert.equal(added.headers.location, `/studies/${reference}?done=site-added&site=${trust}`);
      }
      const again = await office.post(url, siteForm('uhb'), { formUrl: `/studies/${reference}` });
      assert.equal(again.statusCode, 409);
      assert.match(errorSummaryOf(again.body)[0] ?? '', /already a site of this study/);
      const offered = await office.get(url);
      assert.doesNotMatch(
        offered.body,
        /<option value="uhb"/,
        'a trust that is a site is not offered',
      );
      const otherSite = await office.post(`/studies/${otherReference}/sites/new`, siteForm('nuh'));
      assert.equal(otherSite.statusCode, 303);

      const rows = await testApp.testDatabase.database.query<{ id: string; slug: string }>(
        `select ss.id::text as id, o.slug from study_site ss join organisation o on o.id = ss.organisation_id
         join study s on s.id = ss.study_id where s.reference = $1`,
        [reference],
      );
      for (const row of rows) siteIds[row.slug] = row.id;
      assert.ok(siteIds.uhb && siteIds.nuh);
    });

    test('every page answers each role as its access says, and unknown things are not found', async () => {
      const site = (slug: string, rest: string) => `/studies/${reference}/sites/${slug}/${rest}`;
      const pages: [string, Record<string, number>][] = [
        ['/studies', { office: 200, uhb: 200, investigator: 200, industry: 403 }],
        [`/studies/${reference}`, { office: 200, uhb: 200, investigator: 200, industry: 403 }],
        ['/studies/performance', { office: 200, uhb: 200, investigator: 200, industry: 403 }],
        ['/studies/performance.csv', { office: 200, nuh: 200, investigator: 200, industry: 403 }],
        ['/site/studies', { office: 403, uhb: 200, investigator: 403, industry: 403 }],
        ['/studies/new', { office: 200, admin: 200, uhb: 403, investigator: 403, industry: 403 }],
        [`/studies/${reference}/sites/new`, { office: 200, uhb: 403, investigator: 403 }],
        [
          `/studies/${reference}/milestones/hra-rec-approval`,
          { office: 200, admin: 200, uhb: 403, investigator: 403, industry: 403 },
        ],
        [
          site('uhb', 'milestones/site-open'),
          { office: 200, uhb: 200, nuh: 403, investigator: 403, industry: 403 },
        ],
        [site(siteIds.nuh ?? '', 'milestones/site-open'), { office: 200, nuh: 200, uhb: 403 }],
        [site('uhb', 'recruitment'), { office: 200, uhb: 200, nuh: 403, investigator: 403 }],
        [`/studies/${reference}/recruitment/upload`, { office: 200, uhb: 200, investigator: 403 }],
        [`/studies/${otherReference}/recruitment/upload`, { uhb: 403, nuh: 200 }],
        [`/studies/${reference}/recruitment/template.csv`, { uhb: 200, investigator: 403 }],
        ['/studies/MHA-S-1999-0001', { office: 404, uhb: 404 }],
        [`/studies/${reference}/sites/uhcw/recruitment`, { office: 404 }],
        [`/studies/${reference}/milestones/flying`, { office: 404 }],
        [`/studies/${reference}/milestones/site-open`, { office: 404 }],
        [`/studies/${reference}/milestones/mhra-approval`, { office: 404 }],
        [`/studies/${otherReference}/milestones/mhra-approval`, { office: 200 }],
        [site('uhb', 'milestones/hra-rec-approval'), { office: 404 }],
      ];
      for (const [url, expected] of pages) {
        for (const [who, status] of Object.entries(expected)) {
          const response = await as(who).get(url);
          assert.equal(response.statusCode, status, `${who} GET ${url}`);
          if (status === 403 && !url.endsWith('.csv')) {
            assert.deepEqual(h1Texts(response.body), [
              'You do not have permission to see this page',
            ]);
          }
        }
      }
      const account = await as('uhb').get('/account');
      assert.match(account.body, /<a href="\/site\/studies">Studies/);
      const officeAccount = await as('office').get('/account');
      assert.match(officeAccount.body, /<a href="\/studies">Studies/);
      const industryAccount = await as('industry').get('/account');
      assert.doesNotMatch(industryAccount.body, /href="\/studies"/);
    });

    test('study milestones: refusals for future or out-of-order dates keep what was typed and save nothing', async () => {
      const office = as('office');
      const url = (slug: string) => `/studies/${reference}/milestones/${slug}`;
      const applied = await office.post(url('application-submitted'), {
        ...dateFields('achievedOn', ago(120)),
        evidence: 'IRAS submission 312345',
      });
      assert.equal(applied.statusCode, 303);
      assert.equal(
        applied.headers.location,
        `/studies/${reference}?done=milestone&milestone=application-submitted`,
      );

      const early = await office.post(url('hra-rec-approval'), {
        ...dateFields('achievedOn', ago(130)),
        evidence: 'Approval letter',
      });
      assert.equal(early.statusCode, 422);
      assert.deepEqual(errorSummaryOf(early.body), [
        `HRA and REC approval cannot be before Application for regulatory approval submitted (${ago(120)})`,
      ]);
      assert.equal(inputValue(early.body, 'achievedOnDay'), String(Number(ago(130).slice(8))));
      assert.match(early.body, /<textarea[^>]*id="evidence"[^>]*>Approval letter<\/textarea>/);
      assert.match(early.body, /href="#achievedOnDay"/);

      const future = await office.post(url('hra-rec-approval'), {
        ...dateFields('achievedOn', shift(today, 1)),
      });
      assert.deepEqual(errorSummaryOf(future.body), ['The date cannot be in the future']);
      const notADate = await office.post(url('hra-rec-approval'), {
        achievedOnDay: '30',
        achievedOnMonth: '2',
        achievedOnYear: '2026',
      });
      assert.deepEqual(errorSummaryOf(notADate.body), ['The date must be a real date']);
      const study = await count(
        `select count(*)::text as n from study_milestone m join study s on s.id = m.study_id
         where s.reference = $1 and m.milestone = 'hra-rec-approval'`,
        [reference],
      );
      assert.equal(study, 0, 'the refusals saved nothing');

      const approved = await office.post(
        url('hra-rec-approval'),
        dateFields('achievedOn', ago(70)),
      );
      assert.equal(approved.statusCode, 303);
      const bySiteOffice = await as('uhb').postRaw(url('hra-rec-approval'), 'achievedOnDay=1');
      assert.equal(bySiteOffice.statusCode, 403);
    });

    test('a site office records its own site’s milestones up to opening, and cannot change another organisation’s site', async () => {
      const uhb = as('uhb');
      const url = (site: string, slug: string) =>
        `/studies/${reference}/sites/${site}/milestones/${slug}`;
      const audited = await auditCount('study-milestone');
      const before = await milestonesAt(siteIds.nuh ?? '');
      const token = await uhb.csrfFrom(url('uhb', 'site-selected'));
      const intoNuh = await uhb.post(
        url('nuh', 'site-selected'),
        dateFields('achievedOn', ago(110)),
        { csrf: token },
      );
      assert.equal(intoNuh.statusCode, 403);
      const intoNuhById = await uhb.post(
        url(siteIds.nuh ?? '', 'site-selected'),
        dateFields('achievedOn', ago(110)),
        { csrf: token },
      );
      assert.equal(intoNuhById.statusCode, 403);
      assert.equal(await milestonesAt(siteIds.nuh ?? ''), before, 'nothing saved at nuh');

      const tooEarly = await uhb.post(
        url('uhb', 'capacity-capability-confirmed'),
        dateFields('achievedOn', ago(80)),
      );
      assert.equal(tooEarly.statusCode, 422);
      assert.deepEqual(errorSummaryOf(tooEarly.body), [
        `Capacity and capability confirmed cannot be before HRA and REC approval (${ago(70)})`,
      ]);

      for (const [slug, days] of [
        ['site-selected', 110],
        ['cda-signed', 105],
        ['costing-agreed', 60],
        ['model-agreement-executed', 55],
        ['capacity-capability-confirmed', 50],
        ['site-initiation-visit', 45],
        ['site-open', 40],
      ] as const) {
        const response = await uhb.post(url('uhb', slug), {
          ...dateFields('achievedOn', ago(days)),
          evidence: `${slug} evidence`,
        });
        assert.equal(
          response.statusCode,
          303,
          `${slug}: ${errorSummaryOf(response.body).join('; ')}`,
        );
      }
      assert.equal(await auditCount('study-milestone'), audited + 7);

      const page = await uhb.get(
        `/studies/${reference}?done=milestone&milestone=site-open&site=uhb`,
      );
      const text = textOf(page.body);
      assert.match(
        text,
        /Site open to recruitment has been recorded for University Hospitals Birmingham/,
      );
      assert.match(text, /Held up by: First participant recruited/);
      assert.match(
        page.body,
        new RegExp(`href="/studies/${reference}/sites/uhb/milestones/site-open"`),
      );
      assert.doesNotMatch(
        page.body,
        new RegExp(`href="/studies/${reference}/sites/nuh/milestones/`),
        'no Record links for another organisation’s site',
      );
      assert.doesNotMatch(page.body, /action="\/studies\/[^"]*\/status"/, 'no close form');
      assert.deepEqual(
        tableRows(page.body, 'site-uhb-measures').map((row) => row.slice(0, 4)),
        [
          ['Application to approval', '50 days', '60 days', 'Complete'],
          ['Approval to site open', '30 days', '60 days', 'Complete'],
          ['Site open to first participant', '40 days', '30 days', 'In progress'],
          ['Total: application to first participant', '120 days', '150 days', 'In progress'],
        ],
      );
      assert.match(tableRows(page.body, 'site-uhb-measures')[2]?.[4] ?? '', /Red: over target/);
      assert.match(textOf(page.body), /In set-up|Recruiting/);
      assert.match(page.body, /nhsuk-tag--green">\s*Recruiting/);

      const officePage = await as('office').get(`/studies/${reference}`);
      assert.match(
        officePage.body,
        new RegExp(`href="/studies/${reference}/sites/nuh/milestones/site-selected"`),
      );
    });

    test('recruitment for a day: bad numbers and dates are refused with a message, a good day is saved', async () => {
      const uhb = as('uhb');
      const url = `/studies/${reference}/sites/uhb/recruitment`;
      const form = await uhb.get(url);
      assert.match(textOf(form.body), /The site opened on/);
      for (const [participants, message] of [
        ['-1', 'Participants cannot be negative'],
        ['two', 'Participants must be a whole number'],
        ['', 'Enter the number of participants'],
      ] as const) {
        const refused = await uhb.post(url, { ...dateFields('date', ago(20)), participants });
        assert.equal(refused.statusCode, 422, participants);
        assert.deepEqual(errorSummaryOf(refused.body), [message]);
        assert.equal(inputValue(refused.body, 'participants') ?? '', participants);
      }
      const beforeOpening = await uhb.post(url, {
        ...dateFields('date', ago(41)),
        participants: '1',
      });
      assert.match(
        errorSummaryOf(beforeOpening.body)[0] ?? '',
        /is before University Hospitals Birmingham/,
      );
      const future = await uhb.post(url, {
        ...dateFields('date', shift(today, 1)),
        participants: '1',
      });
      assert.match(errorSummaryOf(future.body)[0] ?? '', /is in the future/);
      const notOpen = await as('nuh').post(`/studies/${reference}/sites/nuh/recruitment`, {
        ...dateFields('date', ago(2)),
        participants: '1',
      });
      assert.match(errorSummaryOf(notOpen.body)[0] ?? '', /not open to recruitment yet/);
      const intoNuh = await uhb.post(
        `/studies/${reference}/sites/nuh/recruitment`,
        { ...dateFields('date', ago(2)), participants: '1' },
        { formUrl: url },
      );
      assert.equal(intoNuh.statusCode, 403);
      assert.equal(await recruitedInAll(), 0, 'nothing partial saved');

      const saved = await uhb.post(url, { ...dateFields('date', ago(20)), participants: '3' });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/studies/${reference}?done=recruitment`);
      const page = await uhb.get(saved.headers.location ?? '');
      assert.match(
        textOf(page.body),
        /The recruitment has been saved\. 3 participants recruited so far\./,
      );
    });

    test('a recruitment CSV is saved all or nothing, with every problem listed by row', async () => {
      const uhb = as('uhb');
      const before = await recruitedInAll();
      const audited = await auditCount('study-recruitment');
      const problemsOf = (html: string) => tableRows(html, 'problems-table');

      const bad = await uploadCsv(
        'uhb',
        [
          'site,date,participants',
          `uhb,${ago(35)},-2`,
          `uhb,${ago(34)},many`,
          `xyz,${ago(33)},1`,
          `uhb,${shift(today, 3)},1`,
          `uhb,${ago(30)},3`,
        ].join('\n'),
      );
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(problemsOf(bad.body), [
        ['2', 'participants: Participants cannot be negative'],
        ['3', 'participants: Participants must be a whole number'],
      ]);
      assert.match(
        errorSummaryOf(bad.body)[0] ?? '',
        /^Row 2: participants: Participants cannot be negative/,
      );

      const unknown = await uploadCsv(
        'uhb',
        ['site,date,participants', `xyz,${ago(33)},1`, `uhb,${shift(today, 3)},1`].join('\n'),
      );
      assert.equal(unknown.statusCode, 422);
      const rows = problemsOf(unknown.body);
      assert.equal(rows[0]?.[0], '2');
      assert.match(rows[0][1] ?? '', /Unknown site "xyz": use one of/);
      assert.deepEqual(rows[1], ['3', `${shift(today, 3)} is in the future`]);

      const malformed = await uploadCsv('uhb', `site,date,participants\nuhb,"${ago(30)},3\n`);
      assert.equal(malformed.statusCode, 422);
      assert.match(errorSummaryOf(malformed.body).join(' '), /not valid CSV/);
      const noHeader = await uploadCsv('uhb', `uhb,${ago(30)},3\n`);
      assert.match(errorSummaryOf(noHeader.body)[0] ?? '', /header row must name the columns/);
      const noFile = await uploadCsv('uhb', null);
      assert.deepEqual(errorSummaryOf(noFile.body), ['Select a CSV file to upload']);
      const notCsv = await uploadCsv('uhb', 'hello', { fileName: 'notes.txt', type: 'text/plain' });
      assert.deepEqual(errorSummaryOf(notCsv.body), [
        'The selected file must be a CSV file (ending .csv)',
      ]);
      const tooLarge = await uploadCsv(
        'uhb',
        `site,date,participants\n${`uhb,${ago(30)},1\n`.repeat(150_000)}`,
      );
      assert.equal(tooLarge.statusCode, 413);
      assert.match(errorSummaryOf(tooLarge.body)[0] ?? '', /smaller than 2 MB/);
      const nuhRow = await uploadCsv(
        'uhb',
        ['site,date,participants', `uhb,${ago(30)},1`, `nuh,${ago(30)},1`].join('\n'),
      );
      assert.equal(nuhRow.statusCode, 403);
      assert.match(
        problemsOf(nuhRow.body)[0]?.[1] ?? '',
        /only for your own organisation’s sites, not Nottingham/,
      );
      const withoutToken = await uploadCsv('uhb', `site,date,participants\nuhb,${ago(30)},1\n`, {
        csrf: false,
      });
      assert.equal(withoutToken.statusCode, 403);
      assert.equal(await recruitedInAll(), before, 'nothing partial was saved');

      const good = await uploadCsv(
        'uhb',
        ['site,date,participants', `uhb,${ago(35)},2`, `uhb,${ago(34)},1`, `uhb,${ago(30)},3`].join(
          '\r\n',
        ),
      );
      assert.equal(good.statusCode, 303, errorSummaryOf(good.body).join('; '));
      assert.equal(good.headers.location, `/studies/${reference}?done=recruitment`);
      assert.equal(await recruitedInAll(), before + 6);
      assert.equal(await auditCount('study-recruitment'), audited + 1);
      const page = await uhb.get(good.headers.location ?? '');
      assert.match(textOf(page.body), /9 participants recruited so far/);
      assert.match(textOf(page.body), /9 of 100 participants recruited/);
      assert.match(page.body, /id="forecast-summary"/);
      assert.match(textOf(page.body), /91 more participants are needed to reach the target of 100/);

      const template = await uhb.get(`/studies/${reference}/recruitment/template.csv`);
      assert.equal(template.headers['content-type'], 'text/csv; charset=utf-8');
      assert.equal(template.body, `site,date,participants\r\nuhb,${ago(1)},\r\n`);
    });

    test('the study page draws recruitment against the plan, with a table and the forecast', async () => {
      const page = await as('investigator').get(`/studies/${reference}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<svg [^>]*role="img" aria-labelledby="recruitment-chart-title"/);
      assert.match(
        page.body,
        /<desc id="recruitment-chart-description">Line chart of participants recruited/,
      );
      const months = tableRows(page.body, 'recruitment-months');
      assert.ok(months.length >= 10);
      const thisMonth = months.find((row) => row[2] === '9');
      assert.ok(thisMonth, 'a month with all 9 recruited so far');
      const sites = tableRows(page.body, 'forecast-sites');
      assert.deepEqual(
        sites.map((row) => [row[0], row[1]]),
        [
          ['Nottingham University Hospitals NHS Trust', 'Not open yet'],
          ['University Hospitals Birmingham NHS Foundation Trust', 'Open'],
        ],
      );
      assert.match(textOf(page.body), /Chance of reaching the target by the planned end/);
      assert.match(textOf(page.body), /See how the forecast is made/);
      assert.equal(tableRows(page.body, 'forecast-completion').length, 3);
    });

    test('a site office sees its own sites: what holds each up and what is overdue', async () => {
      const nuh = await as('nuh').get('/site/studies');
      assert.equal(nuh.statusCode, 200);
      const text = textOf(nuh.body);
      assert.match(text, /2 sites, 2 with something overdue/);
      assert.match(text, /Held up by Site selected/);
      assert.match(text, /Approval to site open: 70 days, 10 days over its 60-day target/);
      assert.match(text, new RegExp(`Planned to open on .*, not open yet`));
      assert.match(
        nuh.body,
        new RegExp(`href="/studies/${reference}/sites/nuh/milestones/site-selected"`),
      );
      const uhb = textOf((await as('uhb').get('/site/studies')).body);
      assert.match(uhb, /1 site, 1 with something overdue/);
      assert.match(uhb, /Held up by Nothing: the first participant is in/);
      // 50 participants planned evenly over 291 days from 90 days ago: 15 by today.
      assert.match(uhb, /Recruitment behind plan: 9 recruited, 15 planned by today/);
    });

    test('the portfolio filters by site, status and set-up status, and shows a site office its own studies first', async () => {
      const references = (html: string) =>
        html.includes('id="studies-table"')
          ? tableRows(html, 'studies-table').map(
              (row) => /MHA-S-\d{4}-\d{4}/.exec(row[0] ?? '')?.[0],
            )
          : [];
      const all = await as('office').get('/studies');
      assert.deepEqual(references(all.body).sort(), [reference, otherReference].sort());
      assert.match(all.body, /href="\/studies\/new"/);
      const row = tableRows(all.body, 'studies-table').find((cells) =>
        cells[0]?.includes(reference),
      );
      assert.deepEqual(row?.slice(1), [
        'Test Pharma Ltd',
        'Recruiting',
        '2: NUH, UHB',
        '9 of 100 (9%)',
        'Red: over target',
      ]);
      assert.deepEqual(references((await as('office').get('/studies?site=uhb')).body), [reference]);
      assert.deepEqual(references((await as('office').get('/studies?status=set-up')).body), [
        otherReference,
      ]);
      const green = await as('office').get('/studies?rag=green');
      assert.deepEqual(references(green.body), []);
      assert.match(textOf(green.body), /No studies match these filters/);
      assert.deepEqual(references((await as('office').get('/studies?rag=none')).body), [
        otherReference,
      ]);
      assert.deepEqual(
        references((await as('office').get('/studies?site=nowhere')).body).length,
        2,
      );

      const mine = await as('uhb').get('/studies');
      assert.deepEqual(references(mine.body), [reference], 'uhb is a site of one study');
      assert.match(mine.body, /<input[^>]*name="mine"[^>]*value="1" checked/);
      assert.doesNotMatch(mine.body, /href="\/studies\/new"/);
      assert.equal(references((await as('uhb').get('/studies?mine=0')).body).length, 2);
    });

    test('the performance dashboard has every figure as chart, table and CSV', async () => {
      const page = await as('investigator').get('/studies/performance');
      assert.equal(page.statusCode, 200);
      for (const id of [
        'chart-to-approval',
        'chart-to-open',
        'chart-to-first-participant',
        'chart-within-150',
        'chart-recruitment',
      ]) {
        assert.match(page.body, new RegExp(`<svg [^>]*aria-labelledby="${id}-title"`), id);
      }
      const segmentsTable = tableRows(page.body, 'segments-table');
      assert.deepEqual(segmentsTable.at(-1), [
        'All partner trusts',
        '50 days (2 sites)',
        '30 days (1 site)',
        '5 days (1 site)',
      ]);
      const recruitment = tableRows(page.body, 'recruitment-table');
      const ours = recruitment.find((cells) => cells[0]?.startsWith(reference));
      assert.equal(ours?.[2], '9');
      assert.equal(ours[4], '100');

      const csv = await as('investigator').get('/studies/performance.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(
        String(csv.headers['content-disposition']),
        /attachment; filename="study-performance-/,
      );
      const rows: Record<string, string>[] = parse(csv.body, { columns: true });
      assert.deepEqual(
        [...new Set(rows.map((r) => r.figure))],
        ['set-up-segments', 'within-150-days', 'recruitment'],
      );
      const recruited = rows.find(
        (r) =>
          r.figure === 'recruitment' && r.group?.startsWith(reference) && r.measure === 'recruited',
      );
      assert.equal(recruited?.value, '9');
      for (const figure of ['set-up-segments', 'within-150-days', 'recruitment']) {
        const one = await as('office').get(`/studies/performance.csv?figure=${figure}`);
        const parsed: { figure: string }[] = parse(one.body, { columns: true });
        const figures = new Set(parsed.map((r) => r.figure));
        assert.deepEqual([...figures], [figure]);
      }
      const unknown = await as('office').get('/studies/performance.csv?figure=nonsense');
      assert.equal(unknown.statusCode, 422);
    });

    test('the alliance office closes and reopens a study; every change is audited', async () => {
      const office = as('office');
      const audited = await auditCount('study');
      const closed = await office.post(
        `/studies/${reference}/status`,
        { closed: 'yes' },
        { formUrl: `/studies/${reference}` },
      );
      assert.equal(closed.statusCode, 303);
      const page = await office.get(String(closed.headers.location));
      assert.match(textOf(page.body), /The study has been closed to recruitment/);
      assert.match(page.body, /nhsuk-tag--grey">\s*Closed to recruitment/);
      assert.match(page.body, /Reopen study/);
      const bySite = await as('uhb').post(
        `/studies/${reference}/status`,
        { closed: 'no' },
        { formUrl: `/studies/${reference}/sites/uhb/recruitment` },
      );
      assert.equal(bySite.statusCode, 403);
      const reopened = await office.post(
        `/studies/${reference}/status`,
        { closed: 'no' },
        { formUrl: `/studies/${reference}` },
      );
      assert.equal(reopened.headers.location, `/studies/${reference}?done=reopened`);
      assert.equal(await auditCount('study'), audited + 2);
    });

    test('every form needs its CSRF token, and without it nothing changes', async () => {
      const recruited = await recruitedInAll();
      const studies = await count('select count(*)::text as n from study');
      const milestones = await count('select count(*)::text as n from study_milestone');
      const posts: [string, string, Record<string, string>][] = [
        ['office', '/studies/new', studyForm],
        ['office', `/studies/${reference}/sites/new`, siteForm('uhl')],
        [
          'office',
          `/studies/${reference}/milestones/application-submitted`,
          dateFields('achievedOn', ago(121)),
        ],
        [
          'uhb',
          `/studies/${reference}/sites/uhb/milestones/cda-signed`,
          dateFields('achievedOn', ago(104)),
        ],
        [
          'uhb',
          `/studies/${reference}/sites/uhb/recruitment`,
          { ...dateFields('date', ago(3)), participants: '1' },
        ],
        ['office', `/studies/${reference}/status`, { closed: 'yes' }],
      ];
      for (const [who, url, fields] of posts) {
        const response = await as(who).post(url, fields, { csrf: null });
        assert.equal(response.statusCode, 403, url);
        const forged = await as(who).post(url, fields, { csrf: 'forged-token' });
        assert.equal(forged.statusCode, 403, url);
      }
      assert.equal(await recruitedInAll(), recruited);
      assert.equal(await count('select count(*)::text as n from study'), studies);
      assert.equal(await count('select count(*)::text as n from study_milestone'), milestones);
      const page = await as('office').get(`/studies/${reference}`);
      assert.doesNotMatch(page.body, /Closed to recruitment<\/strong>/);
    });
  });
}

describe('the study pages with the sample studies', () => {
  let testApp: TestApp;
  let client: FormClient;

  before(async () => {
    testApp = await buildTestApp('pglite', { env: { SAMPLE_DATA: 'true' } });
    const user = await createUser(testApp.testDatabase.database, 'alliance-office');
    client = new FormClient(testApp.app);
    client.setCookie('mha_session', await sessionFor(testApp.testDatabase.database, user.id));
  });
  after(async () => {
    await testApp.close();
  });

  test('every sample study is listed as sample data and its page renders with a forecast', async () => {
    const list = await client.get('/studies');
    const rows = tableRows(list.body, 'studies-table');
    assert.equal(rows.length, 5);
    for (const row of rows) assert.match(row[0] ?? '', /Sample data/);
    const references = rows.map((row) => /MHA-S-\d{4}-\d{4}/.exec(row[0] ?? '')?.[0] ?? '');
    for (const reference of references) {
      const page = await client.get(`/studies/${reference}`);
      assert.equal(page.statusCode, 200, reference);
      const text = textOf(page.body);
      assert.match(text, /This is a made-up study loaded as sample data/);
      assert.match(page.body, /id="forecast-summary"/);
      assert.doesNotMatch(text, /A forecast cannot be made/, reference);
    }
    const performance = await client.get('/studies/performance');
    assert.equal(performance.statusCode, 200);
    assert.match(textOf(performance.body), /Studies on track: \d+% \(\d+ of \d+\)/);
  });
});
