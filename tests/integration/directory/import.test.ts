import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

const importPath = '/manage/import';
const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/directory-import/${name}`, import.meta.url));

interface UploadOptions {
  recordType?: string;
  file?: { name: string; content: Buffer | string; type?: string } | null;
  publish?: boolean;
  /** The CSRF token to send; read from the import page unless given (null sends none). */
  csrf?: string | null;
}

/** A multipart/form-data body as a browser sends it: fields first, then the file. */
function multipartBody(fields: [string, string][], file: UploadOptions['file']) {
  const boundary = `----mhaTestBoundary${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of fields) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  if (file !== null && file !== undefined) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'text/csv'}\r\n\r\n`,
      ),
      Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(chunks),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

/** Uploads a file to the import form the way a browser does, with the client's cookies. */
async function upload(testApp: TestApp, client: FormClient, options: UploadOptions) {
  const csrf = options.csrf === undefined ? await client.csrfFrom(importPath) : options.csrf;
  const fields: [string, string][] = [];
  if (csrf !== null) fields.push(['_csrf', csrf]);
  if (options.recordType !== undefined) fields.push(['recordType', options.recordType]);
  if (options.publish) fields.push(['publish', 'yes']);
  const { payload, contentType } = multipartBody(fields, options.file);
  const cookie = ['mha_session', 'mha_csrf']
    .flatMap((name) => {
      const value = client.cookie(name);
      return value === undefined ? [] : [`${name}=${value}`];
    })
    .join('; ');
  return testApp.app.inject({
    method: 'POST',
    url: importPath,
    headers: { cookie, 'content-type': contentType },
    payload,
  });
}

async function count(database: Database, table: string): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? 0;
}

async function counts(database: Database) {
  return {
    capabilities: await count(database, 'capability'),
    people: await count(database, 'directory_person'),
    organisations: await count(database, 'organisation'),
    links: await count(database, 'capability_person'),
    audit: await count(database, 'audit_event'),
  };
}

/** The problem table's rows as [row, column, problem]. */
function problemTable(html: string): string[][] {
  const table =
    /<table class="nhsuk-table">[\s\S]*?Problems by row and column[\s\S]*?<\/table>/.exec(
      html,
    )?.[0];
  if (!table) return [];
  return [...table.matchAll(/<tr class="nhsuk-table__row" id="problem-\d+">([\s\S]*?)<\/tr>/g)].map(
    (row) =>
      [...(row[1] ?? '').matchAll(/<td class="nhsuk-table__cell">([\s\S]*?)<\/td>/g)].map((cell) =>
        (cell[1] ?? '')
          .replace(/<[^>]+>/g, '')
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
          .trim(),
      ),
  );
}

async function signedIn(
  testApp: TestApp,
  role: 'admin' | 'alliance-office' | 'site-office' | 'investigator',
) {
  const { database } = testApp.testDatabase;
  const user = await createUser(database, role);
  const client = new FormClient(testApp.app);
  client.setCookie('mha_session', await sessionFor(database, user.id));
  return client;
}

for (const engine of testEngines()) {
  describe(`directory CSV import on ${engine}`, () => {
    let testApp: TestApp;
    let database: Database;
    let siteOffice: FormClient;
    let allianceOffice: FormClient;

    before(async () => {
      testApp = await buildTestApp(engine);
      database = testApp.testDatabase.database;
      siteOffice = await signedIn(testApp, 'site-office');
      allianceOffice = await signedIn(testApp, 'alliance-office');
    });
    after(async () => {
      await testApp.close();
    });

    test('the import page offers record types, a CSV upload and the column guide', async () => {
      const page = await allianceOffice.get(importPath);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Import directory records<\/h1>/);
      assert.match(page.body, /enctype="multipart\/form-data"/);
      assert.match(
        page.body,
        /<input class="nhsuk-file-upload__input" id="file" name="file" type="file"[^>]*accept=".csv,text\/csv"/,
      );
      for (const kind of ['organisations', 'people', 'capabilities']) {
        assert.match(page.body, new RegExp(`name="recordType" type="radio" value="${kind}"`));
      }
      assert.match(page.body, /Publish immediately/);
      assert.match(page.body, /<code>health_categories<\/code>/);
      assert.match(page.body, /<code>orcid<\/code>/);
      assert.match(page.body, /<code>short_name<\/code>/);

      const office = await siteOffice.get(importPath);
      assert.equal(office.statusCode, 200);
      assert.doesNotMatch(office.body, /value="organisations"/);
      assert.doesNotMatch(office.body, /Publish immediately/);
      assert.match(office.body, /saved as drafts of your own organisation/);
    });

    test('a CSV import with one bad row imports nothing and reports the row and column', async () => {
      const before = await counts(database);
      const response = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: 'capabilities.csv', content: fixture('capabilities-bad-row3.csv') },
        publish: true,
      });
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /<div class="nhsuk-error-summary"/);
      const summary = errorSummaryOf(response.body);
      assert.ok(
        summary.some((line) => /^Row 3, type: .*telepathy.* is not a capability type/.test(line)),
        summary.join('\n'),
      );
      const rows = problemTable(response.body);
      assert.equal(rows.length, 1, JSON.stringify(rows));
      assert.deepEqual(rows[0]?.slice(0, 2), ['3', 'type']);
      assert.match(rows[0].join(' | '), /\| "telepathy" is not a capability type/);
      assert.match(response.body, /Nothing was imported/);
      assert.deepEqual(await counts(database), before);
    });

    test('every problem of every row is reported, not only the first', async () => {
      const before = await counts(database);
      const response = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: 'many.csv', content: fixture('capabilities-many-problems.csv') },
      });
      assert.equal(response.statusCode, 422);
      const rows = problemTable(response.body).map(([row, column, message]) =>
        [row, column, message].join(' | '),
      );
      const expected = [
        /^2 \| organisation \| There is no organisation "nowhere"/,
        /^2 \| title \| Enter the title/,
        /^2 \| location \| "atlantis" is not a Midlands place/,
        /^2 \| health_categories \| "not-a-category" is not an HRCS health category/,
        /^2 \| people \| There is no person with the ORCID iD 0000-0002-1825-0097/,
        /^3 \| health_categories \| Choose at most 5 health categories/,
        /^3 \| people \| "not-a-person" is not an ORCID iD or a directory person id/,
        /^4 \| title \| Row 3 has a capability of uhb with the same title/,
        /^5 \| Whole row \| This row has 10 values but the header row has 9 columns/,
      ];
      assert.equal(rows.length, expected.length, rows.join('\n'));
      expected.forEach((pattern, index) => assert.match(rows[index] ?? '', pattern));
      assert.deepEqual(await counts(database), before);
    });

    test('a site office imports good rows as drafts of its organisation, with audit events', async () => {
      const before = await counts(database);
      const response = await upload(testApp, siteOffice, {
        recordType: 'capabilities',
        file: { name: 'capabilities.csv', content: fixture('capabilities-good.csv') },
        publish: true, // not theirs to ask: ignored
      });
      assert.equal(response.statusCode, 200, response.body.slice(0, 3000));
      assert.match(response.body, /3 capabilities imported/);
      assert.match(response.body, /Saved as drafts/);
      assert.match(response.body, /href="\/manage\/capabilities"/);
      const rows = await database.query<{
        id: string;
        title: string;
        status: string;
        slug: string;
        type: string;
        place: string;
        categories: string[];
        keywords: string[];
        description: string;
      }>(
        `select c.id::text as id, c.title, c.status, o.slug, c.type, c.place, c.categories,
           c.keywords, c.description
         from capability c join organisation o on o.id = c.organisation_id
         where c.title like 'Quokkatronic%' order by c.title`,
      );
      assert.equal(rows.length, 3);
      assert.ok(rows.every((row) => row.status === 'draft' && row.slug === 'uhb'));
      const [mri, laboratory, trials] = rows;
      assert.deepEqual(mri?.categories, ['cardiovascular', 'stroke']);
      assert.deepEqual(mri.keywords, ['MRI', 'cardiac imaging']);
      assert.equal(
        mri.description,
        'Sessions every weekday.\nReporting by research radiographers.',
      );
      assert.equal(laboratory?.place, 'birmingham');
      assert.deepEqual(laboratory.categories, ['blood', 'cancer']);
      assert.equal(trials?.type, 'trial-delivery');

      const after = await counts(database);
      assert.equal(after.capabilities, before.capabilities + 3);
      assert.equal(after.audit, before.audit + 4);
      const events = await database.query<{
        action: string;
        entity_type: string;
        entity_id: string | null;
        after_value: Record<string, unknown>;
      }>(
        `select action, entity_type, entity_id, after_value from audit_event
         where action in ('create', 'import') order by id desc limit 4`,
      );
      const creates = events.filter((event) => event.action === 'create');
      assert.equal(creates.length, 3);
      assert.ok(creates.every((event) => event.entity_type === 'capability'));
      assert.deepEqual(
        creates.map((event) => event.entity_id).sort(),
        rows.map((row) => row.id).sort(),
      );
      assert.ok(creates.every((event) => event.after_value.status === 'draft'));
      assert.ok(
        creates.some((event) => event.after_value.title === 'Quokkatronic trial delivery team'),
      );
      const summary = events.find((event) => event.action === 'import');
      assert.equal(summary?.entity_type, 'directory-import');
      assert.equal(summary.after_value.records, 3);
      assert.equal(summary.after_value.recordType, 'capabilities');
      assert.equal(summary.after_value.status, 'draft');

      // Drafts are not public.
      const search = await testApp.app.inject({ url: '/api/v1/capabilities?q=quokkatronic' });
      assert.equal(search.statusCode, 200);
      assert.equal(search.json<{ total: number }>().total, 0);

      // The same file again would duplicate every capability: refused row by row.
      const again = await upload(testApp, siteOffice, {
        recordType: 'capabilities',
        file: { name: 'capabilities.csv', content: fixture('capabilities-good.csv') },
      });
      assert.equal(again.statusCode, 422);
      assert.equal(problemTable(again.body).length, 3);
      assert.match(again.body, /uhb already has a capability called/);
    });

    test('an office user who ticks publish imports published, findable records', async () => {
      const content = fixture('capabilities-good.csv')
        .toString('utf8')
        .replaceAll('Quokkatronic', 'Zebrafinch')
        .replaceAll('uhb,', 'nuh,')
        .replace('organisation,', '\ufefforganisation,')
        .replace(/\n/g, '\r\n');
      const response = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: 'for-nuh.csv', content },
        publish: true,
      });
      assert.equal(response.statusCode, 200, response.body.slice(0, 3000));
      assert.match(response.body, /3 capabilities imported/);
      assert.match(response.body, /Published/);
      const search = await testApp.app.inject({ url: '/api/v1/capabilities?q=zebrafinch' });
      assert.equal(search.statusCode, 200);
      const found = search.json<{ total: number; items: { title: string }[] }>();
      assert.equal(found.total, 3);
      assert.ok(found.items.every((item) => item.title.startsWith('Zebrafinch')));
      const [row] = await database.query<{ n: number }>(
        `select count(*)::int as n from audit_event
         where action = 'create' and entity_type = 'capability' and after_value->>'status' = 'published'`,
      );
      assert.equal(row?.n, 3);
    });

    test('people import with ORCID iDs, then capabilities link them by ORCID iD', async () => {
      const bad = await upload(testApp, siteOffice, {
        recordType: 'people',
        file: { name: 'people.csv', content: fixture('people-bad-orcid.csv') },
      });
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(
        problemTable(bad.body).map(([row, column]) => `${row} ${column}`),
        ['2 orcid', '4 orcid'],
      );
      assert.match(bad.body, /The ORCID iD 0000-0002-1825-0097 is also on row 3/);

      const people = await upload(testApp, siteOffice, {
        recordType: 'people',
        file: { name: 'people.csv', content: fixture('people-good.csv') },
      });
      assert.equal(people.statusCode, 200, people.body.slice(0, 3000));
      assert.match(people.body, /3 people imported/);
      const orcids = await database.query<{ orcid: string | null; keywords: string[] }>(
        `select orcid, keywords from directory_person order by full_name`,
      );
      assert.deepEqual(
        orcids.map((person) => person.orcid),
        ['0000-0002-1825-0097', '0000-0002-1694-233X', null],
      );

      const linkedBefore = await count(database, 'capability_person');
      const capabilities = `organisation,title,summary,description,type,location,health_categories,people
uhb,Heart failure trials unit,Trials in heart failure.,A unit.,trial-delivery,birmingham,cardiovascular,0000-0002-1825-0097; https://orcid.org/0000-0002-1694-233X
`;
      const linked = await upload(testApp, siteOffice, {
        recordType: 'capabilities',
        file: { name: 'linked.csv', content: capabilities },
      });
      assert.equal(linked.statusCode, 200, linked.body.slice(0, 3000));
      assert.equal(await count(database, 'capability_person'), linkedBefore + 2);
    });

    test('a site office cannot import a row for another organisation, nor organisations', async () => {
      const before = await counts(database);
      const response = await upload(testApp, siteOffice, {
        recordType: 'capabilities',
        file: { name: 'mixed.csv', content: fixture('capabilities-other-organisation.csv') },
      });
      assert.equal(response.statusCode, 422);
      const rows = problemTable(response.body);
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0]?.slice(0, 2), ['3', 'organisation']);
      assert.match(
        rows[0].join(' | '),
        /\| You can only import records for your own organisation \(uhb\), not nuh$/,
      );

      const organisations = await upload(testApp, siteOffice, {
        recordType: 'organisations',
        file: { name: 'organisations.csv', content: fixture('organisations-good.csv') },
      });
      assert.equal(organisations.statusCode, 422);
      assert.deepEqual(errorSummaryOf(organisations.body), [
        'Only the alliance office can import organisations',
      ]);
      assert.deepEqual(await counts(database), before);
    });

    test('the alliance office imports organisations; a repeated slug is refused', async () => {
      const before = await counts(database);
      const response = await upload(testApp, allianceOffice, {
        recordType: 'organisations',
        file: { name: 'organisations.csv', content: fixture('organisations-good.csv') },
      });
      assert.equal(response.statusCode, 200, response.body.slice(0, 3000));
      assert.match(response.body, /2 organisations imported/);
      const rows = await database.query<{
        slug: string;
        type: string;
        status: string;
        website_url: string | null;
      }>(
        `select slug, type, status, website_url from organisation
         where slug in ('derby-crf', 'medsense-ltd') order by slug`,
      );
      assert.deepEqual(rows, [
        {
          slug: 'derby-crf',
          type: 'clinical-research-facility',
          status: 'draft',
          website_url: 'https://www.example.nhs.uk',
        },
        { slug: 'medsense-ltd', type: 'company', status: 'draft', website_url: null },
      ]);
      const after = await counts(database);
      assert.equal(after.organisations, before.organisations + 2);
      assert.equal(after.audit, before.audit + 3);

      const again = await upload(testApp, allianceOffice, {
        recordType: 'organisations',
        file: { name: 'organisations.csv', content: fixture('organisations-good.csv') },
      });
      assert.equal(again.statusCode, 422);
      assert.deepEqual(
        problemTable(again.body).map(([row, column]) => `${row} ${column}`),
        ['2 slug', '3 slug'],
      );
      assert.equal(await count(database, 'organisation'), after.organisations);
    });

    test('malformed, empty, wrongly encoded and wrongly headed files are refused clearly', async () => {
      const before = await counts(database);
      const cases: { name: string; content: Buffer | string; expect: RegExp; table?: string[] }[] =
        [
          {
            name: 'malformed.csv',
            content: fixture('malformed.csv'),
            expect: /opens with a quote mark \(&quot;\) that is never closed/,
            table: ['2'],
          },
          {
            name: 'empty.csv',
            content: fixture('empty.csv'),
            expect: /The selected file is empty/,
          },
          { name: 'blank.csv', content: '\ufeff\r\n\r\n', expect: /The selected file is empty/ },
          {
            name: 'header-only.csv',
            content: 'organisation,title,summary,description,type,location,health_categories\n',
            expect: /header row but no records/,
          },
          {
            name: 'latin1.csv',
            content: fixture('people-latin1.csv'),
            expect: /not UTF-8 text \(check line 2\)/,
          },
          {
            name: 'workbook.csv',
            content: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]),
            expect: /spreadsheet workbook, not a CSV file/,
          },
          {
            name: 'wrong-header.csv',
            content: fixture('wrong-header.csv'),
            expect: /The column title is missing/,
            table: ['1', '1', '1', '1'],
          },
          {
            name: 'semicolons.csv',
            content: 'organisation;title;summary\nuhb;x;y\n',
            expect: /separated by semicolons/,
            table: ['1'],
          },
          {
            name: 'nul.csv',
            content:
              'organisation,title,summary,description,type,location,health_categories\nu\u0000hb,T\u0000,S,D,imaging,birmingham,blood\n',
            expect: /contains a control character/,
            table: ['2', '2'],
          },
        ];
      for (const item of cases) {
        const response = await upload(testApp, allianceOffice, {
          recordType: item.name.startsWith('latin1') ? 'people' : 'capabilities',
          file: { name: item.name, content: item.content },
        });
        assert.equal(response.statusCode, 422, item.name);
        assert.match(response.body, /<div class="nhsuk-error-summary"/, item.name);
        assert.match(response.body, item.expect, item.name);
        assert.deepEqual(
          problemTable(response.body).map(([row]) => row),
          item.table ?? [],
          item.name,
        );
      }
      const wrongHeader = problemTable(
        (
          await upload(testApp, allianceOffice, {
            recordType: 'capabilities',
            file: { name: 'wrong-header.csv', content: fixture('wrong-header.csv') },
          })
        ).body,
      ).map(([, column]) => column);
      assert.deepEqual(wrongHeader, ['name', 'kind', 'title', 'type']);

      const tooMany = `organisation,full_name,job_title,expertise\n${'uhb,A Person,Nurse,Trials\n'.repeat(5_001)}`;
      const many = await upload(testApp, allianceOffice, {
        recordType: 'people',
        file: { name: 'many.csv', content: tooMany },
      });
      assert.equal(many.statusCode, 422);
      assert.match(many.body, /The file has 5,001 records: import at most 5,000 at a time/);
      assert.deepEqual(await counts(database), before);
    });

    test('the form itself is checked: kind of record, a file, a CSV file, its size', async () => {
      const before = await counts(database);
      const good = { name: 'c.csv', content: fixture('capabilities-good.csv') };
      const noKind = await upload(testApp, allianceOffice, { file: good });
      assert.equal(noKind.statusCode, 422);
      assert.deepEqual(errorSummaryOf(noKind.body), ['Choose the kind of record the file holds']);

      const noFile = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: '', content: '', type: 'application/octet-stream' },
      });
      assert.equal(noFile.statusCode, 422);
      assert.deepEqual(errorSummaryOf(noFile.body), ['Select a CSV file to import']);

      const notCsv = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: 'capabilities.xlsx', content: 'x', type: 'application/vnd.ms-excel.sheet' },
      });
      assert.equal(notCsv.statusCode, 422);
      assert.deepEqual(errorSummaryOf(notCsv.body), [
        'The selected file must be a CSV file (ending .csv)',
      ]);

      const huge = await upload(testApp, allianceOffice, {
        recordType: 'capabilities',
        file: { name: 'huge.csv', content: Buffer.alloc(2 * 1024 * 1024 + 10, 0x61) },
      });
      assert.equal(huge.statusCode, 413);
      assert.match(huge.body, /must be smaller than 2 MB/);

      const garbled = await testApp.app.inject({
        method: 'POST',
        url: importPath,
        headers: {
          cookie: `mha_session=${allianceOffice.cookie('mha_session') ?? ''}`,
          'content-type': 'multipart/form-data; boundary=nothing',
        },
        payload: 'this is not multipart at all',
      });
      assert.ok(garbled.statusCode < 500, `status ${garbled.statusCode}`);
      assert.deepEqual(await counts(database), before);
    });

    test('a missing or wrong CSRF token gives the expired-form page and imports nothing', async () => {
      const before = await counts(database);
      const file = { name: 'capabilities.csv', content: fixture('capabilities-good.csv') };
      await allianceOffice.get(importPath); // a CSRF cookie, as a browser would have
      for (const csrf of [null, 'not-the-token']) {
        const response = await upload(testApp, allianceOffice, {
          recordType: 'capabilities',
          file,
          publish: true,
          csrf,
        });
        assert.equal(response.statusCode, 403);
        assert.match(response.body, /This form has expired/);
      }
      assert.deepEqual(await counts(database), before);
    });

    test('investigators and visitors may not import', async () => {
      const investigator = await signedIn(testApp, 'investigator');
      const page = await investigator.get(importPath);
      assert.equal(page.statusCode, 403);
      const post = await upload(testApp, investigator, {
        recordType: 'capabilities',
        file: { name: 'c.csv', content: fixture('capabilities-good.csv') },
        csrf: 'anything',
      });
      assert.equal(post.statusCode, 403);

      const visitor = await testApp.app.inject({ url: importPath });
      assert.equal(visitor.statusCode, 303);
      assert.match(String(visitor.headers.location), /^\/sign-in\?returnTo=/);
      const rules = testApp.app.accessRules.filter((rule) => rule.url === importPath);
      assert.deepEqual(
        rules.map((rule) => [rule.method, rule.access]),
        [
          ['GET', ['admin', 'alliance-office', 'site-office']],
          ['POST', ['admin', 'alliance-office', 'site-office']],
        ],
      );
    });
  });
}
