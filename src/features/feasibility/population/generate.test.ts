import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { TABLES, generatePopulation, type GenerateResult } from './generate.js';
import { populationStats } from './stats.js';
import { CARE_SITES, CONDITIONS, MULTIMORBIDITY_TARGETS } from './vocabulary.js';

const PERSONS = 20_000;
const REFERENCE = '2026-01-01';

let root = '';
let first = '';
let second = '';
let firstResult: GenerateResult;
let instance: DuckDBInstance;
let db: DuckDBConnection;

const parquet = (dir: string, table: string) => `read_parquet('${join(dir, `${table}.parquet`)}')`;
const rows = async (sql: string) =>
  (await db.runAndReadAll(sql))
    .getRows()
    .map((row) => row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
const scalar = async (sql: string) => (await rows(sql))[0]?.[0];

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'population-'));
  first = join(root, 'a');
  second = join(root, 'b');
  firstResult = await generatePopulation({ persons: PERSONS, seed: 7, outDir: first });
  await generatePopulation({ persons: PERSONS, seed: 7, outDir: second });
  instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  db = await instance.connect();
});

after(async () => {
  db.closeSync();
  instance.closeSync();
  await rm(root, { recursive: true, force: true });
});

const checksum = async (dir: string, table: string) =>
  JSON.stringify(
    await rows(
      `SELECT count(*), sum(hash(t) % 1000000007)::BIGINT, bit_xor(hash(t))::VARCHAR
       FROM ${parquet(dir, table)} t`,
    ),
  );

test('two runs with the same seed give identical content', async () => {
  for (const table of TABLES) {
    assert.equal(await checksum(first, table), await checksum(second, table), table);
  }
});

test('a different seed gives different data', async () => {
  const other = join(root, 'c');
  await generatePopulation({ persons: 2_000, seed: 8, outDir: other });
  const small = join(root, 'd');
  await generatePopulation({ persons: 2_000, seed: 7, outDir: small });
  assert.notEqual(await checksum(other, 'person'), await checksum(small, 'person'));
});

test('every table is written with its OMOP column names and the row counts reported', async () => {
  const expected: Record<string, string[]> = {
    person: ['person_id', 'gender_concept_id', 'year_of_birth', 'month_of_birth', 'day_of_birth'],
    observation_period: ['observation_period_id', 'person_id', 'observation_period_start_date'],
    visit_occurrence: [
      'visit_occurrence_id',
      'person_id',
      'visit_concept_id',
      'visit_start_date',
      'visit_end_date',
      'care_site_id',
    ],
    condition_occurrence: [
      'condition_occurrence_id',
      'person_id',
      'condition_concept_id',
      'condition_start_date',
      'condition_source_value',
    ],
    measurement: [
      'measurement_id',
      'person_id',
      'measurement_concept_id',
      'measurement_date',
      'value_as_number',
      'unit_source_value',
    ],
    drug_exposure: ['drug_exposure_id', 'person_id', 'drug_concept_id', 'drug_exposure_start_date'],
    care_site: ['care_site_id', 'care_site_name', 'location_id'],
    location: ['location_id', 'city', 'county'],
    concept: ['concept_id', 'concept_name', 'domain_id', 'vocabulary_id', 'concept_code'],
  };
  for (const table of TABLES) {
    assert.ok(existsSync(join(first, `${table}.parquet`)), table);
    const columns = (await rows(`DESCRIBE SELECT * FROM ${parquet(first, table)}`)).map((r) =>
      String(r[0]),
    );
    for (const column of expected[table] ?? []) assert.ok(columns.includes(column), column);
    assert.equal(
      await scalar(`SELECT count(*) FROM ${parquet(first, table)}`),
      firstResult.rows[table],
    );
  }
  for (const column of ['birth_datetime', 'care_site_id', 'location_id']) {
    const columns = (await rows(`DESCRIBE SELECT * FROM ${parquet(first, 'person')}`)).map((r) =>
      String(r[0]),
    );
    assert.ok(columns.includes(column), column);
  }
});

test('gender concepts are only 8507 and 8532', async () => {
  const values = await rows(
    `SELECT DISTINCT gender_concept_id FROM ${parquet(first, 'person')} ORDER BY 1`,
  );
  assert.deepEqual(values, [[8507], [8532]]);
});

test('every event date is on or before the reference date and not before birth', async () => {
  const checks: [string, string][] = [
    ['visit_occurrence', 'visit_start_date'],
    ['visit_occurrence', 'visit_end_date'],
    ['condition_occurrence', 'condition_start_date'],
    ['measurement', 'measurement_date'],
    ['drug_exposure', 'drug_exposure_start_date'],
    ['drug_exposure', 'drug_exposure_end_date'],
    ['observation_period', 'observation_period_end_date'],
  ];
  for (const [table, column] of checks) {
    assert.equal(
      await scalar(`SELECT count(*) FROM ${parquet(first, table)} e
        JOIN ${parquet(first, 'person')} p USING (person_id)
        WHERE e.${column} > DATE '${REFERENCE}' OR e.${column} < p.birth_datetime::DATE
          OR e.${column} IS NULL`),
      0,
      `${table}.${column}`,
    );
  }
  assert.equal(
    await scalar(`SELECT count(*) FROM ${parquet(first, 'visit_occurrence')}
      WHERE visit_start_date < DATE '${REFERENCE}' - 366`),
    0,
    'visits are in the year before the reference date',
  );
});

test('multimorbidity, age structure and admissions are close to the targets', async () => {
  const stats = await populationStats(first, REFERENCE);
  const near = (actual: number, target: number, within: number, what: string) =>
    assert.ok(Math.abs(actual - target) <= within, `${what}: ${actual} vs ${target}`);
  near(stats.multimorbidity.overall, MULTIMORBIDITY_TARGETS.overall, 0.05, 'overall');
  near(stats.multimorbidity.age65to84, MULTIMORBIDITY_TARGETS.age65to84, 0.08, '65-84');
  near(stats.multimorbidity.age85plus, MULTIMORBIDITY_TARGETS.age85plus, 0.08, '85+');
  near(stats.ageShares.age0to15, 0.18, 0.02, '0-15');
  near(stats.ageShares.age65plus, 0.19, 0.02, '65+');
  near(stats.ageShares.age85plus, 0.025, 0.01, '85+');
  near(stats.inpatientPer10M / 1e6, 1.2, 0.15, 'admissions (millions per 10M)');
});

test('there are 20 care sites and every person has one of them', async () => {
  assert.equal(await scalar(`SELECT count(*) FROM ${parquet(first, 'care_site')}`), 20);
  assert.equal(CARE_SITES.length, 20);
  assert.equal(
    await scalar(`SELECT count(*) FROM ${parquet(first, 'person')} p
      ANTI JOIN ${parquet(first, 'care_site')} c USING (care_site_id)`),
    0,
  );
});

test('every condition, measurement and drug concept is in concept', async () => {
  for (const [table, column] of [
    ['condition_occurrence', 'condition_concept_id'],
    ['measurement', 'measurement_concept_id'],
    ['drug_exposure', 'drug_concept_id'],
    ['visit_occurrence', 'visit_concept_id'],
  ] as const) {
    assert.equal(
      await scalar(`SELECT count(*) FROM ${parquet(first, table)} e
        ANTI JOIN ${parquet(first, 'concept')} c ON c.concept_id = e.${column}`),
      0,
      table,
    );
  }
  assert.ok(CONDITIONS.length >= 40);
  assert.equal(
    await scalar(
      `SELECT count(DISTINCT condition_concept_id) FROM ${parquet(first, 'condition_occurrence')}`,
    ),
    CONDITIONS.length,
  );
});
