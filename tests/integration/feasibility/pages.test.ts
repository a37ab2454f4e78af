import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { LightMyRequestResponse } from 'fastify';
import { CONDITIONS } from '../../../src/features/feasibility/population/vocabulary.js';
import type { CriteriaNode } from '../../../src/features/feasibility/criteria.js';
import { TEMPLATES } from '../../../src/features/feasibility/templates.js';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts, textOf } from '../../support/html.js';
import { testPopulation, type TestPopulation } from '../../support/omop.js';
import { createUser, sessionFor } from '../../support/users.js';

/** What an attribute value holds once the browser has decoded it. */
const decode = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function hiddenField(html: string, name: string): string {
  const found = new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html);
  assert.ok(found, `the page carries ${name}`);
  return decode(found[1] ?? '');
}

/** The builder's state, as every one of its forms carries it. */
function stateOf(html: string) {
  return {
    criteria: hiddenField(html, 'criteria'),
    draft: hiddenField(html, 'draft'),
    queryName: hiddenField(html, 'queryName'),
  };
}

/** The value of the text box with this id, as the page shows it. */
function inputValue(html: string, id: string): string | undefined {
  const element = new RegExp(`<input [^>]*id="${id}"[^>]*>`).exec(html)?.[0] ?? '';
  const value = /value="([^"]*)"/.exec(element)?.[1];
  return value === undefined ? undefined : decode(value);
}

const criteriaOf = (html: string) => JSON.parse(stateOf(html).criteria) as { all: CriteriaNode[] };
const csrfOf = (html: string) => {
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  assert.ok(token, 'the page has a CSRF token');
  return token;
};

/** Text of the rows of the criteria list, in order. */
const criteriaRows = (html: string) =>
  [
    ...html.matchAll(/<div class="nhsuk-summary-list__row" id="criterion-\d+">([\s\S]*?)<\/dd>/g),
  ].map((match) => textOf(match[1] ?? '').trim());

/** The text of a section of the page, from an element with this id to the end of its table. */
function tableCells(html: string, tableId: string): string[][] {
  const table = new RegExp(`<table class="nhsuk-table" id="${tableId}">([\\s\\S]*?)</table>`).exec(
    html,
  );
  assert.ok(table, `the page has the table ${tableId}`);
  return [...(table[1] ?? '').matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((cell) =>
        textOf(cell[1] ?? '').trim(),
      ),
    );
}

/** A count as the disclosure rule lets it be shown: 0, "fewer than 8", or a multiple of 5 from 10. */
function assertDisclosed(text: string, where: string) {
  if (text === '0' || text === 'fewer than 8') return;
  assert.match(text, /^\d{1,3}(,\d{3})*$/, `${where}: ${text} is a count`);
  const value = Number(text.replace(/,/g, ''));
  assert.ok(value >= 10 && value % 5 === 0, `${where}: ${text} is rounded to 5 and above 7`);
}

const totalOf = (html: string) =>
  textOf(/<p class="mha-figures__value" id="total">([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '').trim();

async function waitUntilReady(client: FormClient) {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const response = await client.get('/api/v1/feasibility/population');
    if (response.json<{ state: string }>().state === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the population was not indexed in time');
}

for (const engine of testEngines()) {
  describe(`patient feasibility pages (${engine})`, () => {
    let population: TestPopulation;
    let testApp: TestApp;

    before(async () => {
      population = await testPopulation(2000);
      testApp = await buildTestApp(engine, {
        env: { DATA_DIR: population.dataDir, FEASIBILITY_QUERIES_PER_MINUTE: '1000' },
      });
      await waitUntilReady(await signedIn());
    });
    after(async () => {
      await testApp.close();
      await population.dispose();
    });

    /** A client signed in as a new person, so that each test has its own saved queries. */
    async function signedIn(role: 'industry' | 'investigator' = 'industry') {
      const { database } = testApp.testDatabase;
      const user = await createUser(database, role);
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      return client;
    }

    /** Presses a button of the builder: its form's state, any fields, and the action. */
    function press(
      client: FormClient,
      page: LightMyRequestResponse,
      action: string,
      fields: Record<string, string> = {},
    ) {
      return client.post(
        '/feasibility',
        { ...stateOf(page.body), ...fields, action },
        { csrf: csrfOf(page.body) },
      );
    }

    /** Opens the criterion form on a type and presses "Add criterion" with these fields. */
    async function addCriterion(
      client: FormClient,
      page: LightMyRequestResponse,
      type: string,
      fields: Record<string, string>,
    ) {
      const adding = await press(client, page, 'add');
      const chosen = await press(client, adding, 'choose-type', { draftForm: 'type', type });
      assert.equal(chosen.statusCode, 200, errorSummaryOf(chosen.body).join('; '));
      return press(client, chosen, 'save-criterion', { draftForm: 'fields', type, ...fields });
    }

    async function fromTemplate(client: FormClient, id = 'sarcopenia-probable') {
      const start = await client.get('/feasibility');
      return client.post(
        '/feasibility',
        { action: 'template', template: id },
        { csrf: csrfOf(start.body) },
      );
    }

    async function emptyBuilder(client: FormClient) {
      const start = await client.get('/feasibility');
      return client.post('/feasibility', { action: 'new' }, { csrf: csrfOf(start.body) });
    }

    test('signed-out visitors are sent to sign in, and cannot post', async () => {
      const visitor = new FormClient(testApp.app);
      const page = await visitor.get('/feasibility');
      assert.equal(page.statusCode, 303);
      assert.equal(page.headers.location, '/sign-in?returnTo=%2Ffeasibility');
      const saved = await visitor.get('/feasibility/saved/00000000-0000-0000-0000-000000000000');
      assert.equal(saved.statusCode, 303);
      for (const url of ['/feasibility', '/feasibility/results.csv']) {
        const posted = await visitor.postRaw(url, 'action=run');
        assert.equal(posted.statusCode, 401, url);
      }
    });

    test('signed-in people find the tool from their account page', async () => {
      const client = await signedIn('investigator');
      const account = await client.get('/account');
      assert.match(account.body, /<a href="\/feasibility">Patient feasibility/);
    });

    test('the start page says the data is synthetic and offers the templates', async () => {
      const client = await signedIn();
      const page = await client.get('/feasibility');
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), ['Patient feasibility']);
      const text = textOf(page.body);
      assert.match(text, /Synthetic data/);
      assert.match(text, /Synthetic Midlands population of 2,000 persons \(seed 11\)/);
      assert.match(text, /About 2,000 people/);
      assert.match(text, /Reference date: 1 January 2026/);
      for (const template of TEMPLATES) {
        assert.ok(text.includes(template.name), template.name);
        assert.ok(page.body.includes(`name="template" value="${template.id}"`));
      }
      assert.match(text, /You have no saved queries/);
      assert.match(page.headers['cache-control'] ?? '', /no-store/);
    });

    test('a template starts the builder with its criteria, groups described but not editable', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), ['Build a feasibility query']);
      assert.deepEqual(criteriaOf(page.body), TEMPLATES[0]?.criteria);
      const rows = criteriaRows(page.body);
      assert.equal(rows.length, 2);
      assert.match(rows[0] ?? '', /^Criterion 1 Aged 65 or over/);
      assert.match(rows[1] ?? '', /Any of: Male, and Latest Hand grip strength/);
      assert.match(page.body, /value="change:1"/);
      assert.doesNotMatch(page.body, /value="change:2"/);
      assert.match(page.body, /value="remove:2"/);
      assert.equal(stateOf(page.body).queryName, TEMPLATES[0]?.name);
    });

    test('an unknown template shows the start page with an error', async () => {
      const client = await signedIn();
      const start = await client.get('/feasibility');
      const page = await client.post(
        '/feasibility',
        { action: 'template', template: 'nonsense' },
        { csrf: csrfOf(start.body) },
      );
      assert.equal(page.statusCode, 422);
      assert.deepEqual(errorSummaryOf(page.body), ['Choose one of the templates']);
    });

    test('each type of criterion is added through the form', async () => {
      const client = await signedIn();
      const api = await client.get('/api/v1/feasibility/population');
      const trust = api.json<{ careSites: { id: string; name: string }[] }>().careSites[2];
      assert.ok(trust);
      const cases: [string, Record<string, string>, CriteriaNode, RegExp][] = [
        ['age', { min: '18', max: '64' }, { type: 'age', min: 18, max: 64 }, /Aged 18 to 64/],
        ['sex', { sex: 'female' }, { type: 'sex', value: 'female' }, /Female/],
        [
          'condition',
          { concepts: 'SNOMED:44054006 Type 2 diabetes mellitus', withinDays: '3650' },
          { type: 'condition', concepts: ['SNOMED:44054006'], withinDays: 3650 },
          /Condition: Type 2 diabetes mellitus \(SNOMED:44054006\), in the last 3,650 days/,
        ],
        [
          'conditionCount',
          { concepts: 'SNOMED:44054006\nSNOMED:38341003\nSNOMED:13645005', atLeast: '2' },
          {
            type: 'conditionCount',
            concepts: ['SNOMED:44054006', 'SNOMED:38341003', 'SNOMED:13645005'],
            atLeast: 2,
          },
          /At least 2 of 3 conditions, at any time/,
        ],
        [
          'measurement',
          { concept: 'LOINC:4548-4', op: '>=', value: '48', which: 'any', withinDays: '730' },
          {
            type: 'measurement',
            concept: 'LOINC:4548-4',
            op: '>=',
            value: 48,
            which: 'any',
            withinDays: 730,
          },
          /Any Hemoglobin A1c.* at or above 48, in the last 730 days/,
        ],
        [
          'drug',
          { concepts: 'RXNORM:6809', descendants: 'yes' },
          { type: 'drug', concepts: ['RXNORM:6809'], descendants: true },
          /Drug: metformin \(RXNORM:6809\) \(or a concept below it\)/,
        ],
        [
          'visit',
          { visitType: 'inpatient', careSite: trust.id, withinDays: '365', exclude: 'yes' },
          { not: { type: 'visit', visitType: 'inpatient', careSite: trust.id, withinDays: 365 } },
          new RegExp(`Not: Inpatient visit at ${trust.name}, in the last 365 days`),
        ],
      ];
      let page = await emptyBuilder(client);
      const expected: CriteriaNode[] = [];
      for (const [type, fields, criterion, description] of cases) {
        page = await addCriterion(client, page, type, fields);
        assert.equal(page.statusCode, 200, `${type}: ${errorSummaryOf(page.body).join('; ')}`);
        expected.push(criterion);
        assert.deepEqual(criteriaOf(page.body).all, expected, type);
        assert.match(criteriaRows(page.body).at(-1) ?? '', description, type);
        assert.match(textOf(page.body), new RegExp(`Criterion ${expected.length} added`));
      }
    });

    test('the concept search lists matches that are added with a button', async () => {
      const client = await signedIn();
      const builder = await emptyBuilder(client);
      const chosen = await press(client, builder, 'choose-type', {
        draftForm: 'type',
        type: 'condition',
      });
      const empty = await press(client, chosen, 'search', {
        draftForm: 'fields',
        type: 'condition',
        q: ' ',
      });
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(errorSummaryOf(empty.body), [
        'Enter part of a concept’s name or code to search for',
      ]);
      const found = await press(client, chosen, 'search', {
        draftForm: 'fields',
        type: 'condition',
        q: 'diabetes',
        withinDays: '365',
      });
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /value="add-concept:SNOMED:44054006"/);
      assert.match(found.body, /value="add-concept:SNOMED:46635009"/);
      // Drugs and measurements are not conditions.
      assert.doesNotMatch(found.body, /add-concept:RXNORM/);
      // What was typed before searching is kept.
      assert.equal(inputValue(found.body, 'withinDays'), '365');
      const added = await press(client, found, 'add-concept:SNOMED:44054006', {
        draftForm: 'fields',
        type: 'condition',
        q: 'diabetes',
        withinDays: '365',
      });
      assert.match(added.body, /SNOMED:44054006 Type 2 diabetes mellitus<\/textarea>/);
      assert.doesNotMatch(added.body, /value="add-concept:SNOMED:44054006"/);
      // Enter in a field presses the hidden default button: a new search term is searched for...
      const fields = {
        draftForm: 'fields',
        type: 'condition',
        concepts: 'SNOMED:44054006 Type 2 diabetes mellitus',
        withinDays: '365',
      };
      const entered = await press(client, added, 'enter', { ...fields, q: 'asthma' });
      assert.match(entered.body, /value="add-concept:SNOMED:195967001"/);
      assert.equal(hiddenField(entered.body, 'searched'), 'asthma');
      assert.deepEqual(criteriaOf(entered.body).all, []);
      // ...and once searched, Enter adds the criterion.
      const saved = await press(client, entered, 'enter', {
        ...fields,
        q: 'asthma',
        searched: 'asthma',
      });
      assert.deepEqual(criteriaOf(saved.body).all, [
        { type: 'condition', concepts: ['SNOMED:44054006'], withinDays: 365 },
      ]);
    });

    test('a criterion is changed in its place, and removed', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      const changing = await press(client, page, 'change:1');
      assert.match(changing.body, /Change criterion 1: age range/);
      assert.equal(inputValue(changing.body, 'min'), '65');
      const changed = await press(client, changing, 'save-criterion', {
        draftForm: 'fields',
        type: 'age',
        min: '70',
        max: '',
      });
      const criteria = criteriaOf(changed.body).all;
      assert.deepEqual(criteria[0], { type: 'age', min: 70 });
      assert.equal(criteria.length, 2);
      const removed = await press(client, changed, 'remove:2');
      assert.deepEqual(criteriaOf(removed.body).all, [{ type: 'age', min: 70 }]);
      assert.match(textOf(removed.body), /Criterion 2 removed: Any of:/);
    });

    test('bad input shows the error summary and keeps the criteria and what was typed', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      const before = stateOf(page.body).criteria;

      const noType = await press(client, await press(client, page, 'add'), 'choose-type', {
        draftForm: 'type',
      });
      assert.equal(noType.statusCode, 422);
      assert.deepEqual(errorSummaryOf(noType.body), ['Select the type of criterion']);
      assert.equal(stateOf(noType.body).criteria, before);

      const chosen = await press(client, page, 'choose-type', { draftForm: 'type', type: 'age' });
      const words = await press(client, chosen, 'save-criterion', {
        draftForm: 'fields',
        type: 'age',
        min: 'sixty',
        max: '200',
      });
      assert.equal(words.statusCode, 422);
      assert.deepEqual(errorSummaryOf(words.body), [
        'The youngest age must be a whole number, like 65',
        'The oldest age must be between 0 and 130',
      ]);
      assert.match(words.body, /value="sixty"/);
      assert.match(words.body, /href="#min"/);
      assert.equal(stateOf(words.body).criteria, before);

      const unknown = await press(
        client,
        await press(client, page, 'choose-type', { draftForm: 'type', type: 'condition' }),
        'save-criterion',
        { draftForm: 'fields', type: 'condition', concepts: 'SNOMED:44054006\nSNOMED:999999999' },
      );
      assert.equal(unknown.statusCode, 422);
      assert.deepEqual(errorSummaryOf(unknown.body), [
        'SNOMED:999999999 is not a concept in this population: search for the concept and add it from the results',
      ]);
      assert.match(unknown.body, /SNOMED:44054006\nSNOMED:999999999<\/textarea>/);
      assert.equal(stateOf(unknown.body).criteria, before);

      const badJson = await press(client, page, 'json', {
        criteriaJson: '{"all": [{"type": "age"',
      });
      assert.equal(badJson.statusCode, 422);
      assert.match(errorSummaryOf(badJson.body)[0] ?? '', /^The JSON could not be read/);
      assert.match(badJson.body, /<details class="nhsuk-details" id="json" open>/);
      assert.match(
        badJson.body,
        /\{&quot;all&quot;: \[\{&quot;type&quot;: &quot;age&quot;<\/textarea>/,
      );
      assert.equal(stateOf(badJson.body).criteria, before);

      const refused = await press(client, page, 'json', {
        criteriaJson:
          '{"all":[{"type":"sex","value":"unknown"},{"type":"condition","concepts":["SNOMED:123456789"]}]}',
      });
      assert.equal(refused.statusCode, 422);
      assert.deepEqual(errorSummaryOf(refused.body), [
        'all[0].value: sex must be &quot;female&quot; or &quot;male&quot;',
      ]);

      const unknownInJson = await press(client, page, 'json', {
        criteriaJson: '{"all":[{"type":"condition","concepts":["SNOMED:123456789"]}]}',
      });
      assert.equal(unknownInJson.statusCode, 422);
      assert.match(
        errorSummaryOf(unknownInJson.body)[0] ?? '',
        /^all\[0\]\.concepts\[0\]: Unknown concept SNOMED:123456789/,
      );

      // Criteria the language accepts but the population does not know: named in their row.
      const unknownList = JSON.stringify({
        all: [
          { type: 'age', min: 65 },
          { type: 'drug', concepts: ['RXNORM:99999999'] },
        ],
      });
      const unknownRun = await client.post(
        '/feasibility',
        { criteria: unknownList, draft: '', queryName: '', action: 'run' },
        { csrf: csrfOf(page.body) },
      );
      assert.equal(unknownRun.statusCode, 422);
      assert.deepEqual(errorSummaryOf(unknownRun.body).map(decode), [
        "Criterion 2: Unknown concept RXNORM:99999999: it is not in this population's vocabulary",
      ]);
      assert.match(unknownRun.body, /href="#criterion-2"/);
      assert.match(unknownRun.body, /id="criterion-2-error"/);
      assert.equal(stateOf(unknownRun.body).criteria, unknownList);

      const nothing = await press(client, await emptyBuilder(client), 'run');
      assert.equal(nothing.statusCode, 422);
      assert.deepEqual(errorSummaryOf(nothing.body), ['Add at least one criterion first']);

      const noName = await press(client, page, 'save', { saveName: '  ' });
      assert.equal(noName.statusCode, 422);
      assert.deepEqual(errorSummaryOf(noName.body), ['Enter a name for the query']);
      const longName = await press(client, page, 'save', { saveName: 'x'.repeat(121) });
      assert.deepEqual(errorSummaryOf(longName.body), ['The name must be 120 characters or fewer']);
      assert.equal(stateOf(longName.body).criteria, before);

      const strange = await press(client, page, 'launch');
      assert.equal(strange.statusCode, 400);
      assert.equal(stateOf(strange.body).criteria, before);
    });

    test('criteria changed in the page are shown as JSON to mend, never an error page', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      for (const criteria of ['{not json', '{"all":[{"type":"spaceship"}]}', '[]', 'null']) {
        const response = await client.post(
          '/feasibility',
          { criteria, draft: '{broken', queryName: '', action: 'run' },
          { csrf: csrfOf(page.body) },
        );
        assert.equal(response.statusCode, 422, criteria);
        assert.match(errorSummaryOf(response.body)[0] ?? '', /^The criteria could not be read/);
        assert.ok(
          response.body.includes(`${criteria.replace(/"/g, '&quot;')}</textarea>`),
          criteria,
        );
      }
    });

    test('a count shows only disclosure-controlled numbers, with chart and tables', async () => {
      const client = await signedIn();
      const page = await press(client, await fromTemplate(client), 'run');
      assert.equal(page.statusCode, 200, errorSummaryOf(page.body).join('; '));
      const html = page.body;
      assertDisclosed(totalOf(html), 'total');
      // The same criteria through the API give the same total.
      const api = await testApp.app.inject({
        method: 'POST',
        url: '/api/v1/feasibility/counts',
        headers: {
          cookie: `mha_session=${client.cookie('mha_session') ?? ''}`,
          'content-type': 'application/json',
        },
        payload: JSON.stringify({ criteria: TEMPLATES[0]?.criteria }),
      });
      const { total } = api.json<{ total: { value: number | null } }>();
      assert.equal(
        totalOf(html),
        total.value === null ? 'fewer than 8' : total.value.toLocaleString('en-GB'),
      );

      const svg =
        /<svg [^>]*role="img"[^>]*class="mha-feasibility-chart">[\s\S]*?<\/svg>/.exec(html)?.[0] ??
        '';
      assert.match(svg, /aria-labelledby="chart-trusts-title"/);
      assert.match(
        svg,
        /<title id="chart-trusts-title">People who meet the criteria, by home trust<\/title>/,
      );
      const trusts = tableCells(html, 'trusts-table');
      assert.equal(trusts.length, 21);
      assert.equal(trusts.at(-1)?.[0], 'No home trust recorded');
      for (const [name, count] of trusts) {
        assertDisclosed(count ?? '', name ?? '');
        // The chart shows each trust's count as the table does.
        assert.ok(svg.includes(`>${count}</text>`), `${name} in the chart`);
      }
      const attrition = tableCells(html, 'attrition-table');
      assert.deepEqual(
        attrition.map((row) => row.slice(0, 2)),
        [
          ['1', 'Aged 65 or over'],
          ['2', attrition[1]?.[1] ?? ''],
        ],
      );
      assert.match(attrition[1]?.[1] ?? '', /^Any of: Male, and Latest Hand grip strength/);
      for (const [step, , count] of attrition) assertDisclosed(count ?? '', `step ${step}`);
      const sexes = tableCells(html, 'sex-table');
      assert.deepEqual(
        sexes.map(([label]) => label),
        ['Female', 'Male', 'Other or not recorded'],
      );
      const ages = tableCells(html, 'age-table');
      assert.equal(ages.length, 10);
      for (const [label, count] of [...sexes, ...ages]) assertDisclosed(count ?? '', label ?? '');
      assert.match(
        textOf(html),
        /Counts from 1 to 7 are suppressed: they are shown as “fewer than 8”/,
      );
      // The criteria are still there to change and count again.
      assert.deepEqual(criteriaOf(html), TEMPLATES[0]?.criteria);
    });

    test('a criterion that matches 1 to 7 people shows as suppressed, never as a number', async () => {
      const client = await signedIn();
      const cookie = `mha_session=${client.cookie('mha_session') ?? ''}`;
      let rare: CriteriaNode | undefined;
      for (const condition of CONDITIONS) {
        for (const criteria of [
          { type: 'condition', concepts: [`SNOMED:${condition.code}`] },
          {
            all: [
              { type: 'age', min: 80 },
              { type: 'condition', concepts: [`SNOMED:${condition.code}`] },
            ],
          },
        ] as CriteriaNode[]) {
          const response = await testApp.app.inject({
            method: 'POST',
            url: '/api/v1/feasibility/counts',
            headers: { cookie, 'content-type': 'application/json' },
            payload: JSON.stringify({ criteria }),
          });
          if (response.json<{ total: { suppressed: boolean } }>().total.suppressed) rare = criteria;
          if (rare) break;
        }
        if (rare) break;
      }
      assert.ok(rare, 'some condition is recorded for 1 to 7 people');
      const list = 'all' in rare ? rare.all : [rare];
      const page = await client.post(
        '/feasibility',
        { criteria: JSON.stringify({ all: list }), draft: '', queryName: '', action: 'run' },
        { csrf: csrfOf((await client.get('/feasibility')).body) },
      );
      assert.equal(page.statusCode, 200);
      assert.equal(totalOf(page.body), 'fewer than 8');
      const attrition = tableCells(page.body, 'attrition-table');
      assert.equal(attrition.at(-1)?.[2], 'fewer than 8');
      for (const [name, count] of tableCells(page.body, 'trusts-table')) {
        assert.ok(count === '0' || count === 'fewer than 8', `${name}: ${count}`);
      }
      const csv = await client.post(
        '/feasibility/results.csv',
        { criteria: JSON.stringify({ all: list }), draft: '', queryName: '' },
        { csrf: csrfOf(page.body) },
      );
      assert.match(csv.body, /\r\ntotal,all,suppressed\r\n/);
    });

    test('a query is saved, opened, replaced under the same name and deleted', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      const saved = await press(client, page, 'save', {
        saveName: '  Older people with weak grip ',
      });
      assert.equal(saved.statusCode, 303);
      const location = saved.headers.location ?? '';
      assert.match(location, /^\/feasibility\/saved\/[0-9a-f-]{36}\?done=saved$/);
      const opened = await client.get(location);
      assert.equal(opened.statusCode, 200);
      assert.match(
        textOf(opened.body),
        /Your query has been saved as “Older people with weak grip”/,
      );
      assert.deepEqual(criteriaOf(opened.body), TEMPLATES[0]?.criteria);
      assert.equal(inputValue(opened.body, 'saveName'), 'Older people with weak grip');

      const start = await client.get('/feasibility');
      assert.match(textOf(start.body), /Older people with weak grip/);
      const path = location.split('?')[0] ?? '';
      assert.ok(start.body.includes(`href="${path}"`));

      const changed = await press(client, opened, 'remove:2');
      const replaced = await press(client, changed, 'save', {
        saveName: 'Older people with weak grip',
      });
      assert.equal(replaced.headers.location, `${path}?done=replaced`);
      const reopened = await client.get(replaced.headers.location ?? '');
      assert.match(
        textOf(reopened.body),
        /Your saved query “Older people with weak grip” has been replaced/,
      );
      assert.deepEqual(criteriaOf(reopened.body).all, [{ type: 'age', min: 65 }]);
      const list = await client.get('/feasibility');
      assert.equal(list.body.split(`href="${path}"`).length - 1, 1, 'one saved query of that name');

      const confirm = await client.get(`${path}/delete`);
      assert.equal(confirm.statusCode, 200);
      assert.deepEqual(h1Texts(confirm.body), [
        'Delete the saved query “Older people with weak grip”?',
      ]);
      const deleted = await client.post(`${path}/delete`, {}, { csrf: csrfOf(confirm.body) });
      assert.equal(deleted.statusCode, 303);
      assert.equal(deleted.headers.location, '/feasibility?done=deleted');
      const after = await client.get('/feasibility?done=deleted');
      assert.match(textOf(after.body), /The saved query has been deleted/);
      assert.match(textOf(after.body), /You have no saved queries/);
      assert.equal((await client.get(path)).statusCode, 404);
    });

    test('another person’s saved query is not found', async () => {
      const owner = await signedIn();
      const saved = await press(owner, await fromTemplate(owner), 'save', { saveName: 'Mine' });
      const path = (saved.headers.location ?? '').split('?')[0] ?? '';
      const other = await signedIn();
      assert.equal((await other.get(path)).statusCode, 404);
      assert.equal((await other.get(`${path}/delete`)).statusCode, 404);
      const csrf = csrfOf((await other.get('/feasibility')).body);
      assert.equal((await other.post(`${path}/delete`, {}, { csrf })).statusCode, 404);
      assert.equal((await other.get('/feasibility/saved/not-an-id')).statusCode, 404);
      assert.equal((await owner.get(path)).statusCode, 200, 'the owner still has it');
    });

    test('the CSV holds the counts shown on the page, with its heading', async () => {
      const client = await signedIn();
      const page = await press(client, await fromTemplate(client), 'run');
      const response = await client.post('/feasibility/results.csv', stateOf(page.body), {
        csrf: csrfOf(page.body),
      });
      assert.equal(response.statusCode, 200);
      assert.equal(response.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(
        response.headers['content-disposition'] ?? '',
        /^attachment; filename="feasibility-counts-probable-sarcopenia-ewgsop2-aged-65-and-over-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const rows: string[][] = parse(response.body, {
        relaxColumnCount: true,
        skipEmptyLines: true,
      });
      const heading: Record<string, string | undefined> = Object.fromEntries(
        rows.slice(0, 11).map(([key, value]): [string, string | undefined] => [key ?? '', value]),
      );
      assert.equal(heading.Population, 'Synthetic Midlands population of 2,000 persons (seed 11)');
      assert.match(heading.Data ?? '', /^synthetic data/);
      assert.equal(heading['Reference date'], '2026-01-01');
      assert.match(heading['Disclosure control'] ?? '', /Counts from 1 to 7 are suppressed/);
      const start = rows.findIndex((row) => row[0] === 'breakdown');
      const counts = rows.slice(start + 1);
      const total = counts.find(([kind]) => kind === 'total')?.[2];
      assert.equal(
        total === 'suppressed' ? 'fewer than 8' : Number(total).toLocaleString('en-GB'),
        totalOf(page.body),
      );
      assert.equal(counts.filter(([kind]) => kind === 'trust').length, 21);
      assert.equal(counts.filter(([kind]) => kind === 'sex').length, 3);
      assert.equal(counts.filter(([kind]) => kind === 'age band').length, 10);
      assert.equal(counts.filter(([kind]) => kind === 'attrition').length, 2);
      for (const [kind, group, count] of counts) {
        assert.ok(
          count === 'suppressed' ||
            count === '0' ||
            (Number(count) >= 10 && Number(count) % 5 === 0),
          `${kind} ${group}: ${count}`,
        );
      }
      const trustRows = tableCells(page.body, 'trusts-table');
      for (const [name, count] of trustRows) {
        const row = counts.find(([kind, group]) => kind === 'trust' && group === name);
        assert.equal(
          row?.[2] === 'suppressed' ? 'fewer than 8' : Number(row?.[2]).toLocaleString('en-GB'),
          count,
          name,
        );
      }

      const empty = await client.post(
        '/feasibility/results.csv',
        { criteria: '{"all":[]}', draft: '', queryName: '' },
        { csrf: csrfOf(page.body) },
      );
      assert.equal(empty.statusCode, 422);
      assert.deepEqual(errorSummaryOf(empty.body), ['Add at least one criterion first']);
    });

    test('every form needs its CSRF token', async () => {
      const client = await signedIn();
      const page = await fromTemplate(client);
      const saved = await press(client, page, 'save', { saveName: 'Kept' });
      const path = (saved.headers.location ?? '').split('?')[0] ?? '';
      for (const [url, fields] of [
        ['/feasibility', { ...stateOf(page.body), action: 'run' }],
        ['/feasibility', { action: 'template', template: 'multimorbidity' }],
        ['/feasibility/results.csv', stateOf(page.body)],
        [`${path}/delete`, {}],
      ] as const) {
        const refused = await client.post(url, fields, { csrf: null });
        assert.equal(refused.statusCode, 403, url);
        const forged = await client.post(url, fields, { csrf: 'forged' });
        assert.equal(forged.statusCode, 403, url);
      }
      assert.equal((await client.get(path)).statusCode, 200, 'not deleted');
    });
  });
}

describe('patient feasibility pages when counts cannot run', () => {
  test('with no population, the pages say so and offer no form that cannot work', async () => {
    const testApp = await buildTestApp('pglite', { env: { POPULATION_SIZE: '0' } });
    try {
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'investigator');
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      const start = await client.get('/feasibility');
      assert.equal(start.statusCode, 200);
      assert.match(textOf(start.body), /Counts are not available yet/);
      assert.match(textOf(start.body), /No population has been loaded yet/);
      assert.doesNotMatch(start.body, /Use this template/);
      assert.doesNotMatch(start.body, /value="new"/);

      // No form on the start page: a token from another page of the site serves.
      const run = await client.post(
        '/feasibility',
        { criteria: '{"all":[{"type":"age","min":65}]}', draft: '', queryName: '', action: 'run' },
        { formUrl: '/account/tokens' },
      );
      assert.equal(run.statusCode, 503);
      assert.match(textOf(run.body), /Counts cannot run yet/);
      assert.deepEqual(criteriaOf(run.body).all, [{ type: 'age', min: 65 }]);
      assert.doesNotMatch(run.body, /value="run"/);
    } finally {
      await testApp.close();
    }
  });

  test('while a population is being generated, the start page says so', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'mha-generating-'));
    const testApp = await buildTestApp('pglite', {
      env: { DATA_DIR: dataDir, POPULATION_SIZE: '150000' },
    });
    try {
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'investigator');
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      let state = 'none';
      for (let attempt = 0; attempt < 200 && state === 'none'; attempt += 1) {
        state = (await client.get('/api/v1/feasibility/population')).json<{ state: string }>()
          .state;
        if (state === 'none') await new Promise((resolve) => setTimeout(resolve, 5));
      }
      assert.equal(state, 'generating', 'the generation was seen under way');
      const start = await client.get('/feasibility');
      assert.equal(start.statusCode, 200);
      assert.match(textOf(start.body), /A synthetic population is being generated/);
      assert.doesNotMatch(start.body, /Use this template/);
    } finally {
      await testApp.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  test('past the limit of counts a minute, the page says when to try again', async () => {
    const population = await testPopulation(500, 3);
    const testApp = await buildTestApp('pglite', {
      env: { DATA_DIR: population.dataDir, FEASIBILITY_QUERIES_PER_MINUTE: '1' },
    });
    try {
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'industry');
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
      await waitUntilReady(client);
      const start = await client.get('/feasibility');
      const fields = {
        criteria: '{"all":[{"type":"age","min":65}]}',
        draft: '',
        queryName: '',
        action: 'run',
      };
      const first = await client.post('/feasibility', fields, { csrf: csrfOf(start.body) });
      assert.equal(first.statusCode, 200);
      const second = await client.post('/feasibility', fields, { csrf: csrfOf(start.body) });
      assert.equal(second.statusCode, 429);
      assert.match(textOf(second.body), /You have run too many counts in the last minute/);
      assert.match(textOf(second.body), /Wait \d+ seconds, then run the count again/);
      assert.deepEqual(criteriaOf(second.body).all, [{ type: 'age', min: 65 }]);
    } finally {
      await testApp.close();
      await population.dispose();
    }
  });
});
