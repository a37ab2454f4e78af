import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { textOf } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';

const enquiryBody = {
  organisationName: 'Borealis Devices',
  contactName: 'Grace Hopper',
  contactEmail: 'grace@borealis.example',
  enquiryType: 'commercial-trial',
  healthCategory: 'musculoskeletal',
  phase: 'phase-2',
  participants: 300,
  sites: 4,
  timeline: 'Within six months',
  description: 'A phase 2 trial of a treatment for sarcopenia in adults over 70 years old.',
  consentToContact: true,
};

interface User {
  id: string;
  email: string;
}

async function orgId(database: Database, slug: string): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    'select id::text as id from organisation where slug = $1',
    [slug],
  );
  assert.ok(row, slug);
  return row.id;
}

for (const engine of testEngines()) {
  describe(`the enquiry workflow on ${engine}`, () => {
    let testApp: TestApp;
    let database: Database;
    let office: User;
    let siteA: User;
    let siteB: User;
    let siteC: User;
    let investigator: User;
    let industry: User;
    let uhb: string;
    let nuh: string;

    before(async () => {
      testApp = await buildTestApp(engine);
      database = testApp.testDatabase.database;
      office = await createUser(database, 'alliance-office', { email: 'office@example.org' });
      siteA = await createUser(database, 'site-office', {
        email: 'site-a@example.org',
        organisationSlug: 'uhb',
      });
      siteB = await createUser(database, 'site-office', {
        email: 'site-b@example.org',
        organisationSlug: 'nuh',
      });
      siteC = await createUser(database, 'site-office', {
        email: 'site-c@example.org',
        organisationSlug: 'uhl',
      });
      investigator = await createUser(database, 'investigator');
      industry = await createUser(database, 'industry');
      uhb = await orgId(database, 'uhb');
      nuh = await orgId(database, 'nuh');
    });
    after(async () => {
      await testApp.close();
    });

    async function clientFor(user: User): Promise<FormClient> {
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      return client;
    }

    async function submitEnquiry(overrides: Record<string, unknown> = {}) {
      const response = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/enquiries',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ ...enquiryBody, ...overrides }),
      });
      assert.equal(response.statusCode, 201, response.body);
      const { reference } = response.json<{ reference: string }>();
      const [row] = await database.query<{ id: string }>(
        'select id::text as id from enquiry where reference = $1',
        [reference],
      );
      assert.ok(row);
      return { reference, id: row.id, path: `/office/enquiries/${reference}` };
    }

    async function enquiryRow(id: string) {
      const [row] = await database.query<{
        stage: string;
        stage_entered_at: Date;
        first_responded_at: Date | null;
        owner_user_id: string | null;
      }>(
        `select stage, stage_entered_at, first_responded_at, owner_user_id::text as owner_user_id
           from enquiry where id = $1`,
        [id],
      );
      assert.ok(row);
      return row;
    }

    async function requestIds(enquiryId: string) {
      const rows = await database.query<{ id: string; organisation_id: string }>(
        `select id::text as id, organisation_id::text as organisation_id
           from enquiry_site_request where enquiry_id = $1`,
        [enquiryId],
      );
      return new Map(rows.map((row) => [row.organisation_id, row.id]));
    }

    async function dueFields(client: FormClient, path: string) {
      const page = await client.get(path);
      const field = (name: string) =>
        new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(page.body)?.[1] ?? '';
      return { dueDay: field('dueDay'), dueMonth: field('dueMonth'), dueYear: field('dueYear') };
    }

    test('the acceptance path: triage, consult two sites, both answer, sites responded', async () => {
      const enquiry = await submitEnquiry();
      const client = await clientFor(office);
      const received = await enquiryRow(enquiry.id);
      assert.equal(received.stage, 'received');
      assert.equal(received.first_responded_at, null);

      const queue = await client.get('/office/enquiries');
      assert.equal(queue.statusCode, 200);
      assert.match(queue.body, new RegExp(`href="${enquiry.path}"`));
      assert.match(queue.body, /class="mha-table-scroll" role="region"/);

      const page = await client.get(enquiry.path);
      assert.equal(page.statusCode, 200);
      assert.match(textOf(page.body), /grace@borealis\.example/);
      assert.match(page.body, /action="[^"]+\/triage"/);
      assert.doesNotMatch(page.body, /action="[^"]+\/consult"/, 'only allowed moves are offered');

      // Triage.
      await new Promise((resolve) => setTimeout(resolve, 5));
      const triaged = await client.post(
        `${enquiry.path}/triage`,
        {
          owner: office.id,
          triageNote: 'Looks promising',
        },
        { formUrl: enquiry.path },
      );
      assert.equal(triaged.statusCode, 303, triaged.body);
      const afterTriage = await enquiryRow(enquiry.id);
      assert.equal(afterTriage.stage, 'triaged');
      assert.equal(afterTriage.owner_user_id, office.id);
      assert.ok(afterTriage.first_responded_at, 'first response recorded');
      assert.ok(
        new Date(afterTriage.stage_entered_at).getTime() >
          new Date(received.stage_entered_at).getTime(),
        'the stage clock restarted',
      );
      const [ownerMail] = await database.query<{ subject: string; body_text: string }>(
        `select subject, body_text from mail_message where to_address = $1 and subject like '%looking after%'`,
        [enquiryBody.contactEmail],
      );
      assert.ok(ownerMail, 'the enquirer is told who owns the enquiry');
      assert.match(ownerMail.body_text, /Test alliance-office/);
      assert.doesNotMatch(ownerMail.body_text, /status\/[A-Za-z0-9_-]{43}/);

      // Consult two sites.
      const consultPage = await client.get(enquiry.path);
      assert.match(consultPage.body, /action="[^"]+\/consult"/);
      assert.match(consultPage.body, new RegExp(`value="${uhb}"`));
      const due = await dueFields(client, enquiry.path);
      assert.ok(due.dueDay && due.dueMonth && due.dueYear, 'a default deadline is offered');
      const consulted = await client.post(
        `${enquiry.path}/consult`,
        { organisations: [uhb, nuh], ...due, message: 'Can you recruit 50 people by spring?' },
        { formUrl: enquiry.path },
      );
      assert.equal(consulted.statusCode, 303, errorSummaryOf(consulted.body).join('; '));
      const afterConsult = await enquiryRow(enquiry.id);
      assert.equal(afterConsult.stage, 'sites-consulted');
      const requests = await requestIds(enquiry.id);
      assert.equal(requests.size, 2);
      const mailToSites = await database.query<{ to_address: string; body_text: string }>(
        `select to_address, body_text from mail_message where to_address in ($1, $2)`,
        [siteA.email, siteB.email],
      );
      assert.equal(mailToSites.length, 2, 'each site office is emailed');
      assert.ok(
        mailToSites.every((mail) => /\/site\/requests\/[0-9a-f-]{36}/.test(mail.body_text)),
      );

      const requestA = requests.get(uhb);
      const requestB = requests.get(nuh);
      assert.ok(requestA && requestB);

      // Site C (another organisation) cannot see either request.
      const clientC = await clientFor(siteC);
      assert.equal((await clientC.get(`/site/requests/${requestA}`)).statusCode, 404);
      const inboxC = await clientC.get('/site/requests');
      assert.equal(inboxC.statusCode, 200);
      assert.doesNotMatch(inboxC.body, new RegExp(enquiry.reference));
      const csrfC = await clientC.csrfFrom('/account/password');
      const tamperedC = await clientC.post(
        `/site/requests/${requestA}`,
        { interested: 'no' },
        { csrf: csrfC },
      );
      assert.equal(tamperedC.statusCode, 404);

      // Site A answers its own request.
      const clientA = await clientFor(siteA);
      const inboxA = await clientA.get('/site/requests');
      assert.match(inboxA.body, new RegExp(enquiry.reference));
      const requestPageA = await clientA.get(`/site/requests/${requestA}`);
      assert.equal(requestPageA.statusCode, 200);
      assert.doesNotMatch(requestPageA.body, /grace@borealis\.example|Grace Hopper/);
      assert.match(textOf(requestPageA.body), /sarcopenia/);
      assert.equal((await clientA.get(`/site/requests/${requestB}`)).statusCode, 404);

      const missingPi = await clientA.post(`/site/requests/${requestA}`, {
        interested: 'yes',
        principalInvestigator: '',
      });
      assert.equal(missingPi.statusCode, 422);
      assert.deepEqual(errorSummaryOf(missingPi.body), [
        'Enter the name of the principal investigator',
      ]);

      const answeredA = await clientA.post(`/site/requests/${requestA}`, {
        interested: 'yes',
        principalInvestigator: 'Dr Ada Lovelace',
        estimatedRecruitment: '40',
        responseNote: 'Our DXA unit is free from May',
      });
      assert.equal(answeredA.statusCode, 303);
      assert.equal((await enquiryRow(enquiry.id)).stage, 'sites-consulted');
      const again = await clientA.post(
        `/site/requests/${requestA}`,
        { interested: 'no' },
        {
          csrf: await clientA.csrfFrom('/account/password'),
        },
      );
      assert.equal(again.statusCode, 409, 'a site answers once');

      // Site B answers; it sees only its own answer.
      const clientB = await clientFor(siteB);
      const answeredB = await clientB.post(`/site/requests/${requestB}`, {
        interested: 'no',
        responseNote: 'No capacity this year',
      });
      assert.equal(answeredB.statusCode, 303);
      const pageB = textOf((await clientB.get(`/site/requests/${requestB}`)).body);
      assert.match(pageB, /No capacity this year/);
      assert.doesNotMatch(pageB, /Dr Ada Lovelace|DXA unit is free/);
      assert.equal((await clientB.get(`/site/requests/${requestA}`)).statusCode, 404);

      const done = await enquiryRow(enquiry.id);
      assert.equal(done.stage, 'sites-responded', 'moves by itself once every site has answered');
      assert.ok(
        new Date(done.stage_entered_at).getTime() >=
          new Date(afterConsult.stage_entered_at).getTime(),
      );

      const events = await database.query<{
        kind: string;
        from_stage: string | null;
        to_stage: string | null;
      }>('select kind, from_stage, to_stage from enquiry_event where enquiry_id = $1 order by id', [
        enquiry.id,
      ]);
      assert.deepEqual(
        events.map((event) => `${event.kind}:${event.from_stage ?? ''}>${event.to_stage ?? ''}`),
        [
          'submitted:>received',
          'stage-changed:received>triaged',
          'stage-changed:triaged>sites-consulted',
          'site-responded:>',
          'site-responded:>',
          'stage-changed:sites-consulted>sites-responded',
        ],
      );
      const audit = await database.query<{ action: string }>(
        `select action from audit_event
          where (entity_type = 'enquiry' and entity_id = $1)
             or (entity_type = 'enquiry-site-request' and entity_id = any($2::text[]))
          order by occurred_at, id`,
        [enquiry.id, [requestA, requestB]],
      );
      assert.deepEqual(
        audit.map((row) => row.action),
        [
          'create',
          'stage-change',
          'stage-change',
          'site-response',
          'site-response',
          'stage-change',
        ],
      );

      // The office sees both answers and the timeline.
      const officePage = textOf((await client.get(enquiry.path)).body);
      assert.match(officePage, /Dr Ada Lovelace/);
      assert.match(officePage, /No capacity this year/);
      assert.match(officePage, /Sites consulted to Sites responded/);

      // Onwards to feasibility, costing (with contract fields), and a refused set-up.
      const feasibility = await client.post(
        `${enquiry.path}/advance`,
        {
          toStage: 'feasibility',
        },
        { formUrl: enquiry.path },
      );
      assert.equal(feasibility.statusCode, 303);
      const costing = await client.post(
        `${enquiry.path}/advance`,
        {
          toStage: 'costing-contracting',
          contractValueReview: 'in-progress',
          modelAgreement: 'mcta',
          confidentialityAgreement: 'signed',
        },
        { formUrl: enquiry.path },
      );
      assert.equal(costing.statusCode, 303);
      const tooEarly = await client.post(
        `${enquiry.path}/advance`,
        {
          toStage: 'set-up',
          contractValueReview: 'in-progress',
          modelAgreement: 'mcta',
          confidentialityAgreement: 'signed',
        },
        { formUrl: enquiry.path },
      );
      assert.equal(tooEarly.statusCode, 422);
      assert.match(errorSummaryOf(tooEarly.body).join(), /contract value review is agreed/);
      const [contract] = await database.query<{ model_agreement: string; stage: string }>(
        'select model_agreement, stage from enquiry where id = $1',
        [enquiry.id],
      );
      assert.deepEqual(contract, { model_agreement: 'mcta', stage: 'costing-contracting' });
    });

    test('moves the state machine does not allow are refused with 409 and a clear message', async () => {
      const enquiry = await submitEnquiry();
      const client = await clientFor(office);
      const csrf = await client.csrfFrom(enquiry.path);
      const consult = await client.post(
        `${enquiry.path}/consult`,
        { organisations: [uhb], dueDay: '1', dueMonth: '1', dueYear: '2001', message: 'Hello' },
        { csrf },
      );
      assert.equal(consult.statusCode, 409);
      assert.match(
        errorSummaryOf(consult.body).join(),
        /An enquiry can only be sent to sites after it has been triaged/,
      );
      const advance = await client.post(`${enquiry.path}/advance`, { toStage: 'open' }, { csrf });
      assert.equal(advance.statusCode, 409);
      assert.equal((await enquiryRow(enquiry.id)).stage, 'received');

      const closed = await client.post(
        `${enquiry.path}/close`,
        { outcome: 'withdrawn', reason: 'The sponsor withdrew' },
        { csrf },
      );
      assert.equal(closed.statusCode, 303);
      const triageClosed = await client.post(
        `${enquiry.path}/triage`,
        { owner: office.id },
        { csrf },
      );
      assert.equal(triageClosed.statusCode, 409);
      assert.match(errorSummaryOf(triageClosed.body).join(), /already closed/);
      const closeAgain = await client.post(
        `${enquiry.path}/close`,
        { outcome: 'lost', reason: 'Again' },
        { csrf },
      );
      assert.equal(closeAgain.statusCode, 409);
    });

    test('bad input is a 422 with the values kept, never a 500; bad addresses are 404', async () => {
      const enquiry = await submitEnquiry();
      const client = await clientFor(office);
      const csrf = await client.csrfFrom(enquiry.path);

      const noOwner = await client.post(`${enquiry.path}/triage`, { owner: 'x' }, { csrf });
      assert.equal(noOwner.statusCode, 422);
      assert.deepEqual(errorSummaryOf(noOwner.body), ['Choose who will own the enquiry']);
      const notOffice = await client.post(`${enquiry.path}/triage`, { owner: siteA.id }, { csrf });
      assert.equal(notOffice.statusCode, 422, 'a site-office user cannot own an enquiry');
      const script = '<script>alert(1)</script>';
      const tooLong = await client.post(
        `${enquiry.path}/triage`,
        { owner: office.id, triageNote: `${script}${'x'.repeat(5000)}` },
        { csrf },
      );
      assert.equal(tooLong.statusCode, 422);
      assert.doesNotMatch(tooLong.body, /<script>alert/);
      assert.match(tooLong.body, /&lt;script&gt;alert/, 'the typed value is kept, escaped');

      const closeEmpty = await client.post(`${enquiry.path}/close`, { outcome: 'nope' }, { csrf });
      assert.equal(closeEmpty.statusCode, 422);
      assert.deepEqual(errorSummaryOf(closeEmpty.body), [
        'Select the outcome',
        'Enter why the enquiry is being closed',
      ]);
      const longReason = await client.post(
        `${enquiry.path}/close`,
        { outcome: 'lost', reason: 'y'.repeat(2001) },
        { csrf },
      );
      assert.equal(longReason.statusCode, 422);

      // Consulting: triage first, then tampered organisations and dates.
      await client.post(`${enquiry.path}/triage`, { owner: office.id }, { csrf });
      const [company] = await database.query<{ id: string }>(
        `select id::text as id from organisation where not is_partner limit 1`,
      );
      for (const organisations of [
        [],
        ["1' or '1'='1"],
        ['00000000-0000-0000-0000-000000000000'],
        ...(company ? [[company.id]] : []),
      ]) {
        const response = await client.post(
          `${enquiry.path}/consult`,
          { organisations, dueDay: '1', dueMonth: '1', dueYear: '2099', message: 'Hi' },
          { csrf },
        );
        assert.equal(response.statusCode, 422, JSON.stringify(organisations));
        assert.match(errorSummaryOf(response.body)[0] ?? '', /partner organisation/);
      }
      for (const date of [
        { dueDay: '31', dueMonth: '2', dueYear: '2099' },
        { dueDay: 'x', dueMonth: '1', dueYear: '2099' },
        { dueDay: '1', dueMonth: '1', dueYear: '2001' },
      ]) {
        const response = await client.post(
          `${enquiry.path}/consult`,
          { organisations: [uhb], ...date, message: 'Hi' },
          { csrf },
        );
        assert.equal(response.statusCode, 422, JSON.stringify(date));
        assert.match(response.body, /id="dueDay"/);
      }
      assert.equal((await enquiryRow(enquiry.id)).stage, 'triaged');

      for (const path of [
        '/office/enquiries/MHA-2026-99999',
        '/office/enquiries/nonsense',
        "/office/enquiries/MHA-2026-1'%20or%201=1",
        '/site/requests/nonsense',
      ]) {
        const response = await (path.startsWith('/site') ? await clientFor(siteA) : client).get(
          path,
        );
        assert.equal(response.statusCode, 404, path);
      }
      const badQuery = await client.get('/office/enquiries?stage=%3Cscript%3E&page=0');
      assert.equal(badQuery.statusCode, 422);
    });

    test('investigators and industry users may not see the office or site pages', async () => {
      const enquiry = await submitEnquiry();
      for (const user of [investigator, industry]) {
        const client = await clientFor(user);
        for (const path of ['/office/enquiries', enquiry.path, '/site/requests']) {
          assert.equal((await client.get(path)).statusCode, 403, path);
        }
      }
      const siteClient = await clientFor(siteA);
      assert.equal((await siteClient.get('/office/enquiries')).statusCode, 403);
      const officeClient = await clientFor(office);
      assert.equal((await officeClient.get('/site/requests')).statusCode, 403);
    });

    test('the queue shows an overdue first response, and filters by owner and overdue', async () => {
      const late = await submitEnquiry({ organisationName: 'Late Pharma Ltd' });
      const onTime = await submitEnquiry({ organisationName: 'Prompt Biotech Ltd' });
      await database.query(
        `update enquiry set first_response_due_at = now() - interval '2 days' where id = $1`,
        [late.id],
      );
      const client = await clientFor(office);
      const overdue = await client.get('/office/enquiries?overdue=yes&stage=received');
      assert.equal(overdue.statusCode, 200);
      const text = textOf(overdue.body);
      assert.match(text, /Late Pharma Ltd/);
      assert.doesNotMatch(text, /Prompt Biotech Ltd/);
      assert.match(overdue.body, /nhsuk-tag--red/);
      assert.match(text, /Overdue\s*: the first response is late/);

      const nobody = textOf((await client.get('/office/enquiries?owner=nobody')).body);
      assert.match(nobody, /Prompt Biotech Ltd/);
      const mine = textOf((await client.get('/office/enquiries?owner=mine')).body);
      assert.doesNotMatch(mine, /Prompt Biotech Ltd/);
      const newest = (await client.get('/office/enquiries?sort=newest')).body;
      assert.ok(
        newest.indexOf(onTime.reference) < newest.indexOf(late.reference),
        'newest first puts the later enquiry first',
      );

      // "Open to recruitment" is a stage of its own, not "any stage but closed".
      await database.query(`update enquiry set stage = 'open' where id = $1`, [onTime.id]);
      const openStage = await client.get('/office/enquiries?stage=open');
      assert.match(textOf(openStage.body), /Prompt Biotech Ltd/);
      assert.doesNotMatch(textOf(openStage.body), /Late Pharma Ltd/);
      assert.equal(
        (openStage.body.match(/<option[^>]*selected/g) ?? []).filter((option) =>
          option.includes('value="open"'),
        ).length,
        1,
      );
      const notClosed = textOf((await client.get('/office/enquiries')).body);
      assert.match(notClosed, /Late Pharma Ltd/);
      assert.match(notClosed, /Prompt Biotech Ltd/);
    });
  });
}
