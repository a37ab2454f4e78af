import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Database } from '../../../src/platform/db/database.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';

const newCapability = '/manage/capabilities/new';
const newPerson = '/manage/people/new';
const newOrganisation = '/manage/organisations/new';
const madeUpId = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

function capabilityForm(overrides: Record<string, string | string[]> = {}) {
  return {
    title: 'Gait and balance laboratory',
    summary: 'Instrumented walkways and force plates for studies of falls and frailty.',
    description: 'Open to commercial and academic studies.\n\nBook through the research office.',
    type: 'laboratory-biobank',
    organisationId: '',
    place: 'birmingham',
    categories: ['musculoskeletal', 'injuries-accidents'],
    keywords: ' Falls , GAIT,balance, falls ',
    ...overrides,
  };
}

function personForm(overrides: Record<string, string> = {}) {
  return {
    fullName: 'Dr Ada Example',
    jobTitle: 'Clinical Research Fellow',
    organisationId: '',
    expertise: 'Sarcopenia and muscle health in older adults.',
    orcid: '',
    keywords: 'sarcopenia, muscle',
    ...overrides,
  };
}

function organisationForm(overrides: Record<string, string> = {}) {
  return {
    name: 'Example Diagnostics Limited',
    shortName: 'Example Diagnostics',
    slug: 'example-diagnostics',
    type: 'company',
    city: 'Coventry',
    websiteUrl: 'https://www.example.org',
    summary: 'A company that makes point-of-care tests.',
    description: '',
    ...overrides,
  };
}

/** The id of the record a successful create redirected to. */
function createdId(response: { statusCode: number; headers: Record<string, unknown> }) {
  assert.equal(response.statusCode, 303, 'the form was accepted');
  const location = String(response.headers.location);
  const match =
    /^\/manage\/(?:capabilities|people|organisations)\/([0-9a-f-]{36})\?done=created$/.exec(
      location,
    );
  assert.ok(match?.[1], `redirected to the new record, not ${location}`);
  return match[1];
}

interface AuditRow {
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  before_value: Record<string, unknown> | null;
  after_value: Record<string, unknown> | null;
}

function auditOf(database: Database, entityType: string, entityId: string) {
  return database.query<AuditRow>(
    `select actor_user_id::text as actor_user_id, actor_label, action, before_value, after_value
     from audit_event where entity_type = $1 and entity_id = $2 order by id`,
    [entityType, entityId],
  );
}

async function countOf(
  database: Database,
  table: 'capability' | 'directory_person' | 'organisation',
) {
  const [row] = await database.query<{ n: number }>(`select count(*)::int as n from ${table}`);
  return row?.n ?? 0;
}

/** The value attribute of the input with this id, entities decoded. */
function inputValue(html: string, id: string) {
  const value = new RegExp(`<input[^>]*id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];
  return value
    ?.replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

for (const engine of testEngines()) {
  describe(`maintaining directory records on ${engine}`, () => {
    let testApp: TestApp;
    let database: Database;
    let uhb: string;
    let nuh: string;
    let userA: { id: string; email: string };
    let userB: { id: string; email: string };
    let officeUser: { id: string; email: string };
    /** Site office of UHB (organisation A), of NUH (B), and the alliance office. */
    let siteA: FormClient;
    let siteB: FormClient;
    let office: FormClient;
    let capabilityOfB: string;
    let personOfB: string;

    const clientFor = async (user: { id: string }) => {
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      return client;
    };

    before(async () => {
      testApp = await buildTestApp(engine);
      database = testApp.testDatabase.database;
      const organisationId = async (slug: string) => {
        const [row] = await database.query<{ id: string }>(
          'select id::text as id from organisation where slug = $1',
          [slug],
        );
        assert.ok(row, `the partner ${slug} is seeded`);
        return row.id;
      };
      uhb = await organisationId('uhb');
      nuh = await organisationId('nuh');
      userA = await createUser(database, 'site-office', {
        email: 'office-a@example.org',
        organisationSlug: 'uhb',
      });
      userB = await createUser(database, 'site-office', {
        email: 'office-b@example.org',
        organisationSlug: 'nuh',
      });
      officeUser = await createUser(database, 'alliance-office', {
        email: 'alliance@example.org',
      });
      siteA = await clientFor(userA);
      siteB = await clientFor(userB);
      office = await clientFor(officeUser);

      personOfB = createdId(
        await siteB.post(newPerson, personForm({ fullName: 'Professor Bea Other' })),
      );
      capabilityOfB = createdId(
        await siteB.post(
          newCapability,
          capabilityForm({ title: 'Nottingham secret scanner', personIds: [personOfB] }),
        ),
      );
    });
    after(async () => {
      await testApp.close();
    });

    test('investigators and industry users are refused; anonymous visitors are sent to sign in', async () => {
      for (const role of ['investigator', 'industry'] as const) {
        const client = await clientFor(await createUser(database, role));
        for (const url of ['/manage', '/manage/capabilities', newCapability]) {
          assert.equal((await client.get(url)).statusCode, 403, `${role} ${url}`);
        }
        const post = await client.post(newCapability, capabilityForm(), {
          formUrl: '/account/password',
        });
        assert.equal(post.statusCode, 403, `${role} POST`);
      }
      const anonymous = await testApp.app.inject({ url: '/manage' });
      assert.equal(anonymous.statusCode, 303);
      assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=%2Fmanage/);
    });

    test('a site office adds a capability to its own organisation, whatever organisation is sent', async () => {
      const form = await siteA.get(newCapability);
      assert.equal(form.statusCode, 200);
      assert.deepEqual(h1Texts(form.body), ['Add a capability']);
      assert.doesNotMatch(form.body, /name="organisationId"/, 'no choice of organisation');
      assert.match(form.body, /University Hospitals Birmingham NHS Foundation Trust/);
      assert.doesNotMatch(form.body, /Professor Bea Other/, 'no people of other organisations');

      const before = await countOf(database, 'capability');
      const id = createdId(
        await siteA.post(newCapability, capabilityForm({ organisationId: nuh, title: 'A lab' })),
      );
      assert.equal(await countOf(database, 'capability'), before + 1);
      const [row] = await database.query<{
        organisation_id: string;
        status: string;
        keywords: string[];
      }>('select organisation_id::text, status, keywords from capability where id = $1', [id]);
      assert.equal(row?.organisation_id, uhb);
      assert.equal(row.status, 'draft');
      assert.deepEqual(row.keywords, ['falls', 'gait', 'balance']);

      const page = await siteA.get(`/manage/capabilities/${id}?done=created`);
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), ['A lab']);
      assert.match(page.body, /nhsuk-notification-banner--success/);
      assert.match(page.body, /added as a draft/);
      assert.match(page.body, />\s*Draft\s*</);
      assert.match(page.body, /value="submit"/);
      assert.doesNotMatch(page.body, /value="publish"/, 'only the alliance office publishes');

      const [event, ...more] = await auditOf(database, 'capability', id);
      assert.equal(more.length, 0);
      assert.equal(event?.action, 'create');
      assert.equal(event.actor_user_id, userA.id);
      assert.equal(event.actor_label, 'office-a@example.org');
      assert.equal(event.before_value, null);
      assert.equal(event.after_value?.title, 'A lab');
      assert.equal(event.after_value.organisationId, uhb);
      assert.equal(event.after_value.status, 'draft');
    });

    test("a site office cannot read or change another organisation's records", async () => {
      const record = `/manage/capabilities/${capabilityOfB}`;
      const formUrl = newCapability;
      assert.equal((await siteA.get(record)).statusCode, 404);
      assert.equal((await siteA.get(`${record}/edit`)).statusCode, 404);
      const edit = await siteA.post(`${record}/edit`, capabilityForm({ title: 'Taken over' }), {
        formUrl,
      });
      assert.equal(edit.statusCode, 404);
      for (const action of ['submit', 'archive', 'publish']) {
        const status = await siteA.post(`${record}/status`, { action }, { formUrl });
        assert.equal(status.statusCode, 404, action);
      }
      // The same for B's person and B's organisation.
      assert.equal((await siteA.get(`/manage/people/${personOfB}`)).statusCode, 404);
      assert.equal((await siteA.get(`/manage/people/${personOfB}/edit`)).statusCode, 404);
      const personEdit = await siteA.post(`/manage/people/${personOfB}/edit`, personForm(), {
        formUrl,
      });
      assert.equal(personEdit.statusCode, 404);
      assert.equal((await siteA.get(`/manage/organisations/${nuh}`)).statusCode, 404);
      assert.equal((await siteA.get(`/manage/organisations/${nuh}/edit`)).statusCode, 404);
      const organisationEdit = await siteA.post(
        `/manage/organisations/${nuh}/edit`,
        organisationForm({ name: 'Taken over' }),
        { formUrl },
      );
      assert.equal(organisationEdit.statusCode, 404);
      const organisationStatus = await siteA.post(
        `/manage/organisations/${nuh}/status`,
        { action: 'archive' },
        { formUrl },
      );
      assert.equal(organisationStatus.statusCode, 404);

      // Nothing changed, and nothing was audited for A.
      const [row] = await database.query<{ title: string; status: string }>(
        'select title, status from capability where id = $1',
        [capabilityOfB],
      );
      assert.deepEqual(row, { title: 'Nottingham secret scanner', status: 'draft' });
      const [organisation] = await database.query<{ name: string; status: string }>(
        'select name, status from organisation where id = $1',
        [nuh],
      );
      assert.equal(organisation?.status, 'published');
      assert.notEqual(organisation.name, 'Taken over');
      const events = await database.query(
        'select 1 from audit_event where actor_user_id = $1 and entity_id in ($2, $3, $4)',
        [userA.id, capabilityOfB, personOfB, nuh],
      );
      assert.equal(events.length, 0);

      // Lists and the dashboard show only A's records, even when searched for B's.
      for (const url of [
        '/manage/capabilities',
        '/manage/capabilities?q=Nottingham',
        '/manage/capabilities?status=draft',
        '/manage/people',
        '/manage/people?q=Bea',
        '/manage/organisations',
      ]) {
        const list = await siteA.get(url);
        assert.equal(list.statusCode, 200, url);
        assert.doesNotMatch(list.body, /Nottingham secret scanner|Professor Bea Other/, url);
        assert.doesNotMatch(list.body, new RegExp(capabilityOfB), url);
        assert.doesNotMatch(list.body, /Nottingham University Hospitals/, url);
      }
      const organisations = await siteA.get('/manage/organisations');
      assert.match(organisations.body, /University Hospitals Birmingham NHS Foundation Trust/);
      assert.doesNotMatch(organisations.body, /Add an organisation/);

      // Linking B's person to A's capability is refused like any unknown choice.
      const linked = await siteA.post(newCapability, capabilityForm({ personIds: [personOfB] }));
      assert.equal(linked.statusCode, 422);
      assert.deepEqual(errorSummaryOf(linked.body), ['Choose people from the list']);
    });

    test('a site office edits and submits its own capability, but cannot publish it', async () => {
      const id = createdId(
        await siteA.post(newCapability, capabilityForm({ title: 'Frailty clinic' })),
      );
      const record = `/manage/capabilities/${id}`;
      const editForm = await siteA.get(`${record}/edit`);
      assert.equal(editForm.statusCode, 200);
      assert.equal(inputValue(editForm.body, 'title'), 'Frailty clinic');
      assert.equal(inputValue(editForm.body, 'keywords'), 'falls, gait, balance');

      const saved = await siteA.post(
        `${record}/edit`,
        capabilityForm({ title: 'Frailty and falls clinic', categories: 'musculoskeletal' }),
      );
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${record}?done=saved`);
      const update = (await auditOf(database, 'capability', id)).find(
        (event) => event.action === 'update',
      );
      assert.equal(update?.actor_user_id, userA.id);
      assert.equal(update.before_value?.title, 'Frailty clinic');
      assert.equal(update.after_value?.title, 'Frailty and falls clinic');
      assert.deepEqual(update.after_value.categories, ['musculoskeletal']);

      const submitted = await siteA.post(
        `${record}/status`,
        { action: 'submit' },
        { formUrl: record },
      );
      assert.equal(submitted.statusCode, 303);
      assert.equal(submitted.headers.location, `${record}?done=submit`);
      const inReview = await siteA.get(submitted.headers.location ?? '');
      assert.match(inReview.body, /sent for review/);
      assert.match(inReview.body, />\s*In review\s*</);
      assert.doesNotMatch(inReview.body, /value="publish"/);

      const published = await siteA.post(
        `${record}/status`,
        { action: 'publish' },
        { formUrl: record },
      );
      assert.equal(published.statusCode, 409);
      assert.equal(errorSummaryOf(published.body).length, 1);
      assert.match(errorSummaryOf(published.body)[0] ?? '', /cannot be changed that way/);
      const [row] = await database.query<{ status: string }>(
        'select status from capability where id = $1',
        [id],
      );
      assert.equal(row?.status, 'in-review');
      const statusEvents = (await auditOf(database, 'capability', id)).filter((event) =>
        event.action.startsWith('status-'),
      );
      assert.deepEqual(
        statusEvents.map((event) => [event.action, event.before_value, event.after_value]),
        [['status-submit', { status: 'draft' }, { status: 'in-review' }]],
      );
      assert.equal((await testApp.app.inject({ url: `/capabilities/${id}` })).statusCode, 404);
    });

    test('the alliance office publishes, and the capability appears on the public website', async () => {
      const id = createdId(
        await office.post(
          newCapability,
          capabilityForm({
            title: 'Published imaging suite',
            organisationId: nuh,
            type: 'imaging',
          }),
        ),
      );
      const draft = createdId(
        await office.post(
          newCapability,
          capabilityForm({ title: 'Still a draft', organisationId: uhb }),
        ),
      );
      const record = `/manage/capabilities/${id}`;
      assert.equal((await testApp.app.inject({ url: `/capabilities/${id}` })).statusCode, 404);
      const page = await office.get(record);
      assert.match(page.body, /value="publish"/);
      assert.match(page.body, /value="submit"/);

      const published = await office.post(
        `${record}/status`,
        { action: 'publish' },
        { formUrl: record },
      );
      assert.equal(published.statusCode, 303);
      assert.equal(published.headers.location, `${record}?done=publish`);
      const after = await office.get(published.headers.location ?? '');
      assert.match(after.body, /has been published/);
      assert.match(after.body, new RegExp(`href="/capabilities/${id}"`));
      assert.match(after.body, /value="return"/);

      const publicPage = await testApp.app.inject({ url: `/capabilities/${id}` });
      assert.equal(publicPage.statusCode, 200);
      assert.deepEqual(h1Texts(publicPage.body), ['Published imaging suite']);
      assert.equal((await testApp.app.inject({ url: `/capabilities/${draft}` })).statusCode, 404);

      const [event] = (await auditOf(database, 'capability', id)).filter(
        (row) => row.action === 'status-publish',
      );
      assert.equal(event?.actor_user_id, officeUser.id);
      assert.deepEqual(event.before_value, { status: 'draft' });
      assert.deepEqual(event.after_value, { status: 'published' });

      // The site office of the organisation now sees it, published, but not a publish button.
      const seenByB = await siteB.get(record);
      assert.equal(seenByB.statusCode, 200);
      assert.match(seenByB.body, />\s*Published\s*</);
      assert.doesNotMatch(seenByB.body, /value="return"/);

      // Archiving takes it off the public website again.
      const archived = await office.post(
        `${record}/status`,
        { action: 'archive' },
        { formUrl: record },
      );
      assert.equal(archived.statusCode, 303);
      assert.equal((await testApp.app.inject({ url: `/capabilities/${id}` })).statusCode, 404);
    });

    test('bad capability input is shown with the error summary, kept in the form, and nothing is saved', async () => {
      const cases: {
        name: string;
        client: () => FormClient;
        form: Record<string, string | string[]>;
        errors: string[];
      }[] = [
        {
          name: 'everything empty',
          client: () => siteA,
          form: { title: '', summary: ' ', description: '', type: '', place: '', keywords: '' },
          errors: [
            'Enter the title',
            'Enter the summary',
            'Choose the type of capability',
            'Choose where the capability is',
            'Choose at least one health category',
          ],
        },
        {
          name: 'too long',
          client: () => siteA,
          form: capabilityForm({
            title: 'T'.repeat(201),
            summary: 'S'.repeat(401),
            description: 'D'.repeat(8001),
          }),
          errors: [
            'The title must be 200 characters or fewer',
            'The summary must be 400 characters or fewer',
            'The description must be 8,000 characters or fewer',
          ],
        },
        {
          name: 'tampered choices',
          client: () => siteA,
          form: capabilityForm({
            type: 'spaceship',
            place: 'paris',
            categories: ['cancer', 'not-a-category'],
          }),
          errors: [
            'Choose the type of capability',
            'Choose where the capability is',
            'Choose health categories from the list',
          ],
        },
        {
          name: 'too many categories and keywords',
          client: () => siteA,
          form: capabilityForm({
            categories: ['blood', 'cancer', 'cardiovascular', 'congenital', 'ear', 'eye'],
            keywords: Array.from({ length: 21 }, (_, index) => `word${index}`).join(','),
          }),
          errors: ['Choose no more than 5 health categories', 'Enter 20 keywords or fewer'],
        },
        {
          name: 'a keyword too long',
          client: () => siteA,
          form: capabilityForm({ keywords: `short, ${'k'.repeat(61)}` }),
          errors: ['Each keyword must be 60 characters or fewer; separate keywords with commas'],
        },
        {
          name: 'a control character',
          client: () => siteA,
          form: capabilityForm({ title: 'Null\u0000byte' }),
          errors: ['The title must not contain control characters'],
        },
        {
          name: 'a person who does not exist, and one that is not an id',
          client: () => siteA,
          form: capabilityForm({ personIds: [madeUpId] }),
          errors: ['Choose people from the list'],
        },
        {
          name: 'a person id that is SQL',
          client: () => siteA,
          form: capabilityForm({ personIds: ["1' or '1'='1"] }),
          errors: ['Choose people from the list'],
        },
        {
          name: 'office: no organisation chosen',
          client: () => office,
          form: capabilityForm({ organisationId: '' }),
          errors: ['Choose an organisation'],
        },
        {
          name: 'office: an organisation that does not exist',
          client: () => office,
          form: capabilityForm({ organisationId: madeUpId }),
          errors: ['Choose an organisation from the list'],
        },
        {
          name: 'office: an organisation that is SQL',
          client: () => office,
          form: capabilityForm({ organisationId: "'; drop table capability; --" }),
          errors: ['Choose an organisation from the list'],
        },
      ];
      const before = await countOf(database, 'capability');
      const eventsBefore = await database.query('select id from audit_event');
      for (const item of cases) {
        const response = await item.client().post(newCapability, item.form);
        assert.equal(response.statusCode, 422, item.name);
        assert.deepEqual(errorSummaryOf(response.body), item.errors, item.name);
        assert.match(response.body, /<title>Error: /, item.name);
        const title = item.form.title;
        if (typeof title === 'string' && !title.includes('\u0000')) {
          assert.equal(inputValue(response.body, 'title'), title, `${item.name} keeps the title`);
        }
      }
      assert.equal(await countOf(database, 'capability'), before);
      assert.equal(
        (await database.query('select id from audit_event')).length,
        eventsBefore.length,
      );
    });

    test('script and SQL in text are stored as text and shown escaped', async () => {
      const title = `<script>alert("x")</script> Robert'); drop table capability; --`;
      const id = createdId(
        await siteA.post(newCapability, capabilityForm({ title, keywords: '<b>bold</b>, 1=1' })),
      );
      const [row] = await database.query<{ title: string }>(
        'select title from capability where id = $1',
        [id],
      );
      assert.equal(row?.title, title);
      const page = await siteA.get(`/manage/capabilities/${id}`);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<b>bold<\/b>/);
      assert.match(page.body, /&lt;script&gt;alert/);
      const list = await siteA.get('/manage/capabilities?q=Robert');
      assert.match(list.body, /&lt;script&gt;alert/);
      assert.doesNotMatch(list.body, /<script>alert/);
    });

    test('addresses with ids that are not UUIDs are not found, never an error', async () => {
      for (const id of [
        'not-a-uuid',
        "1'%20or%20'1'%3D'1",
        '00000000-0000-0000-0000-00000000000g',
      ]) {
        for (const kind of ['capabilities', 'people', 'organisations']) {
          assert.equal((await siteA.get(`/manage/${kind}/${id}`)).statusCode, 404, `${kind} ${id}`);
          assert.equal((await siteA.get(`/manage/${kind}/${id}/edit`)).statusCode, 404);
          const post = await siteA.post(
            `/manage/${kind}/${id}/status`,
            { action: 'submit' },
            {
              formUrl: newCapability,
            },
          );
          assert.equal(post.statusCode, 404);
        }
      }
      assert.equal((await office.get(`/manage/capabilities/${madeUpId}`)).statusCode, 404);
    });

    test('an unknown status action is refused with the error summary', async () => {
      const id = createdId(
        await siteA.post(newCapability, capabilityForm({ title: 'Actionless' })),
      );
      const record = `/manage/capabilities/${id}`;
      for (const action of ['', 'delete', 'toString']) {
        const response = await siteA.post(`${record}/status`, { action }, { formUrl: record });
        assert.equal(response.statusCode, 422, action);
        assert.deepEqual(errorSummaryOf(response.body), [
          'Choose a change from the buttons on the page',
        ]);
      }
      const restored = await siteA.post(
        `${record}/status`,
        { action: 'restore' },
        { formUrl: record },
      );
      assert.equal(restored.statusCode, 409, 'a draft cannot be restored');
    });

    test('people: ORCID iDs are checked, keywords tidied, and every change audited', async () => {
      const form = await siteA.get(newPerson);
      assert.equal(form.statusCode, 200);
      assert.doesNotMatch(form.body, /name="organisationId"/);

      for (const orcid of ['0000-0002-1825-0098', '1234', '0000-0002-1825-009', 'x'.repeat(40)]) {
        const response = await siteA.post(newPerson, personForm({ orcid }));
        assert.equal(response.statusCode, 422, orcid);
        assert.deepEqual(errorSummaryOf(response.body), [
          'Enter a real ORCID iD, like 0000-0002-1825-0097',
        ]);
        assert.equal(inputValue(response.body, 'orcid'), orcid);
      }
      const empty = await siteA.post(newPerson, personForm({ fullName: '', jobTitle: '' }));
      assert.deepEqual(errorSummaryOf(empty.body), ['Enter the full name', 'Enter the job title']);

      const id = createdId(
        await siteA.post(
          newPerson,
          personForm({
            orcid: 'https://orcid.org/0000-0002-1825-0097',
            keywords: ' Frailty ,SARCOPENIA,, frailty ',
          }),
        ),
      );
      const [row] = await database.query<{
        orcid: string;
        keywords: string[];
        organisation_id: string;
      }>('select orcid, keywords, organisation_id::text from directory_person where id = $1', [id]);
      assert.deepEqual(row, {
        orcid: '0000-0002-1825-0097',
        keywords: ['frailty', 'sarcopenia'],
        organisation_id: uhb,
      });

      const duplicate = await siteA.post(newPerson, personForm({ orcid: '0000-0002-1825-0097' }));
      assert.equal(duplicate.statusCode, 422);
      assert.deepEqual(errorSummaryOf(duplicate.body), [
        'Another person in the directory already has this ORCID iD',
      ]);

      const record = `/manage/people/${id}`;
      const saved = await siteA.post(`${record}/edit`, personForm({ jobTitle: 'Professor' }));
      assert.equal(saved.statusCode, 303);
      const events = await auditOf(database, 'person', id);
      assert.deepEqual(
        events.map((event) => event.action),
        ['create', 'update'],
      );
      assert.equal(events[1]?.before_value?.jobTitle, 'Clinical Research Fellow');
      assert.equal(events[1].after_value?.jobTitle, 'Professor');
      assert.equal(events[1].actor_user_id, userA.id);

      // The person can now be linked to A's capabilities.
      const capabilityForm2 = await siteA.get(newCapability);
      assert.match(capabilityForm2.body, new RegExp(`value="${id}"`));
    });

    test('organisations: only the alliance office adds them; a site office edits its own', async () => {
      assert.equal((await siteA.get(newOrganisation)).statusCode, 403);
      const refused = await siteA.post(newOrganisation, organisationForm(), {
        formUrl: newCapability,
      });
      assert.equal(refused.statusCode, 403);

      const before = await countOf(database, 'organisation');
      const bad = await office.post(
        newOrganisation,
        organisationForm({
          slug: 'Not A Slug',
          type: 'castle',
          websiteUrl: 'javascript:alert(1)',
          name: '',
        }),
      );
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), [
        'Enter the name',
        'The web address name must be lower-case letters and numbers, with single hyphens between words, like university-of-example',
        'Choose the type of organisation',
        'Enter the website address in the correct format, like https://www.example.org',
      ]);
      const taken = await office.post(newOrganisation, organisationForm({ slug: 'uhb' }));
      assert.equal(taken.statusCode, 422);
      assert.deepEqual(errorSummaryOf(taken.body), [
        'An organisation with that web address already exists',
      ]);
      assert.equal(await countOf(database, 'organisation'), before);

      const id = createdId(await office.post(newOrganisation, organisationForm()));
      const [created] = await auditOf(database, 'organisation', id);
      assert.equal(created?.action, 'create');
      assert.equal(created.after_value?.slug, 'example-diagnostics');
      assert.equal(created.actor_user_id, officeUser.id);

      const own = `/manage/organisations/${uhb}`;
      const editForm = await siteA.get(`${own}/edit`);
      assert.equal(editForm.statusCode, 200);
      assert.doesNotMatch(editForm.body, /name="slug"/, 'the slug never changes');
      const current = inputValue(editForm.body, 'name') ?? '';
      const saved = await siteA.post(
        `${own}/edit`,
        organisationForm({
          name: current,
          shortName: 'UHB',
          type: 'nhs-trust',
          city: 'Birmingham',
          summary: 'A new summary written by the site office.',
          slug: 'attempted-slug-change',
        }),
      );
      assert.equal(saved.statusCode, 303);
      const [row] = await database.query<{ slug: string; summary: string }>(
        'select slug, summary from organisation where id = $1',
        [uhb],
      );
      assert.deepEqual(row, { slug: 'uhb', summary: 'A new summary written by the site office.' });
      const update = (await auditOf(database, 'organisation', uhb)).find(
        (event) => event.action === 'update',
      );
      assert.equal(update?.actor_user_id, userA.id);
      assert.equal(update.after_value?.summary, 'A new summary written by the site office.');
      assert.notEqual(update.before_value?.summary, 'A new summary written by the site office.');
    });

    test('the dashboard counts only the records the user keeps, and lists filter and page', async () => {
      const dashboard = await siteB.get('/manage');
      assert.equal(dashboard.statusCode, 200);
      assert.deepEqual(h1Texts(dashboard.body), ['Directory records']);
      assert.match(dashboard.body, /href="\/manage\/import"/);
      const [counts] = await database.query<{ capabilities: number; drafts: number }>(
        `select count(*)::int as capabilities, count(*) filter (where status = 'draft')::int as drafts
         from capability where organisation_id = $1`,
        [nuh],
      );
      assert.match(
        dashboard.body,
        new RegExp(`All capabilities \\(${counts?.capabilities ?? -1}\\)`),
      );

      await database.query(
        `insert into capability (organisation_id, title, summary, type, place, categories)
         select $1, 'Paged capability ' || lpad(n::text, 2, '0'), 'For paging.', 'imaging',
           'derby', array['cancer']
         from generate_series(1, 25) as n`,
        [nuh],
      );
      const first = await siteB.get('/manage/capabilities?q=Paged&status=draft');
      assert.equal(first.statusCode, 200);
      assert.equal([...first.body.matchAll(/Paged capability \d\d/g)].length, 20);
      assert.match(first.body, /Showing 1 to 20 of 25 capabilities/);
      assert.match(
        first.body,
        /href="\/manage\/capabilities\?q=Paged&amp;status=draft&amp;page=2"/,
      );
      const second = await siteB.get('/manage/capabilities?q=Paged&status=draft&page=2');
      assert.equal([...second.body.matchAll(/Paged capability \d\d/g)].length, 5);
      const published = await siteB.get('/manage/capabilities?q=Paged&status=published');
      assert.doesNotMatch(published.body, /Paged capability/);
      assert.equal(
        (await siteA.get('/manage/capabilities?q=Paged')).body.includes('Paged capability'),
        false,
      );

      for (const query of ['status=gone', 'page=0', 'page=abc', `q=${'q'.repeat(201)}`, 'q=%00']) {
        const response = await siteB.get(`/manage/capabilities?${query}`);
        assert.equal(response.statusCode, 422, query);
        assert.equal(errorSummaryOf(response.body).length, 1, query);
      }
      const beyond = await siteB.get('/manage/capabilities?page=400');
      assert.equal(beyond.statusCode, 200);
    });
  });
}
