import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { healthCategories } from '../../../src/features/directory/model.js';
import { enquiryStages, enquiryTypes, trialPhases } from '../../../src/features/enquiries/model.js';
import { EnquiryRepository } from '../../../src/features/enquiries/repository.js';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { textOf } from '../../support/html.js';

const formPath = '/enquiries/new';
const apiPath = '/api/v1/enquiries';
const referencePattern = /^MHA-(\d{4})-(\d{5})$/;
const statusLinkPattern = /(https?:\/\/[^\s/]+)(\/enquiries\/status\/[A-Za-z0-9_-]{43})/;
const londonYear = () =>
  Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format());

const goodForm = {
  organisationName: 'Acme Therapeutics Ltd',
  contactName: 'Ada Lovelace',
  contactEmail: 'ada@acme.example',
  contactPhone: '0121 496 0000',
  enquiryType: 'commercial-trial',
  healthCategory: 'musculoskeletal',
  phase: 'phase-2',
  participants: '1,200',
  sites: '6',
  timeline: 'First participant by March 2027',
  description:
    'We plan a phase 2 trial of a new treatment for sarcopenia in adults over 70.\r\nWe need sites with access to DXA scanning.',
  consentToContact: 'yes',
};

const goodApiBody = {
  organisationName: 'Borealis Devices',
  contactName: 'Grace Hopper',
  contactEmail: 'grace@borealis.example',
  enquiryType: 'device-evaluation',
  healthCategory: 'Musculoskeletal',
  phase: 'not-applicable',
  participants: 300,
  sites: 4,
  timeline: 'Within six months',
  description: 'We would like to evaluate a wearable grip-strength sensor in older adults.',
  consentToContact: true,
};

async function count(database: Database, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n ${sql}`, params);
  return row?.n ?? 0;
}

async function counts(database: Database) {
  return {
    enquiries: await count(database, 'from enquiry'),
    events: await count(database, 'from enquiry_event'),
    mail: await count(database, 'from mail_message'),
    audit: await count(database, "from audit_event where entity_type = 'enquiry'"),
  };
}

/** Opens the form as a browser would and reads its CSRF and submission tokens. */
async function openForm(client: FormClient, url = formPath) {
  const page = await client.get(url);
  assert.equal(page.statusCode, 200, url);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
  const formToken = /name="formToken" value="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(csrf && formToken, 'the form carries a CSRF token and a submission token');
  return { page, csrf, formToken };
}

function postApi(testApp: TestApp, body: unknown, headers: Record<string, string> = {}) {
  return testApp.app.inject({
    method: 'POST',
    url: apiPath,
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

interface MailRow {
  to_address: string;
  subject: string;
  body_text: string;
}

async function mailTo(database: Database, address: string): Promise<MailRow[]> {
  return database.query<MailRow>(
    'select to_address, subject, body_text from mail_message where to_address = $1 order by created_at',
    [address],
  );
}

for (const engine of testEngines()) {
  describe(`industry enquiries on ${engine}`, () => {
    let testApp: TestApp;
    let database: Database;
    let capability: { id: string; title: string };

    before(async () => {
      testApp = await buildTestApp(engine);
      database = testApp.testDatabase.database;
      const [row] = await database.query<{ id: string; title: string }>(
        `insert into capability (organisation_id, title, summary, type, place, categories, status, published_at)
         select id, 'Sarcopenia trials unit', 'Trials in muscle health', 'trial-delivery', 'birmingham',
                array['musculoskeletal', 'metabolic-endocrine'], 'published', now()
           from organisation order by name limit 1
         returning id::text as id, title`,
      );
      assert.ok(row, 'a published capability to ask about');
      capability = row;
    });
    after(async () => {
      await testApp.close();
    });

    test('the form asks every question, with a CSRF token and a one-off submission token', async () => {
      const { page } = await openForm(new FormClient(testApp.app));
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, /<h1>Make an enquiry<\/h1>/);
      for (const id of [
        'organisationName',
        'contactName',
        'contactEmail',
        'contactPhone',
        'healthCategory',
        'participants',
        'sites',
        'timeline',
        'description',
      ]) {
        assert.match(page.body, new RegExp(`id="${id}" name="${id}"`), id);
      }
      for (const type of enquiryTypes) {
        assert.match(page.body, new RegExp(`name="enquiryType" type="radio" value="${type.slug}"`));
      }
      for (const phase of trialPhases) {
        assert.match(page.body, new RegExp(`name="phase" type="radio" value="${phase.slug}"`));
      }
      for (const category of healthCategories) {
        assert.match(page.body, new RegExp(`<option value="${category.slug}"`), category.slug);
      }
      const text = textOf(page.body);
      assert.match(text, /Trial phase \(if a trial or device study\)/);
      assert.match(
        text,
        /Do not include confidential information: we can sign a confidentiality agreement before you share it/,
      );
      assert.match(page.body, /name="consentToContact" type="checkbox" value="yes"/);
      assert.match(
        page.body,
        /<legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">\s*Your details/,
      );
      assert.doesNotMatch(page.body, /name="capabilityId"/);
      assert.doesNotMatch(text, /You are asking about/);
    });

    test('asking about a published capability names it, keeps its id and picks its category', async () => {
      const { page } = await openForm(
        new FormClient(testApp.app),
        `${formPath}?capability=${capability.id}`,
      );
      assert.match(textOf(page.body), /You are asking about Sarcopenia trials unit/);
      assert.match(page.body, new RegExp(`name="capabilityId" value="${capability.id}"`));
      assert.match(page.body, /<option value="musculoskeletal" selected>/);

      for (const bad of ['not-an-id', randomUUID(), `${capability.id}'--`, '']) {
        const other = await openForm(
          new FormClient(testApp.app),
          `${formPath}?capability=${encodeURIComponent(bad)}`,
        );
        assert.doesNotMatch(other.page.body, /You are asking about|name="capabilityId"/, bad);
      }
    });

    test('a sent form shows its reference on a confirmation page, stores one enquiry with its event, audit and email', async () => {
      const client = new FormClient(testApp.app);
      const { csrf, formToken } = await openForm(client, `${formPath}?capability=${capability.id}`);
      const before = await counts(database);
      const response = await client.post(
        formPath,
        {
          ...goodForm,
          contactEmail: 'ada.form@acme.example',
          formToken,
          capabilityId: capability.id,
        },
        { csrf },
      );
      assert.equal(response.statusCode, 303, response.body);
      const location = String(response.headers.location);
      assert.equal(location, `/enquiries/sent/${formToken}`);

      const confirmation = await client.get(location);
      assert.equal(confirmation.statusCode, 200);
      assert.equal(confirmation.headers['referrer-policy'], 'no-referrer');
      assert.equal(confirmation.headers['cache-control'], 'no-store');
      assert.match(confirmation.body, /<div class="nhsuk-panel"/);
      const reference = /<strong>(MHA-\d{4}-\d{5})<\/strong>/.exec(confirmation.body)?.[1];
      assert.ok(reference, 'the reference is in the panel');
      const text = textOf(confirmation.body);
      assert.match(text, /Enquiry sent/);
      assert.match(text, /within 3 working days, by \w+day \d{1,2} \w+ \d{4}/);
      assert.doesNotMatch(
        text,
        /sarcopenia in adults|ada\.form@acme\.example|Ada Lovelace|0121 496/,
      );

      const [row] = await database.query<Record<string, unknown>>(
        `select id::text as id, reference, organisation_name, contact_email, contact_phone, enquiry_type,
                health_category, phase, participants, sites, timeline, description, consent_to_contact,
                capability_id::text as capability_id, channel, stage, received_at, first_response_due_at,
                status_token_hash
           from enquiry where contact_email = 'ada.form@acme.example'`,
      );
      assert.ok(row);
      assert.equal(row.reference, reference);
      const [, year] = referencePattern.exec(reference) ?? [];
      assert.equal(Number(year), londonYear());
      assert.deepEqual(
        {
          organisation: row.organisation_name,
          phone: row.contact_phone,
          type: row.enquiry_type,
          category: row.health_category,
          phase: row.phase,
          participants: row.participants,
          sites: row.sites,
          timeline: row.timeline,
          consent: row.consent_to_contact,
          capability: row.capability_id,
          channel: row.channel,
          stage: row.stage,
        },
        {
          organisation: 'Acme Therapeutics Ltd',
          phone: '0121 496 0000',
          type: 'commercial-trial',
          category: 'musculoskeletal',
          phase: 'phase-2',
          participants: 1200,
          sites: 6,
          timeline: 'First participant by March 2027',
          consent: true,
          capability: capability.id,
          channel: 'form',
          stage: 'received',
        },
      );
      // Line breaks are stored as \n, whatever the browser sent.
      assert.equal(row.description, goodForm.description.replace('\r\n', '\n'));
      assert.ok(row.first_response_due_at instanceof Date);
      assert.ok(row.first_response_due_at > (row.received_at as Date));
      assert.match(String(row.status_token_hash), /^[0-9a-f]{64}$/);

      const after = await counts(database);
      assert.deepEqual(after, {
        enquiries: before.enquiries + 1,
        events: before.events + 1,
        mail: before.mail + 1,
        audit: before.audit + 1,
      });
      const [event] = await database.query<{ kind: string; to_stage: string; actor_label: string }>(
        'select kind, to_stage, actor_label from enquiry_event where enquiry_id = $1',
        [row.id],
      );
      assert.deepEqual(event, {
        kind: 'submitted',
        to_stage: 'received',
        actor_label: 'enquirer (web form)',
      });
    });

    test('a form sent twice (a double click, a reload) makes one enquiry and one confirmation', async () => {
      const client = new FormClient(testApp.app);
      const { csrf, formToken } = await openForm(client);
      const fields = { ...goodForm, contactEmail: 'twice@acme.example', formToken };
      const before = await counts(database);
      const [first, second] = await Promise.all([
        client.post(formPath, fields, { csrf }),
        client.post(formPath, fields, { csrf }),
      ]);
      const third = await client.post(
        formPath,
        { ...fields, organisationName: 'Changed after going back' },
        { csrf },
      );
      for (const response of [first, second, third]) {
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, `/enquiries/sent/${formToken}`);
      }
      assert.equal(
        await count(database, "from enquiry where contact_email = 'twice@acme.example'"),
        1,
      );
      assert.deepEqual(await counts(database), {
        enquiries: before.enquiries + 1,
        events: before.events + 1,
        mail: before.mail + 1,
        audit: before.audit + 1,
      });
      assert.equal((await mailTo(database, 'twice@acme.example')).length, 1);
    });

    test('bad answers give 422 with every problem in the error summary, keep what was typed and store nothing', async () => {
      const client = new FormClient(testApp.app);
      const { csrf, formToken } = await openForm(client);
      const before = await counts(database);
      const description = 'Too short <b>x</b>';
      const response = await client.post(
        formPath,
        {
          organisationName: '   ',
          contactName: 'N'.repeat(201),
          contactEmail: 'not-an-email',
          contactPhone: 'call me maybe',
          healthCategory: 'astrology',
          phase: 'phase-9',
          participants: '12.5',
          sites: '501',
          timeline: 'Soon\u0007',
          description,
          formToken,
        },
        { csrf },
      );
      assert.equal(response.statusCode, 422);
      assert.match(response.body, /<title>Error: Make an enquiry/);
      assert.deepEqual(errorSummaryOf(response.body), [
        'Enter the name of your organisation',
        'Full name must be 200 characters or fewer',
        'Enter an email address in the correct format, like name@example.com',
        'Enter a telephone number, like 0121 496 0000 or +44 121 496 0000',
        'Select what your enquiry is about',
        'Select the health category of your study',
        'Select a trial phase from the list',
        'Number of participants must be a whole number, like 250',
        'Number of sites must be between 1 and 500',
        'Timeline must not contain control characters',
        'Description must be at least 20 characters',
        'Confirm that we may contact you about your enquiry',
      ]);
      // Each summary entry links to its field, and each field shows its own message.
      for (const id of [
        'organisationName',
        'enquiryType',
        'healthCategory',
        'description',
        'consentToContact',
      ]) {
        assert.match(response.body, new RegExp(`<a href="#${id}">`), id);
        assert.match(response.body, new RegExp(`id="${id}-error"`), id);
        assert.match(response.body, new RegExp(`id="${id}"`), id);
      }
      assert.match(response.body, new RegExp(`value="${'N'.repeat(201)}"`));
      assert.match(response.body, /value="not-an-email"/);
      assert.match(response.body, /value="12.5"/);
      assert.match(response.body, /value="501"/);
      assert.match(response.body, />Too short &lt;b&gt;x&lt;\/b&gt;<\/textarea>/);
      // The same submission token, so the corrected form is still one enquiry.
      assert.match(response.body, new RegExp(`name="formToken" value="${formToken}"`));
      assert.deepEqual(await counts(database), before);

      const phaseOnly = await client.post(
        formPath,
        { ...goodForm, phase: 'phase-9', formToken },
        { csrf },
      );
      assert.equal(phaseOnly.statusCode, 422);
      assert.deepEqual(errorSummaryOf(phaseOnly.body), ['Select a trial phase from the list']);
      assert.deepEqual(await counts(database), before);
    });

    test('a description of 5,000 characters with line breaks is fine; 5,001 is not', async () => {
      const client = new FormClient(testApp.app);
      const lines = `${'a'.repeat(99)}\r\n`.repeat(50);
      const exactly = `${lines.slice(0, -2).replace(/\r\n/g, '\n').slice(0, 4_990)}🙂🙂🙂🙂🙂🙂🙂🙂🙂🙂`;
      assert.equal(Array.from(exactly).length, 5_000);
      const form = await openForm(client);
      const ok = await client.post(
        formPath,
        { ...goodForm, description: exactly.replace(/\n/g, '\r\n'), formToken: form.formToken },
        { csrf: form.csrf },
      );
      assert.equal(ok.statusCode, 303, errorSummaryOf(ok.body).join('\n'));
      const again = await openForm(client);
      const tooLong = await client.post(
        formPath,
        { ...goodForm, description: `${exactly}!`, formToken: again.formToken },
        { csrf: again.csrf },
      );
      assert.equal(tooLong.statusCode, 422);
      assert.deepEqual(errorSummaryOf(tooLong.body), [
        'Description must be 5,000 characters or fewer',
      ]);
    });

    test('script tags and SQL are stored as text and escaped wherever they are shown', async () => {
      const client = new FormClient(testApp.app);
      const hostile = {
        organisationName: `<script>alert('org')</script> Ltd'; drop table enquiry; --`,
        contactName: `Robert'); DROP TABLE enquiry;--`,
        description: `<script>alert("x")</script> '; delete from enquiry where '1'='1`,
      };
      // Without consent the form comes back, showing everything typed.
      const form = await openForm(client);
      const shown = await client.post(
        formPath,
        { ...goodForm, ...hostile, consentToContact: '', formToken: form.formToken },
        { csrf: form.csrf },
      );
      assert.equal(shown.statusCode, 422);
      assert.doesNotMatch(shown.body, /<script>alert/);
      assert.match(shown.body, /&lt;script&gt;alert\(&#39;org&#39;\)&lt;\/script&gt;/);
      assert.match(shown.body, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;/);

      const sent = await client.post(
        formPath,
        {
          ...goodForm,
          ...hostile,
          contactEmail: 'hostile@acme.example',
          formToken: form.formToken,
        },
        { csrf: form.csrf },
      );
      assert.equal(sent.statusCode, 303);
      const [row] = await database.query<{
        organisation_name: string;
        contact_name: string;
        description: string;
      }>(
        "select organisation_name, contact_name, description from enquiry where contact_email = 'hostile@acme.example'",
      );
      assert.deepEqual(row, {
        organisation_name: hostile.organisationName,
        contact_name: hostile.contactName,
        description: hostile.description,
      });
      const [mail] = await mailTo(database, 'hostile@acme.example');
      assert.ok(mail);
      const link = statusLinkPattern.exec(mail.body_text);
      assert.ok(link?.[2]);
      const status = await client.get(link[2]);
      assert.equal(status.statusCode, 200);
      assert.doesNotMatch(status.body, /<script>alert/);
    });

    test('a form without the site’s CSRF token is refused', async () => {
      const client = new FormClient(testApp.app);
      const { formToken } = await openForm(client);
      const before = await counts(database);
      const response = await client.post(formPath, { ...goodForm, formToken }, { csrf: null });
      assert.equal(response.statusCode, 403);
      assert.deepEqual(await counts(database), before);
    });

    test('the API creates an enquiry: 201, Location, reference, and an email with the status link', async () => {
      const before = await counts(database);
      const response = await postApi(testApp, {
        ...goodApiBody,
        contactEmail: 'grace.api@borealis.example',
        capabilityId: capability.id,
      });
      assert.equal(response.statusCode, 201, response.body);
      assert.match(String(response.headers['content-type']), /^application\/json/);
      const body = response.json<Record<string, unknown>>();
      assert.match(String(body.reference), referencePattern);
      assert.equal(body.stage, 'received');
      assert.equal(body.stageLabel, 'Received');
      assert.ok(!Number.isNaN(Date.parse(String(body.receivedAt))));
      assert.ok(!Number.isNaN(Date.parse(String(body.firstResponseDueAt))));
      const statusUrl = String(body.statusUrl);
      assert.match(statusUrl, /^http:\/\/localhost:\d+\/enquiries\/status\/[A-Za-z0-9_-]{43}$/);
      assert.equal(response.headers.location, statusUrl);

      const [mail] = await mailTo(database, 'grace.api@borealis.example');
      assert.ok(mail, 'an acknowledgement is queued');
      assert.match(mail.subject, new RegExp(String(body.reference)));
      assert.ok(mail.body_text.includes(String(body.reference)));
      assert.ok(mail.body_text.includes(statusUrl), 'the email holds the status link');
      assert.match(mail.body_text, /What happens next/);
      assert.match(mail.body_text, /3 working days/);

      const [row] = await database.query<{
        id: string;
        channel: string;
        health_category: string;
        capability_id: string;
        phase: string | null;
        status_token_hash: string;
      }>(
        `select id::text as id, channel, health_category, capability_id::text as capability_id, phase,
                status_token_hash
           from enquiry where reference = $1`,
        [body.reference],
      );
      assert.ok(row);
      assert.equal(row.channel, 'api');
      assert.equal(row.health_category, 'musculoskeletal');
      assert.equal(row.capability_id, capability.id);
      assert.equal(row.phase, 'not-applicable');
      const token = statusUrl.split('/').pop() ?? '';
      assert.notEqual(row.status_token_hash, token, 'only a hash of the token is stored');
      assert.equal(
        await count(database, "from enquiry where status_token_hash like '%' || $1 || '%'", [
          token,
        ]),
        0,
      );

      const [audit] = await database.query<{
        action: string;
        after_value: unknown;
        actor_label: string;
      }>(
        "select action, after_value, actor_label from audit_event where entity_type = 'enquiry' and entity_id = $1",
        [row.id],
      );
      assert.ok(audit, 'an audit event');
      assert.equal(audit.action, 'create');
      assert.equal(audit.actor_label, 'anonymous');
      const recorded = JSON.stringify(audit.after_value);
      assert.match(recorded, new RegExp(String(body.reference)));
      assert.ok(!recorded.includes(token) && !recorded.includes(row.status_token_hash));
      assert.ok(!recorded.includes('grace.api@borealis.example'));

      assert.deepEqual(await counts(database), {
        enquiries: before.enquiries + 1,
        events: before.events + 1,
        mail: before.mail + 1,
        audit: before.audit + 1,
      });
    });

    test('the API takes a health category by its exact name or its slug, and a phase only for trials', async () => {
      const bySlug = await postApi(testApp, {
        ...goodApiBody,
        healthCategory: 'mental-health',
        enquiryType: 'observational',
        phase: 'phase-3',
        contactEmail: 'slug@borealis.example',
      });
      assert.equal(bySlug.statusCode, 201, bySlug.body);
      const [row] = await database.query<{ health_category: string; phase: string | null }>(
        "select health_category, phase from enquiry where contact_email = 'slug@borealis.example'",
      );
      assert.deepEqual(row, { health_category: 'mental-health', phase: null });

      const byName = await postApi(testApp, {
        ...goodApiBody,
        healthCategory: 'Cancer and neoplasms',
        contactEmail: 'name@borealis.example',
      });
      assert.equal(byName.statusCode, 201, byName.body);

      const wrongCase = await postApi(testApp, {
        ...goodApiBody,
        healthCategory: 'musculoSKELETAL',
      });
      assert.equal(wrongCase.statusCode, 422);
    });

    test('bad API requests get a problem naming every bad field, and store nothing', async () => {
      const before = await counts(database);
      const response = await postApi(testApp, {
        organisationName: '',
        contactName: 42,
        contactEmail: 'nope',
        enquiryType: 'space-mission',
        healthCategory: 'Astrology',
        phase: 'phase-7',
        participants: 1.5,
        sites: 0,
        description: 'short',
        consentToContact: 'yes',
        capabilityId: 'not-a-uuid',
        favouriteColour: 'blue',
      });
      assert.equal(response.statusCode, 422);
      assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
      const problem = response.json<{
        status: number;
        title: string;
        errors: { name: string; reason: string }[];
      }>();
      assert.equal(problem.status, 422);
      assert.deepEqual(problem.errors.map((error) => error.name).sort(), [
        'capabilityId',
        'consentToContact',
        'contactEmail',
        'contactName',
        'description',
        'enquiryType',
        'favouriteColour',
        'healthCategory',
        'organisationName',
        'participants',
        'phase',
        'sites',
      ]);
      for (const error of problem.errors) assert.ok(error.reason.length > 0, error.name);

      const missing = await postApi(testApp, {});
      assert.equal(missing.statusCode, 422);
      assert.deepEqual(
        missing
          .json<{ errors: { name: string }[] }>()
          .errors.map((error) => error.name)
          .sort(),
        [
          'consentToContact',
          'contactEmail',
          'contactName',
          'description',
          'enquiryType',
          'healthCategory',
          'organisationName',
        ],
      );

      const controls = await postApi(testApp, {
        ...goodApiBody,
        organisationName: 'Acme\u0000Ltd',
        description: 'Null bytes\u0000 are refused, even in a long description.',
      });
      assert.equal(controls.statusCode, 422);
      assert.deepEqual(
        controls
          .json<{ errors: { name: string }[] }>()
          .errors.map((error) => error.name)
          .sort(),
        ['description', 'organisationName'],
      );

      const unknownCapability = await postApi(testApp, {
        ...goodApiBody,
        capabilityId: randomUUID(),
      });
      assert.equal(unknownCapability.statusCode, 422);
      assert.deepEqual(unknownCapability.json<{ errors: { name: string }[] }>().errors, [
        { name: 'capabilityId', reason: 'No published capability has this id' },
      ]);

      for (const body of ['[]', '"an enquiry"', 'null', '42']) {
        const notAnObject = await postApi(testApp, body);
        assert.equal(notAnObject.statusCode, 422, body);
        assert.equal(notAnObject.json<{ errors: { name: string }[] }>().errors[0]?.name, 'body');
      }
      const notJson = await postApi(testApp, '{"organisationName": ');
      assert.equal(notJson.statusCode, 400);
      assert.match(String(notJson.headers['content-type']), /^application\/problem\+json/);
      const empty = await postApi(testApp, '');
      assert.equal(empty.statusCode, 400);
      const plainText = await testApp.app.inject({
        method: 'POST',
        url: apiPath,
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify(goodApiBody),
      });
      assert.equal(plainText.statusCode, 415);
      const form = await testApp.app.inject({
        method: 'POST',
        url: apiPath,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ organisationName: 'x' }).toString(),
      });
      assert.equal(form.statusCode, 415);
      assert.deepEqual(await counts(database), before);
    });

    test('Idempotency-Key: a repeat gets the same 201 and stores nothing; another body with the key is refused', async () => {
      const key = `order-${randomBytes(6).toString('hex')}`;
      const body = { ...goodApiBody, contactEmail: 'idem@borealis.example' };
      const first = await postApi(testApp, body, { 'idempotency-key': key });
      assert.equal(first.statusCode, 201, first.body);
      const before = await counts(database);

      // The same request, with its fields in another order: the same answer.
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const again = await postApi(testApp, reordered, { 'idempotency-key': key });
      assert.equal(again.statusCode, 201);
      assert.equal(again.body, first.body);
      assert.equal(again.headers.location, first.headers.location);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(await counts(database), before);

      const different = await postApi(
        testApp,
        { ...body, description: 'Something else entirely, for another study.' },
        { 'idempotency-key': key },
      );
      assert.equal(different.statusCode, 422);
      assert.match(String(different.headers['content-type']), /^application\/problem\+json/);
      const problem = different.json<{
        title: string;
        detail: string;
        errors: { name: string }[];
      }>();
      assert.equal(problem.title, 'Idempotency key already used');
      assert.match(problem.detail, /used for a different request/);
      assert.deepEqual(
        problem.errors.map((error) => error.name),
        ['Idempotency-Key'],
      );
      assert.deepEqual(await counts(database), before);
      assert.equal((await mailTo(database, 'idem@borealis.example')).length, 1);

      for (const bad of ['x'.repeat(201), 'caf\u00e9']) {
        const refused = await postApi(testApp, body, { 'idempotency-key': bad });
        assert.equal(refused.statusCode, 422, bad);
        assert.deepEqual(
          refused.json<{ errors: { name: string }[] }>().errors.map((error) => error.name),
          ['Idempotency-Key'],
        );
      }
      const longest = await postApi(
        testApp,
        { ...body, contactEmail: 'longest-key@borealis.example' },
        { 'idempotency-key': 'k'.repeat(200) },
      );
      assert.equal(longest.statusCode, 201);
    });

    test('the same Idempotency-Key sent 10 times at once makes one enquiry', async () => {
      const key = randomUUID();
      const body = { ...goodApiBody, contactEmail: 'burst@borealis.example' };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () => postApi(testApp, body, { 'idempotency-key': key })),
      );
      for (const response of responses) assert.equal(response.statusCode, 201, response.body);
      assert.equal(new Set(responses.map((response) => response.body)).size, 1);
      assert.equal(
        await count(database, "from enquiry where contact_email = 'burst@borealis.example'"),
        1,
      );
      assert.equal((await mailTo(database, 'burst@borealis.example')).length, 1);
    });

    test('50 submissions at once make 50 enquiries with 50 consecutive references', async () => {
      const before = await counts(database);
      const responses = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          postApi(testApp, { ...goodApiBody, contactEmail: `crowd-${index}@borealis.example` }),
        ),
      );
      for (const response of responses) assert.equal(response.statusCode, 201, response.body);
      const references = responses.map(
        (response) => response.json<{ reference: string }>().reference,
      );
      assert.equal(new Set(references).size, 50);
      const numbers = references
        .map((reference) => Number(referencePattern.exec(reference)?.[2]))
        .sort((a, b) => a - b);
      const first = numbers[0] ?? 0;
      assert.deepEqual(
        numbers,
        Array.from({ length: 50 }, (_, index) => first + index),
        'no number is shared or skipped',
      );
      const after = await counts(database);
      assert.equal(after.enquiries, before.enquiries + 50);
      assert.equal(after.mail, before.mail + 50);
      assert.equal(after.audit, before.audit + 50);
      assert.equal(
        await count(database, "from enquiry where contact_email like 'crowd-%@borealis.example'"),
        50,
      );
    });

    test('the mailed status link shows that enquiry’s stage and timeline, and nothing of any other', async () => {
      const mine = await postApi(testApp, {
        ...goodApiBody,
        contactEmail: 'mine@borealis.example',
      });
      const theirs = await postApi(testApp, {
        ...goodApiBody,
        organisationName: 'Other Pharma',
        contactEmail: 'theirs@other.example',
      });
      assert.equal(mine.statusCode, 201);
      assert.equal(theirs.statusCode, 201);
      const myReference = mine.json<{ reference: string }>().reference;
      const theirReference = theirs.json<{ reference: string }>().reference;
      const [mail] = await mailTo(database, 'mine@borealis.example');
      const link = statusLinkPattern.exec(mail?.body_text ?? '');
      assert.ok(link?.[2], 'the email has the link');

      const client = new FormClient(testApp.app);
      const page = await client.get(link[2]);
      assert.equal(page.statusCode, 200);
      assert.equal(page.headers['referrer-policy'], 'no-referrer');
      assert.equal(page.headers['cache-control'], 'no-store');
      assert.match(page.body, new RegExp(`<h1>${myReference}</h1>`));
      const text = textOf(page.body);
      assert.match(text, /Received\. We have your enquiry and will reply within 3 working days\./);
      assert.match(text, /Received Since \d{1,2} \w+ \d{4} Current stage/);
      assert.match(text, /Triaged Not yet/);
      assert.doesNotMatch(text, new RegExp(theirReference));
      assert.doesNotMatch(
        text,
        /mine@borealis\.example|Grace Hopper|grip-strength|Borealis Devices|Other Pharma/,
      );

      // The office moves it on (as its workflow will): the page follows.
      const [row] = await database.query<{ id: string }>(
        'select id::text as id from enquiry where reference = $1',
        [myReference],
      );
      assert.ok(row);
      await database.query(
        `update enquiry set stage = 'triaged', updated_at = now() where id = $1`,
        [row.id],
      );
      await database.query(
        `insert into enquiry_event (enquiry_id, actor_label, kind, from_stage, to_stage)
         values ($1, 'office@example.org', 'stage-changed', 'received', 'triaged')`,
        [row.id],
      );
      const moved = textOf((await client.get(link[2])).body);
      assert.match(moved, new RegExp(`Triaged\\. ${enquiryStages[1].forEnquirer}`));
      assert.match(moved, /Received Reached on \d{1,2} \w+ \d{4} Done/);
      assert.match(moved, /Triaged Since \d{1,2} \w+ \d{4} Current stage/);
      assert.match(moved, /Sites consulted Not yet/);

      // Closed: the stages it went through, and the close.
      await database.query(
        `update enquiry set stage = 'closed', closed_outcome = 'withdrawn', updated_at = now() where id = $1`,
        [row.id],
      );
      await database.query(
        `insert into enquiry_event (enquiry_id, actor_label, kind, from_stage, to_stage)
         values ($1, 'office@example.org', 'stage-changed', 'triaged', 'closed')`,
        [row.id],
      );
      const closed = textOf((await client.get(link[2])).body);
      assert.match(closed, /Closed\. This enquiry is closed\./);
      assert.match(closed, /Triaged Reached on .* Done Closed Since .* Closed/);
      assert.doesNotMatch(closed, /Sites consulted/);
    });

    test('unknown, malformed and expired status links are pages that do not exist', async () => {
      const client = new FormClient(testApp.app);
      for (const token of [
        randomBytes(32).toString('base64url'),
        'short',
        `${randomBytes(32).toString('base64url')}x`,
        "'; select 1; --",
      ]) {
        const page = await client.get(`/enquiries/status/${encodeURIComponent(token)}`);
        assert.equal(page.statusCode, 404, token);
        assert.match(page.body, /Page not found/);
        assert.equal(page.headers['referrer-policy'], 'no-referrer');
      }
      const sent = await client.get(`/enquiries/sent/${randomBytes(32).toString('base64url')}`);
      assert.equal(sent.statusCode, 404);

      const response = await postApi(testApp, {
        ...goodApiBody,
        contactEmail: 'old@borealis.example',
      });
      const path = new URL(response.json<{ statusUrl: string }>().statusUrl).pathname;
      assert.equal((await client.get(path)).statusCode, 200);
      await database.query(
        `update enquiry set status_token_expires_at = now() - interval '1 day'
          where contact_email = 'old@borealis.example'`,
      );
      assert.equal((await client.get(path)).statusCode, 404);
    });

    test('references are numbered from 1 in each year, with five digits at least', async () => {
      const repository = new EnquiryRepository(database);
      const taken = await database.transaction(async (tx) => [
        await repository.nextReference(tx, 2031),
        await repository.nextReference(tx, 2031),
        await repository.nextReference(tx, 2032),
      ]);
      assert.deepEqual(taken, ['MHA-2031-00001', 'MHA-2031-00002', 'MHA-2032-00001']);
      // A transaction that rolls back gives its number back.
      await assert.rejects(
        database.transaction(async (tx) => {
          await repository.nextReference(tx, 2032);
          throw new Error('changed my mind');
        }),
        /changed my mind/,
      );
      await database.query(
        'update enquiry_reference_counter set last_number = 99999 where year = 2031',
      );
      const [next, after] = await database.transaction(async (tx) => [
        await repository.nextReference(tx, 2032),
        await repository.nextReference(tx, 2031),
      ]);
      assert.equal(next, 'MHA-2032-00002');
      assert.equal(after, 'MHA-2031-100000');
      assert.match(after, /^MHA-\d{4}-\d{5,}$/);
    });

    test('the tables accept exactly the model’s stages, types, phases and HRCS categories', async () => {
      const constraints = await database.query<{ definition: string }>(
        `select pg_get_constraintdef(c.oid) as definition from pg_constraint c
          where c.conrelid = 'enquiry'::regclass and c.contype = 'c'`,
      );
      const all = constraints.map((row) => row.definition).join('\n');
      const lists: [string, readonly { slug: string }[]][] = [
        ['stage', enquiryStages],
        ['enquiry_type', enquiryTypes],
        ['phase', trialPhases],
        ['health_category', healthCategories],
      ];
      for (const [column, list] of lists) {
        const definition = constraints
          .map((row) => row.definition)
          .find((text) => text.includes(`(${column} = ANY`) || text.includes(`${column} = ANY`));
        assert.ok(definition, `${column} is checked:\n${all}`);
        const allowed = [...definition.matchAll(/'([^']+)'::text/g)].map((match) => match[1]);
        assert.deepEqual(allowed.sort(), list.map((item) => item.slug).sort(), column);
      }
    });
  });
}
