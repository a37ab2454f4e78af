import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { protectCount } from '../../../src/features/feasibility/disclosure.js';
import {
  duckdbReference,
  referenceCount,
} from '../../../src/features/feasibility/engine/reference-runner.js';
import { maxConceptsPerLeaf, maxDepth } from '../../../src/features/feasibility/criteria.js';
import { TEMPLATES } from '../../../src/features/feasibility/templates.js';
import { type TestApp, buildTestApp } from '../../support/app.js';
import { testEngines } from '../../support/databases.js';
import { type TestPopulation, testPopulation } from '../../support/omop.js';
import { createUser, sessionFor } from '../../support/users.js';

const counts = '/api/v1/feasibility/counts';

/** Every { value, suppressed } object anywhere in a body. */
function protectedCounts(value: unknown, found: { value: unknown; suppressed: unknown }[] = []) {
  if (Array.isArray(value)) value.forEach((item) => protectedCounts(item, found));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('suppressed' in record) found.push({ value: record.value, suppressed: record.suppressed });
    else Object.values(record).forEach((item) => protectedCounts(item, found));
  }
  return found;
}

/** Waits until the app has indexed its population. */
async function populationReady(testApp: TestApp, cookie: string) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const response = await testApp.app.inject({
      url: '/api/v1/feasibility/population',
      headers: { cookie },
    });
    if (response.json<{ state: string }>().state === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the population was not indexed in time');
}

let population: TestPopulation;
before(async () => {
  population = await testPopulation(2_000, 5);
});
after(async () => {
  await population.dispose();
});

for (const engine of testEngines()) {
  describe(`the feasibility API (${engine})`, () => {
    let testApp: TestApp;
    let cookie = '';
    let userId = '';
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      testApp.app.inject({
        method: 'POST',
        url: counts,
        headers: { cookie, 'content-type': 'application/json', ...headers },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });

    before(async () => {
      testApp = await buildTestApp(engine, {
        env: { DATA_DIR: population.dataDir, FEASIBILITY_QUERIES_PER_MINUTE: '1000' },
      });
      const user = await createUser(testApp.testDatabase.database, 'industry');
      userId = user.id;
      cookie = `mha_session=${await sessionFor(testApp.testDatabase.database, user.id)}`;
      await populationReady(testApp, cookie);
    });
    after(async () => {
      await testApp.close();
    });

    test('only signed-in users may count', async () => {
      const response = await testApp.app.inject({
        method: 'POST',
        url: counts,
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ criteria: { type: 'age', min: 65 } }),
      });
      assert.equal(response.statusCode, 401);
      const concepts = await testApp.app.inject({ url: '/api/v1/feasibility/concepts?q=grip' });
      assert.equal(concepts.statusCode, 401);
    });

    test('a count gives the reference total after disclosure control, with every breakdown', async () => {
      const criteria = {
        all: [
          { type: 'age', min: 50 },
          { type: 'condition', concepts: ['SNOMED:38341003', 'SNOMED:44054006'] },
          { not: { type: 'sex', value: 'male' } },
        ],
      };
      const response = await post({ criteria });
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json<{
        total: { value: number | null };
        population: { synthetic: boolean; referenceDate: string; size: { value: number } };
        byCareSite: { careSite: { id: string; name: string } | null }[];
        bySex: { sex: string }[];
        byAgeBand: { band: string }[];
        attrition: { step: number; description: string }[];
      }>();
      const runner = await duckdbReference(population.directory);
      const raw = await referenceCount(runner, criteria as never, { referenceDate: '2026-01-01' });
      await runner.close();
      assert.ok(raw > 7, 'the criteria find enough people to show a number');
      assert.deepEqual(body.total, protectCount(raw));
      assert.equal(body.population.synthetic, true);
      assert.equal(body.population.referenceDate, '2026-01-01');
      assert.equal(body.population.size.value, 2_000);
      assert.equal(body.byCareSite.length, 21, '20 trusts and persons with none');
      assert.equal(body.byCareSite[0]?.careSite?.name.length !== 0, true);
      assert.deepEqual(
        body.bySex.map((s) => s.sex),
        ['female', 'male', 'other'],
      );
      assert.equal(body.byAgeBand.length, 10);
      assert.deepEqual(
        body.attrition.map((s) => s.step),
        [1, 2, 3],
      );
      assert.match(
        body.attrition[1]?.description ?? '',
        /Hypertensive disorder \(SNOMED:38341003\)/,
      );
    });

    test('every number in a response is 0, suppressed, or a multiple of 5', async () => {
      const rare = { type: 'condition', concepts: ['SNOMED:24700007'] }; // multiple sclerosis
      for (const criteria of [rare, { type: 'age', min: 30, max: 31 }, TEMPLATES[0]?.criteria]) {
        const response = await post({ criteria });
        assert.equal(response.statusCode, 200);
        const found = protectedCounts(response.json());
        assert.ok(found.length > 200, 'every breakdown carries protected counts');
        for (const count of found) {
          if (count.suppressed === true) assert.equal(count.value, null);
          else
            assert.ok(
              typeof count.value === 'number' && count.value % 5 === 0,
              JSON.stringify(count),
            );
        }
        assert.ok(
          found.some((count) => count.suppressed === true),
          'small cells are suppressed',
        );
      }
    });

    test('malformed criteria get 422 naming the problem, never a 500', async () => {
      let deep: unknown = { type: 'age', min: 1 };
      for (let level = 0; level < maxDepth + 1; level += 1) deep = { not: deep };
      const cases: [unknown, RegExp][] = [
        [{ criteria: { type: 'height', min: 1 } }, /Unknown type "height"/],
        [
          { criteria: { type: 'condition', concepts: ['SNOMED:999999999'] } },
          /Unknown concept SNOMED:999999999/,
        ],
        [{ criteria: deep }, /at most 8 levels deep/],
        [
          {
            criteria: {
              type: 'condition',
              concepts: Array.from(
                { length: maxConceptsPerLeaf + 1 },
                (_, i) => `SNOMED:${100000 + i}`,
              ),
            },
          },
          /at most 200 concepts/,
        ],
        [
          { criteria: { any: Array.from({ length: 51 }, () => ({ type: 'sex', value: 'male' })) } },
          /at most 50 criteria/,
        ],
        [{ criteria: { type: 'age', min: '65' } }, /min must be a number/],
        [
          { criteria: { type: 'visit', visitType: 'inpatient', careSite: '999' } },
          /Unknown care site "999"/,
        ],
        [{ criteria: [] }, /Each criterion must be/],
        [{ criteria: null }, /Each criterion must be/],
        [{ criteria: { type: 'age', min: 1 }, extra: 1 }, /Unknown field "extra"/],
        [{}, /criteria/],
        [[1, 2], /criteria/],
      ];
      for (const [body, message] of cases) {
        const response = await post(body);
        assert.equal(
          response.statusCode,
          422,
          `${JSON.stringify(body).slice(0, 80)}: ${response.body}`,
        );
        assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
        assert.match(response.json<{ detail: string }>().detail, message);
      }
      const notJson = await post('{"criteria": ');
      assert.equal(notJson.statusCode, 400);
      const form = await post('criteria=1', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      assert.equal(form.statusCode, 415);
      const huge = await post({ criteria: { type: 'sex', value: 'x'.repeat(300_000) } });
      assert.equal(huge.statusCode, 413);
    });

    test('the problems say where in the tree they are', async () => {
      const response = await post({
        criteria: {
          all: [
            { type: 'age', min: 5 },
            { type: 'drug', concepts: ['RXNORM:6809', 'bad'] },
          ],
        },
      });
      assert.equal(response.statusCode, 422);
      const errors = response.json<{ errors: { name: string }[] }>().errors;
      assert.deepEqual(
        errors.map((e) => e.name),
        ['criteria.all[1].concepts[1]'],
      );
    });

    test('concepts are found by name or code', async () => {
      const byName = await testApp.app.inject({
        url: '/api/v1/feasibility/concepts?q=grip',
        headers: { cookie },
      });
      assert.equal(byName.statusCode, 200);
      const items = byName.json<{ items: { concept: string; name: string }[] }>().items;
      const [first] = items;
      assert.ok(first);
      assert.equal(first.concept, 'OMOP:2000001001');
      assert.match(first.name, /grip strength/i);
      const byCode = await testApp.app.inject({
        url: '/api/v1/feasibility/concepts?q=44054006',
        headers: { cookie },
      });
      assert.equal(
        byCode.json<{ items: { concept: string }[] }>().items[0]?.concept,
        'SNOMED:44054006',
      );
      for (const q of ['', '%20', 'x'.repeat(101)]) {
        const bad = await testApp.app.inject({
          url: `/api/v1/feasibility/concepts?q=${q}`,
          headers: { cookie },
        });
        assert.equal(bad.statusCode, 400);
      }
    });

    test('every template is listed with its source and counts without error', async () => {
      const response = await testApp.app.inject({
        url: '/api/v1/feasibility/templates',
        headers: { cookie },
      });
      const items = response.json<{ items: { id: string; source: string; criteria: unknown }[] }>()
        .items;
      assert.deepEqual(
        items.map((t) => t.id),
        ['sarcopenia-probable', 'sarcopenia-confirmed', 'sarcopenia-severe', 'multimorbidity'],
      );
      for (const template of items) {
        assert.match(template.source, /(Age and Ageing 2019|Lancet 2012)/);
        const count = await post({ criteria: template.criteria });
        assert.equal(count.statusCode, 200, template.id);
      }
    });

    test('every query is logged with its user', async () => {
      const before = await testApp.testDatabase.database.query<{ n: string }>(
        'select count(*)::text as n from feasibility_query_log where user_id = $1',
        [userId],
      );
      await post({ criteria: { type: 'sex', value: 'female' } });
      const [row] = await testApp.testDatabase.database.query<{
        criteria: unknown;
        via: string;
        total_shown: number | null;
      }>(
        'select criteria, via, total_shown from feasibility_query_log where user_id = $1 order by id desc limit 1',
        [userId],
      );
      const afterCount = await testApp.testDatabase.database.query<{ n: string }>(
        'select count(*)::text as n from feasibility_query_log where user_id = $1',
        [userId],
      );
      assert.equal(Number(afterCount[0]?.n), Number(before[0]?.n) + 1);
      assert.ok(row);
      assert.deepEqual(row.criteria, { type: 'sex', value: 'female' });
      assert.equal(row.via, 'api');
      assert.equal((row.total_shown ?? 0) % 5, 0);
    });
  });
}

describe('feasibility limits and readiness', () => {
  test('a user who runs too many counts in a minute is told when to try again', async () => {
    const testApp = await buildTestApp('pglite', {
      env: { DATA_DIR: population.dataDir, FEASIBILITY_QUERIES_PER_MINUTE: '3' },
    });
    try {
      const database = testApp.testDatabase.database;
      const cookieOf = async () =>
        `mha_session=${await sessionFor(database, (await createUser(database, 'investigator')).id)}`;
      const first = await cookieOf();
      const second = await cookieOf();
      await populationReady(testApp, first);
      const run = (cookie: string) =>
        testApp.app.inject({
          method: 'POST',
          url: counts,
          headers: { cookie, 'content-type': 'application/json' },
          payload: JSON.stringify({ criteria: { type: 'age', min: 1 } }),
        });
      for (let i = 0; i < 3; i += 1) assert.equal((await run(first)).statusCode, 200);
      const refused = await run(first);
      assert.equal(refused.statusCode, 429);
      assert.ok(Number(refused.headers['retry-after']) > 0);
      assert.equal((await run(second)).statusCode, 200, 'the limit is per user');
    } finally {
      await testApp.close();
    }
  });

  test('without a population the API says so with 503, and the site still works', async () => {
    const testApp = await buildTestApp('pglite', {});
    try {
      const database = testApp.testDatabase.database;
      const cookie = `mha_session=${await sessionFor(database, (await createUser(database, 'investigator')).id)}`;
      const response = await testApp.app.inject({
        method: 'POST',
        url: counts,
        headers: { cookie, 'content-type': 'application/json' },
        payload: JSON.stringify({ criteria: { type: 'age', min: 1 } }),
      });
      assert.equal(response.statusCode, 503);
      assert.equal(response.headers['retry-after'], '30');
      assert.equal((await testApp.app.inject({ url: '/' })).statusCode, 200);
    } finally {
      await testApp.close();
    }
  });
});
