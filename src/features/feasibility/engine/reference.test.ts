// The fast engine against the reference SQL: for hundreds of generated criteria trees, over a
// roughened synthetic population, both give the same raw counts: in total and per home trust and age band,
// on DuckDB always and on the PostgreSQL server too when TEST_DATABASE_URL is set.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import { createServerSchema, serverUrl } from '../../../../tests/support/databases.js';
import {
  copyToPostgres,
  type TestPopulation,
  testPopulation,
} from '../../../../tests/support/omop.js';
import { type CriteriaNode, parseCriteria } from '../criteria.js';
import { CARE_SITES, CONDITIONS, DRUGS, MEASUREMENTS } from '../population/vocabulary.js';
import { countPlan, plan } from './evaluate.js';
import { type PersonIndex, buildPersonIndex } from './person-index.js';
import {
  type ReferenceRunner,
  duckdbReference,
  postgresReference,
  referenceCount,
  referenceCountsByCareSiteAndAgeBand,
} from './reference-runner.js';

const PERSONS = 2_500;

const conditionCodes = CONDITIONS.map((c) => `SNOMED:${c.code}`);
const drugCodes = Object.values(DRUGS).map((d) => `RXNORM:${d.rxcui}`);
const measurementConcepts = MEASUREMENTS.map((m) => ({
  concept: m.vocabulary === 'LOINC' ? `LOINC:${m.code}` : `OMOP:${m.conceptId}`,
  values: {
    grip: [16, 27, 30.5],
    gait: [0.8, 1.1],
    asm: [15, 20],
    hba1c: [48, 42],
    bmi: [30, 25],
    egfr: [60, 45],
  }[m.key],
}));

const withinDays = fc.option(fc.constantFrom(1, 30, 90, 365, 730, 3650), { nil: undefined });
const conceptList = (codes: string[]) =>
  fc.uniqueArray(fc.constantFrom(...codes), { minLength: 1, maxLength: 6 });

const leaf: fc.Arbitrary<CriteriaNode> = fc.oneof(
  fc
    .tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.integer({ min: 0, max: 30 }),
      fc.constantFrom('both', 'min', 'max'),
    )
    .map(([min, span, which]) =>
      which === 'both'
        ? { type: 'age' as const, min, max: min + span }
        : which === 'min'
          ? { type: 'age' as const, min }
          : { type: 'age' as const, max: min + span },
    ),
  fc
    .constantFrom<'female' | 'male'>('female', 'male')
    .map((value) => ({ type: 'sex' as const, value })),
  fc
    .record({
      concepts: conceptList([...conditionCodes, 'SNOMED:73211009', 'OMOP:2000000001']),
      withinDays,
      descendants: fc.option(fc.boolean(), { nil: undefined }),
    })
    .map((r) => ({ type: 'condition' as const, ...r })),
  fc
    .record({
      concepts: conceptList(conditionCodes.slice(0, 14)),
      withinDays,
      k: fc.integer({ min: 1, max: 4 }),
    })
    .map(({ concepts, withinDays: days, k }) => ({
      type: 'conditionCount' as const,
      concepts,
      atLeast: Math.min(k, concepts.length),
      withinDays: days,
    })),
  fc
    .record({
      concepts: fc.constant(['SNOMED:73211009', 'SNOMED:38341003', 'SNOMED:46635009']),
      withinDays,
    })
    .map((r) => ({ type: 'conditionCount' as const, ...r, atLeast: 2, descendants: true })),
  fc
    .tuple(
      fc.constantFrom(...measurementConcepts),
      fc.constantFrom<'<' | '<=' | '=' | '>=' | '>'>('<', '<=', '=', '>=', '>'),
      fc.constantFrom<'latest' | 'any'>('latest', 'any'),
      withinDays,
      fc.nat(),
    )
    .map(([m, op, which, days, pick]) => ({
      type: 'measurement' as const,
      concept: m.concept,
      op,
      value: m.values[pick % m.values.length] as number,
      which,
      withinDays: days,
    })),
  fc
    .record({ concepts: conceptList(drugCodes), withinDays })
    .map((r) => ({ type: 'drug' as const, ...r })),
  fc
    .record({
      visitType: fc.constantFrom<'inpatient' | 'outpatient' | 'emergency'>(
        'inpatient',
        'outpatient',
        'emergency',
      ),
      careSite: fc.option(fc.constantFrom(...CARE_SITES.map((s) => String(s.id))), {
        nil: undefined,
      }),
      withinDays,
    })
    .map((r) => ({ type: 'visit' as const, ...r })),
);

const tree: fc.Arbitrary<CriteriaNode> = fc.letrec<{ node: CriteriaNode }>((self) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(self('node'), { minLength: 1, maxLength: 4 }).map((all) => ({ all })),
    fc.array(self('node'), { minLength: 1, maxLength: 3 }).map((any) => ({ any })),
    self('node').map((not) => ({ not })),
  ),
})).node;

/** Drops undefined fields, as JSON would, so the tree is what an API client sends. */
const asJson = (node: CriteriaNode) => JSON.parse(JSON.stringify(node)) as unknown;

let population: TestPopulation;
let index: PersonIndex;

before(async () => {
  population = await testPopulation(PERSONS);
  index = await buildPersonIndex(population.directory);
});

after(async () => {
  await population.dispose();
});

function fastCounts(criteria: CriteriaNode) {
  const resolved = plan(index, criteria);
  assert.ok(resolved.ok, JSON.stringify(!resolved.ok && resolved.problems));
  const counts = countPlan(index, resolved.plan);
  const bySiteAndBand = new Map<string, number>();
  counts.byCareSiteAndAgeBand.forEach((bands, i) =>
    bands.forEach((n, band) => {
      if (n > 0) bySiteAndBand.set(`${index.careSites[i]?.id ?? ''}|${band}`, n);
    }),
  );
  return { total: counts.total, bySiteAndBand };
}

async function agreeOn(runner: ReferenceRunner, runs: number, seed: number) {
  await fc.assert(
    fc.asyncProperty(tree, async (generated) => {
      const parsed = parseCriteria(asJson(generated));
      assert.ok(parsed.ok, JSON.stringify(!parsed.ok && parsed.problems));
      const fast = fastCounts(parsed.criteria);
      const context = { referenceDate: population.referenceDate };
      assert.equal(fast.total, await referenceCount(runner, parsed.criteria, context), 'total');
      const reference = await referenceCountsByCareSiteAndAgeBand(runner, parsed.criteria, context);
      assert.deepEqual([...fast.bySiteAndBand].sort(), [...reference].sort(), 'site x age band');
    }),
    { numRuns: runs, seed, endOnFailure: true },
  );
}

describe('the fast engine agrees with the reference SQL', () => {
  test('on DuckDB over the Parquet files, for 300 generated criteria trees', async () => {
    const runner = await duckdbReference(population.directory);
    try {
      await agreeOn(runner, 300, 20261128);
    } finally {
      await runner.close();
    }
  });

  test(
    'on the PostgreSQL server, for 150 generated criteria trees',
    { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' },
    async () => {
      const { schema, drop } = await createServerSchema();
      try {
        await copyToPostgres(population.directory, serverUrl(), schema);
        const runner = await postgresReference(serverUrl(), schema);
        try {
          await agreeOn(runner, 150, 7);
        } finally {
          await runner.close();
        }
      } finally {
        await drop();
      }
    },
  );

  test('the roughening took effect: events after the reference date exist and are ignored', async () => {
    const runner = await duckdbReference(population.directory);
    try {
      const [[after]] = (await runner.rows(
        `SELECT count(*) FROM condition_occurrence WHERE condition_start_date > DATE '2026-01-01'`,
      )) as [[bigint]];
      assert.ok(Number(after) > 0);
      const everything = { type: 'condition' as const, concepts: conditionCodes };
      const context = { referenceDate: population.referenceDate };
      assert.equal(fastCounts(everything).total, await referenceCount(runner, everything, context));
    } finally {
      await runner.close();
    }
  });

  test('concepts are matched exactly unless descendants are asked for', () => {
    const parent = { type: 'condition' as const, concepts: ['SNOMED:73211009'] };
    const withChildren = { ...parent, descendants: true };
    const children = {
      type: 'condition' as const,
      concepts: ['SNOMED:44054006', 'SNOMED:46635009'],
    };
    assert.equal(fastCounts(parent).total, 0, 'no event is coded with the parent itself');
    assert.ok(fastCounts(withChildren).total > 0);
    assert.equal(fastCounts(withChildren).total, fastCounts(children).total);
  });
});
