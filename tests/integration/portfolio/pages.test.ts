import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { type TestApp, buildTestApp, testAdministrator } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts, textOf } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const shift = (date: string, days: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The three boxes of an NHS date input for a YYYY-MM-DD date. */
function dateFields(name: string, iso: string): Record<string, string> {
  const [year = '', month = '', day = ''] = iso.split('-');
  return {
    [`${name}Day`]: String(Number(day)),
    [`${name}Month`]: String(Number(month)),
    [`${name}Year`]: year,
  };
}

/** An existing project, added through the API before the pages are used. */
const original = {
  title: 'Vitamin D and omega-3 supplements to prevent delirium after hip fracture surgery',
  laySummary:
    'Many older people become confused after an operation for a broken hip. We will see whether two cheap supplements can prevent it.',
  abstract:
    'Delirium affects up to half of older adults after hip fracture surgery and is linked to longer stays, dementia and death. In a randomised placebo-controlled trial across three hospitals we will give vitamin D3 and omega-3 fatty acid supplements to adults aged 65 and over from admission until four weeks after surgery, and compare the incidence of postoperative delirium, its severity and length of stay.',
  healthCategory: 'injuries-accidents',
  leadOrganisationId: 'uhb',
  partnerOrganisationIds: ['nuh'],
  grandChallenges: ['multimorbidity'],
  pipeline: 'birmingham-brc-translational',
  funder: 'NIHR',
  amountPounds: 400_000,
};

/** The same project told in other words, as a form would send it. */
const paraphraseForm = {
  title: 'Can cholecalciferol and fish oil capsules stop acute confusion after a broken hip?',
  laySummary: '',
  abstract:
    'Acute confusion is common in elderly people who have an operation for a fractured neck of femur, and it is associated with poorer recovery. This trial will randomise people over 65 admitted with a broken hip to daily cholecalciferol plus fish oil capsules or to dummy capsules, starting on admission and continuing for a month after the operation, to find out whether fewer develop acute confusion after surgery and whether they go home sooner.',
  healthCategory: 'injuries-accidents',
  leadOrganisationId: 'uhl',
  partnerOrganisationIds: ['uhcw'],
  grandChallenges: 'multimorbidity',
  pipeline: '',
  researchActivityCode: '6.1',
  funder: 'A charity',
  amountPounds: '£120,000',
  ...dateFields('startDate', shift(today, 30)),
  ...dateFields('endDate', shift(today, 400)),
};

const unrelated = {
  title: 'Machine learning to predict sepsis in the emergency department',
  abstract:
    'Using routinely collected observations and blood tests from four emergency departments, we will train and validate a model that predicts which adults presenting with infection will develop sepsis within 24 hours.',
  healthCategory: 'infection',
  leadOrganisationId: 'nuh',
  pipeline: 'nottingham-brc-translational',
};

/** References of the similar projects in the panel, in the order shown. */
function similarInPanel(html: string): string[] {
  const list =
    /<ol class="nhsuk-list nhsuk-list--number" id="similar-projects">([\s\S]*?)<\/ol>/.exec(html);
  if (!list) return [];
  return [
    ...(list[1] ?? '').matchAll(
      /<li class="nhsuk-u-margin-bottom-4">[\s\S]*?(MHA-P-\d{4}-\d{4,})/g,
    ),
  ].map((match) => match[1] ?? '');
}

const checkedDigest = (html: string) => /name="checked" value="([^"]+)"/.exec(html)?.[1];

/** The value typed back into a textarea by its id. */
const textareaValue = (html: string, id: string) =>
  new RegExp(`<textarea[^>]*id="${id}"[^>]*>([\\s\\S]*?)</textarea>`).exec(html)?.[1]?.trim();

for (const engine of testEngines()) {
  describe(`the portfolio pages (${engine})`, () => {
    let testApp: TestApp;
    const clients: Record<string, FormClient> = {};
    const references: Record<string, string> = {};
    const ids: Record<string, string> = {};

    const count = async (sql: string, values: unknown[] = []) => {
      const [row] = await testApp.testDatabase.database.query<{ n: string }>(sql, values);
      return Number(row?.n ?? 0);
    };
    const projectCount = () => count('select count(*)::text as n from research_project');
    const moveCount = () => count('select count(*)::text as n from project_stage_move');
    const audits = (action: string, entityType: string, entityId?: string) =>
      count(
        `select count(*)::text as n from audit_event where action = $1 and entity_type = $2
         and ($3::text is null or entity_id = $3)`,
        [action, entityType, entityId ?? null],
      );

    const as = (who: string) => {
      const client = clients[who];
      assert.ok(client, who);
      return client;
    };

    before(async () => {
      // The sample directory gives the form people to name as investigators.
      testApp = await buildTestApp(engine, {
        env: {
          SAMPLE_DATA: 'true',
          ADMIN_EMAIL: testAdministrator.email,
          ADMIN_PASSWORD: testAdministrator.password,
        },
      });
      const database = testApp.testDatabase.database;
      for (const [who, role, organisationSlug] of [
        ['office', 'alliance-office', undefined],
        ['admin', 'admin', undefined],
        ['site', 'site-office', 'uhb'],
        ['investigator', 'investigator', undefined],
        ['industry', 'industry', 'uhb'],
      ] as const) {
        const user = await createUser(database, role, organisationSlug ? { organisationSlug } : {});
        const client = new FormClient(testApp.app);
        client.setCookie('mha_session', await sessionFor(database, user.id));
        clients[who] = client;
      }
      clients.anonymous = new FormClient(testApp.app);
      for (const [name, body] of Object.entries({ original, unrelated })) {
        const created = await testApp.app.inject({
          method: 'POST',
          url: '/api/v1/projects',
          headers: {
            cookie: `mha_session=${as('office').cookie('mha_session') ?? ''}`,
            'content-type': 'application/json',
          },
          payload: JSON.stringify(body),
        });
        assert.equal(created.statusCode, 201, created.body);
        const { id, reference } = created.json<{ id: string; reference: string }>();
        references[name] = reference;
        ids[name] = id;
      }
    });
    after(async () => {
      await testApp.close();
    });

    test('the grand challenges are public: title, summary, status, partners and number of projects', async () => {
      const list = await as('anonymous').get('/grand-challenges');
      assert.equal(list.statusCode, 200);
      assert.deepEqual(h1Texts(list.body), ['Grand challenges']);
      const text = textOf(list.body);
      for (const phrase of ['Sarcopenia', 'Multimorbidity', 'Active', 'University of Birmingham']) {
        assert.ok(text.includes(phrase), phrase);
      }
      assert.match(list.body, /href="\/grand-challenges\/sarcopenia"/);

      const page = await as('anonymous').get('/grand-challenges/multimorbidity');
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), ['Multimorbidity']);
      assert.match(page.body, /href="\/programmes\/multimorbidity"/);
      assert.match(textOf(page.body), /Barnett et al/);
      assert.doesNotMatch(
        page.body,
        new RegExp(references.original ?? 'x'),
        'no projects for the public',
      );
      assert.doesNotMatch(page.body, /Edit this grand challenge/);

      const industry = await as('industry').get('/grand-challenges/multimorbidity');
      assert.doesNotMatch(industry.body, new RegExp(references.original ?? 'x'));

      const staff = await as('investigator').get('/grand-challenges/multimorbidity');
      assert.match(staff.body, new RegExp(`href="/projects/${references.original}"`));
      assert.match(textOf(staff.body), /Projects in this challenge/);

      for (const missing of [
        '/grand-challenges/no-such-thing',
        `/grand-challenges/${'x'.repeat(81)}`,
      ]) {
        assert.equal((await as('anonymous').get(missing)).statusCode, 404, missing);
      }
    });

    test('the alliance office adds and edits a grand challenge; mistakes are named and the change audited', async () => {
      const office = as('office');
      assert.equal((await as('site').get('/grand-challenges/new')).statusCode, 403);
      assert.equal(
        (await as('investigator').get('/grand-challenges/sarcopenia/edit')).statusCode,
        403,
      );

      const empty = await office.post('/grand-challenges/new', { organisations: 'uhb' });
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(errorSummaryOf(empty.body), [
        'Enter a title',
        'Enter a summary',
        'Choose a status',
      ]);
      assert.match(empty.body, /value="uhb" checked/);

      const created = await office.post('/grand-challenges/new', {
        title: 'Healthy ageing at home',
        summary: 'Keep older people well and independent in their own homes.',
        description: 'First paragraph.\n\nSecond paragraph.',
        leads: 'Professor A. Example',
        status: 'proposed',
        organisations: ['uhb', 'university-of-warwick'],
      });
      assert.equal(created.statusCode, 303, created.body);
      assert.equal(
        created.headers.location,
        '/grand-challenges/healthy-ageing-at-home?done=created',
      );
      assert.equal(await audits('create', 'grand-challenge'), 1);
      const page = await office.get('/grand-challenges/healthy-ageing-at-home?done=created');
      assert.match(textOf(page.body), /Grand challenge added/);
      assert.match(textOf(page.body), /University of Warwick/);

      const again = await office.post('/grand-challenges/new', {
        title: 'Healthy ageing at home',
        summary: 'Again',
        status: 'active',
      });
      assert.equal(again.statusCode, 409);
      assert.deepEqual(errorSummaryOf(again.body), [
        'A grand challenge with this title already exists',
      ]);

      const edit = await office.get('/grand-challenges/healthy-ageing-at-home/edit');
      assert.match(edit.body, /value="university-of-warwick" checked/);
      const saved = await office.post('/grand-challenges/healthy-ageing-at-home/edit', {
        title: 'Healthy ageing at home',
        summary: 'Keep older people well at home.',
        status: 'active',
        organisations: 'uhb',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(await audits('update', 'grand-challenge'), 1);
      const list = textOf((await as('anonymous').get('/grand-challenges')).body);
      assert.match(list, /Keep older people well at home\./);
    });

    test('a new project that restates an existing one is shown its likeness before saving; only "Save anyway" saves', async () => {
      const investigator = as('investigator');
      const form = await investigator.get('/projects/new');
      assert.equal(form.statusCode, 200);
      assert.deepEqual(h1Texts(form.body), ['Add a research project']);
      assert.match(form.body, /Check for similar projects/);
      const before = await projectCount();

      const checked = await investigator.post('/projects/new', paraphraseForm, {
        formUrl: '/projects/new',
      });
      assert.equal(checked.statusCode, 200, errorSummaryOf(checked.body).join('; '));
      assert.match(checked.body, /Similar projects already exist/);
      const shown = similarInPanel(checked.body);
      assert.ok(
        shown.slice(0, 3).includes(references.original ?? ''),
        `${references.original} among the first 3 of ${shown.join(', ')}`,
      );
      assert.doesNotMatch(shown.join(' '), new RegExp(references.unrelated ?? 'x'));
      assert.match(checked.body, /Similarity \d+%/);
      assert.match(checked.body, /Save anyway/);
      assert.equal(await projectCount(), before, 'nothing is saved by the check');
      // Everything typed is still in the form.
      assert.equal(textareaValue(checked.body, 'abstract'), paraphraseForm.abstract);
      assert.match(checked.body, /value="uhcw" checked/);

      // Saving a project changed since its check checks it again instead.
      const digest = checkedDigest(checked.body) ?? '';
      const changed = await investigator.post(
        '/projects/new',
        {
          ...paraphraseForm,
          abstract: `${paraphraseForm.abstract} Changed.`,
          checked: digest,
          action: 'save',
        },
        { formUrl: '/projects/new' },
      );
      assert.equal(changed.statusCode, 200);
      assert.match(changed.body, /changed after it was last checked/);
      assert.equal(await projectCount(), before);

      const saved = await investigator.post(
        '/projects/new',
        { ...paraphraseForm, checked: digest, action: 'save' },
        { formUrl: '/projects/new' },
      );
      assert.equal(saved.statusCode, 303, errorSummaryOf(saved.body).join('; '));
      const location = String(saved.headers.location);
      assert.match(location, /^\/projects\/MHA-P-\d{4}-\d{4,}\?done=created$/);
      references.paraphrase = /MHA-P-\d{4}-\d{4,}/.exec(location)?.[0] ?? '';
      assert.equal(await projectCount(), before + 1);
      const [row] = await testApp.testDatabase.database.query<{
        id: string;
        amount_pounds: string;
      }>('select id::text as id, amount_pounds::text from research_project where reference = $1', [
        references.paraphrase,
      ]);
      ids.paraphrase = row?.id ?? '';
      assert.equal(row?.amount_pounds, '120000');
      assert.equal(await audits('create', 'research-project', ids.paraphrase), 1);

      const page = await investigator.get(location);
      assert.match(textOf(page.body), /Project added/);
      assert.match(textOf(page.body), /University Hospitals Coventry/);
      assert.match(textOf(page.body), /£120,000/);
    });

    test('bad input on the project form is named in the error summary, everything typed is kept and nothing saved', async () => {
      const investigator = as('investigator');
      const before = await projectCount();
      const response = await investigator.post(
        '/projects/new',
        {
          ...paraphraseForm,
          title: '',
          healthCategory: 'elbows',
          amountPounds: 'a lot',
          ...dateFields('endDate', shift(today, 10)),
          startDateDay: '31',
          startDateMonth: '2',
          investigatorIds: '00000000-0000-4000-8000-000000000000',
        },
        { formUrl: '/projects/new' },
      );
      assert.equal(response.statusCode, 422);
      assert.deepEqual(errorSummaryOf(response.body), [
        'Enter a title',
        'Choose a health category',
        'The amount must be a whole number of pounds, like 250000 or £250,000',
        'The start date must be a real date',
      ]);
      assert.match(response.body, /href="#startDateDay"/);
      assert.equal(textareaValue(response.body, 'abstract'), paraphraseForm.abstract);
      assert.match(response.body, /id="amountPounds"[^>]*value="a lot"/);
      assert.equal(await projectCount(), before);

      const withNul = await investigator.post(
        '/projects/new',
        { ...paraphraseForm, title: 'Nul\u0000 in the title', funder: '\u0000' },
        { formUrl: '/projects/new' },
      );
      assert.equal(withNul.statusCode, 200, 'a NUL from a crafted request is dropped, not a 500');
      assert.match(withNul.body, />Nul in the title</);

      // A person not in the directory passes the form but not the service.
      const check = await investigator.post(
        '/projects/new',
        { ...paraphraseForm, investigatorIds: '00000000-0000-4000-8000-000000000000' },
        { formUrl: '/projects/new' },
      );
      const unknownPerson = await investigator.post(
        '/projects/new',
        {
          ...paraphraseForm,
          investigatorIds: '00000000-0000-4000-8000-000000000000',
          action: 'save',
          checked: checkedDigest(check.body) ?? '',
        },
        { formUrl: '/projects/new' },
      );
      assert.equal(unknownPerson.statusCode, 422);
      assert.deepEqual(errorSummaryOf(unknownPerson.body), [
        'There is no such person in the directory',
      ]);
      assert.match(unknownPerson.body, /href="#investigatorIds"/);
      assert.equal(await projectCount(), before);
    });

    test('a project is edited through the same check, and the change audited', async () => {
      const investigator = as('investigator');
      const url = `/projects/${references.unrelated}/edit`;
      const form = await investigator.get(url);
      assert.equal(form.statusCode, 200);
      assert.equal(textareaValue(form.body, 'title'), unrelated.title);
      assert.match(form.body, /value="nottingham-brc-translational" selected/);
      const fields = {
        title: 'Machine learning to predict sepsis early in emergency departments',
        laySummary: '',
        abstract: unrelated.abstract,
        healthCategory: 'infection',
        leadOrganisationId: 'nuh',
        pipeline: 'nottingham-brc-translational',
        funder: 'Wellcome',
      };
      const checked = await investigator.post(url, fields);
      assert.equal(checked.statusCode, 200);
      assert.doesNotMatch(
        similarInPanel(checked.body).join(' '),
        new RegExp(references.unrelated ?? 'x'),
        'a project is never similar to itself',
      );
      const saved = await investigator.post(url, {
        ...fields,
        action: 'save',
        checked: checkedDigest(checked.body) ?? '',
      });
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `/projects/${references.unrelated}?done=saved`);
      const page = await investigator.get(`/projects/${references.unrelated}`);
      assert.deepEqual(h1Texts(page.body), [fields.title]);
      assert.match(textOf(page.body), /Wellcome/);
      assert.equal(await audits('update', 'research-project', ids.unrelated), 1);
    });

    test('stage moves follow the pipeline: a skipped gate, an unknown stage, a future date and a date before the last move are refused; a good move is audited', async () => {
      const site = as('site');
      const url = `/projects/${references.original}/stage`;
      const formUrl = `/projects/${references.original}`;
      const page = await site.get(formUrl);
      assert.match(textOf(page.body), /Current stage: Not started/);
      assert.match(page.body, /<option value="discovery" selected>/);
      const before = await moveCount();
      const move = (stage: string, date: string, evidence = 'Pilot data from 40 patients') =>
        site.post(url, { stage, ...dateFields('enteredOn', date), evidence }, { formUrl });

      const skipped = await move('proof-of-concept', shift(today, -30));
      assert.equal(skipped.statusCode, 422);
      assert.deepEqual(errorSummaryOf(skipped.body), [
        'A project moves forward one gate at a time: the next stage is Discovery',
      ]);
      const unknown = await move('warp-speed', shift(today, -30));
      assert.equal(unknown.statusCode, 422);
      assert.match(
        errorSummaryOf(unknown.body)[0] ?? '',
        /is not a stage of Birmingham BRC translational pipeline/,
      );
      const future = await move('discovery', shift(today, 2));
      assert.equal(future.statusCode, 422);
      assert.deepEqual(errorSummaryOf(future.body), ['The date cannot be in the future']);
      assert.match(future.body, /href="#enteredOnDay"/);
      const incomplete = await site.post(
        url,
        { stage: 'discovery', enteredOnDay: '3' },
        { formUrl },
      );
      assert.equal(incomplete.statusCode, 422);
      assert.deepEqual(errorSummaryOf(incomplete.body), [
        'The date must include a month and a year',
        'Enter the evidence for the gate',
      ]);
      assert.equal(await moveCount(), before, 'nothing saved');

      const good = await move('discovery', shift(today, -30), 'Cohort data show delirium in 38%');
      assert.equal(good.statusCode, 303);
      assert.equal(good.headers.location, `/projects/${references.original}?done=moved#pipeline`);
      assert.equal(await moveCount(), before + 1);
      assert.equal(await audits('move', 'research-project', ids.original), 1);

      const earlier = await move('proof-of-mechanism', shift(today, -40));
      assert.equal(earlier.statusCode, 422);
      assert.match(
        errorSummaryOf(earlier.body)[0] ?? '',
        /^The date cannot be before the last move/,
      );
      assert.equal(await moveCount(), before + 1);

      const after = await site.get(`/projects/${references.original}?done=moved`);
      assert.match(textOf(after.body), /Stage move recorded/);
      assert.match(textOf(after.body), /Current stage: Discovery/);
      assert.match(textOf(after.body), /Start to Discovery/);
      assert.match(textOf(after.body), /Cohort data show delirium in 38%/);
    });

    test('the alliance office marks a similar pair; it then leaves the list, and others cannot decide', async () => {
      const office = as('office');
      const url = `/projects/${references.original}`;
      const page = await office.get(url);
      assert.match(page.body, new RegExp(`href="/projects/${references.paraphrase}"`));
      assert.match(page.body, /Should collaborate/);
      const investigatorPage = await as('investigator').get(url);
      assert.doesNotMatch(
        investigatorPage.body,
        /name="decision"/,
        'only the office sees the buttons',
      );
      const refused = await as('investigator').post(
        `${url}/similar/decisions`,
        { otherProjectId: ids.paraphrase ?? '', decision: 'distinct' },
        { formUrl: url },
      );
      assert.equal(refused.statusCode, 403);

      const bad = await office.post(
        `${url}/similar/decisions`,
        {
          otherProjectId: ids.paraphrase ?? '',
          decision: 'maybe',
          note: 'Hmm',
        },
        { formUrl: url },
      );
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), ['Choose distinct or should collaborate']);

      const decided = await office.post(
        `${url}/similar/decisions`,
        {
          otherProjectId: ids.paraphrase ?? '',
          decision: 'should-collaborate',
          note: 'Put the two teams in touch',
        },
        { formUrl: url },
      );
      assert.equal(decided.statusCode, 303);
      assert.equal(await audits('decide', 'research-project-pair'), 1);
      const after = await office.get(url);
      assert.doesNotMatch(after.body, new RegExp(`href="/projects/${references.paraphrase}"`));
      const other = await office.get(`/projects/${references.paraphrase}`);
      assert.doesNotMatch(
        other.body,
        new RegExp(`href="/projects/${references.original}"`),
        'either way round',
      );
    });

    test('the project list searches and filters, and says what is wrong with a bad filter', async () => {
      const investigator = as('investigator');
      const all = await investigator.get('/projects');
      assert.equal(all.statusCode, 200);
      assert.match(all.body, new RegExp(references.original ?? 'x'));
      const found = await investigator.get('/projects?q=delirium&centre=uhb');
      assert.match(found.body, new RegExp(references.original ?? 'x'));
      assert.doesNotMatch(found.body, new RegExp(references.unrelated ?? 'x'));
      const byCategory = await investigator.get('/projects?category=infection');
      assert.match(byCategory.body, new RegExp(references.unrelated ?? 'x'));
      assert.doesNotMatch(byCategory.body, new RegExp(`>${references.original}<`));
      const bad = await investigator.get(
        `/projects?category=elbows&challenge=nope&q=${'x'.repeat(201)}`,
      );
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), [
        'Search words must be 200 characters or fewer',
        'Choose a grand challenge from the list',
        'Choose a health category from the list',
      ]);
      assert.equal((await investigator.get('/projects?q=a%00b')).statusCode, 200, 'NUL is dropped');
      assert.equal((await investigator.get('/projects?q=a&q=b')).statusCode, 422);
      assert.equal((await investigator.get('/projects/MHA-P-1999-0001')).statusCode, 404);
      assert.equal((await investigator.get('/projects/:id')).statusCode, 404);
    });

    test('the pipelines board shows each project at its stage, filtered by centre and challenge, with movement over time', async () => {
      const investigator = as('investigator');
      const board = await investigator.get('/pipelines');
      assert.equal(board.statusCode, 200);
      assert.deepEqual(h1Texts(board.body), ['Translational pipelines']);
      const birmingham =
        /<table class="nhsuk-table" id="board-birmingham-brc-translational">([\s\S]*?)<\/table>/.exec(
          board.body,
        )?.[1];
      assert.ok(birmingham);
      const discovery = [...birmingham.matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)]
        .map((row) => textOf(row[1] ?? '').trim())
        .find((row) => row.startsWith('Discovery'));
      assert.match(
        discovery ?? '',
        new RegExp(`^Discovery \\d+ projects? .*${references.original}`),
      );
      assert.match(board.body, /id="movement-table"/);
      assert.match(board.body, /role="img"/);
      assert.match(
        textOf(board.body),
        /A plausible target or mechanism/,
        'gate criteria are listed',
      );
      assert.match(textOf(board.body), /Start to Discovery/);

      const nottingham = await investigator.get('/pipelines?centre=nihr-nottingham-brc');
      assert.match(nottingham.body, new RegExp(references.unrelated ?? 'x'));
      assert.doesNotMatch(nottingham.body, new RegExp(`>${references.original}<`));
      const challenge = await investigator.get('/pipelines?challenge=multimorbidity');
      assert.match(challenge.body, new RegExp(`>${references.original}<`));
      assert.doesNotMatch(challenge.body, new RegExp(`>${references.unrelated}<`));
      const bad = await investigator.get('/pipelines?centre=atlantis');
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), ['Choose a centre from the list']);
    });

    test('the portfolio in numbers: counts and funding per figure, as charts, tables and CSV', async () => {
      const investigator = as('investigator');
      const page = await investigator.get('/portfolio');
      assert.equal(page.statusCode, 200);
      for (const figure of ['challenge', 'centre', 'category', 'stage']) {
        assert.match(page.body, new RegExp(`id="${figure}-table"`));
        assert.match(page.body, new RegExp(`href="/portfolio.csv\\?figure=${figure}"`));
        assert.match(page.body, new RegExp(`<title id="chart-${figure}-projects-title">`));
      }
      const csv = await investigator.get('/portfolio.csv?figure=centre');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      const rows: Record<string, string>[] = parse(csv.body, { columns: true });
      const uhb = rows.find((row) => row.group === 'uhb');
      assert.ok(uhb, csv.body);
      assert.equal(uhb.figure, 'centre');
      assert.ok(Number(uhb.projects) >= 1);
      assert.ok(Number(uhb.funding_pounds) >= original.amountPounds);
      const all = await investigator.get('/portfolio.csv');
      assert.deepEqual(
        [...new Set(parse<{ figure: string }>(all.body, { columns: true }).map((r) => r.figure))],
        ['challenge', 'centre', 'category', 'stage'],
      );
      const bad = await investigator.get('/portfolio.csv?figure=galaxy');
      assert.equal(bad.statusCode, 422);
    });

    test('every form needs its CSRF token', async () => {
      const before = [await projectCount(), await moveCount()];
      const office = as('office');
      for (const [url, fields] of [
        ['/projects/new', { ...paraphraseForm, action: 'save' }],
        [`/projects/${references.original}/stage`, { stage: 'proof-of-mechanism', evidence: 'x' }],
        [
          `/projects/${references.original}/similar/decisions`,
          { otherProjectId: ids.unrelated ?? '', decision: 'distinct' },
        ],
        ['/grand-challenges/new', { title: 'Sneaky', summary: 'x', status: 'active' }],
      ] as const) {
        const response = await office.post(url, fields, { csrf: null });
        assert.equal(response.statusCode, 403, url);
      }
      assert.deepEqual([await projectCount(), await moveCount()], before);
    });

    test('staff pages refuse industry users and send visitors to sign in', async () => {
      for (const url of [
        '/projects',
        '/projects/new',
        `/projects/${references.original}`,
        `/projects/${references.original}/edit`,
        '/pipelines',
        '/portfolio',
        '/portfolio.csv',
        '/grand-challenges/new',
      ]) {
        assert.equal((await as('industry').get(url)).statusCode, 403, url);
        const anonymous = await as('anonymous').get(url);
        assert.equal(anonymous.statusCode, 303, url);
        assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=/);
      }
      const account = await as('site').get('/account');
      for (const href of ['/projects', '/portfolio', '/pipelines', '/grand-challenges']) {
        assert.match(account.body, new RegExp(`href="${href}"`), href);
      }
    });
  });
}
