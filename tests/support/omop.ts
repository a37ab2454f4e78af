// Small OMOP populations for tests: generated, then roughened the way real extracts are (events
// after the reference date, missing values, persons without a home trust), and copied into a
// PostgreSQL schema when the reference SQL is to be run there.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import { generateIntoDataDir } from '../../src/features/feasibility/population/generate.js';
import {
  POPULATION_TABLES,
  REQUIRED_COLUMNS,
  populationDirectory,
  tableFile,
} from '../../src/features/feasibility/population/store.js';

export interface TestPopulation {
  dataDir: string;
  directory: string;
  referenceDate: string;
  dispose(): Promise<void>;
}

const roughen: Record<string, string> = {
  // One event in twenty moves to just after the reference date, where it must be ignored.
  condition_occurrence: `SELECT * REPLACE (CASE WHEN hash(condition_occurrence_id) % 20 = 0
    THEN DATE '2026-01-01' + (1 + hash(person_id) % 30)::INTEGER ELSE condition_start_date END AS condition_start_date) FROM src`,
  drug_exposure: `SELECT * REPLACE (CASE WHEN hash(drug_exposure_id) % 20 = 0
    THEN DATE '2026-01-01' + 3 ELSE drug_exposure_start_date END AS drug_exposure_start_date) FROM src`,
  visit_occurrence: `SELECT * REPLACE (CASE WHEN hash(visit_occurrence_id) % 20 = 0
    THEN DATE '2026-01-01' + 5 ELSE visit_start_date END AS visit_start_date,
    CASE WHEN hash(visit_occurrence_id) % 37 = 0 THEN NULL ELSE care_site_id END AS care_site_id) FROM src`,
  // Some measurements after the date, some without a value, and some on the same day as another.
  measurement: `SELECT * REPLACE (
    CASE WHEN hash(measurement_id) % 20 = 0 THEN DATE '2026-01-01' + 2 ELSE measurement_date END AS measurement_date,
    CASE WHEN hash(measurement_id) % 25 = 0 THEN NULL ELSE value_as_number END AS value_as_number) FROM src
    UNION ALL SELECT * REPLACE (measurement_id + 1000000000 AS measurement_id,
      value_as_number * 0.8 AS value_as_number)
    FROM src WHERE hash(measurement_id) % 7 = 0`,
  // Some persons have no home trust, some no month or day of birth, some are neither sex.
  person: `SELECT * REPLACE (
    CASE WHEN hash(person_id) % 31 = 0 THEN NULL ELSE care_site_id END AS care_site_id,
    CASE WHEN hash(person_id) % 29 = 0 THEN NULL ELSE month_of_birth END AS month_of_birth,
    CASE WHEN hash(person_id) % 23 = 0 THEN NULL ELSE day_of_birth END AS day_of_birth,
    CASE WHEN hash(person_id) % 41 = 0 THEN 0 ELSE gender_concept_id END AS gender_concept_id) FROM src`,
};

/** A generated population of `persons`, roughened, installed under a temporary DATA_DIR. */
export async function testPopulation(persons: number, seed = 11): Promise<TestPopulation> {
  const dataDir = await mkdtemp(join(tmpdir(), 'mha-omop-'));
  await generateIntoDataDir({ dataDir, persons, seed });
  const directory = populationDirectory(dataDir);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    for (const [table, select] of Object.entries(roughen)) {
      const file = tableFile(directory, table as (typeof POPULATION_TABLES)[number]);
      await connection.run(`CREATE TABLE src AS SELECT * FROM read_parquet('${file}')`);
      await connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet)`);
      await connection.run('DROP TABLE src');
    }
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return {
    dataDir,
    directory,
    referenceDate: '2026-01-01',
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

const postgresTypes: Record<string, string> = {
  BIGINT: 'bigint',
  INTEGER: 'integer',
  DATE: 'date',
  DOUBLE: 'numeric',
  VARCHAR: 'varchar(255)',
};

/** Copies the population's OMOP columns into `schema` on a PostgreSQL server. */
export async function copyToPostgres(directory: string, url: string, schema: string) {
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of POPULATION_TABLES) {
      const columns = Object.entries(REQUIRED_COLUMNS[table]);
      await client.query(
        `CREATE TABLE ${schema}.${table} (${columns.map(([name, type]) => `${name} ${postgresTypes[type]}`).join(', ')})`,
      );
      const names = columns.map(([name]) => name);
      const reader = await connection.runAndReadAll(
        `SELECT ${columns.map(([name, type]) => (type === 'DATE' ? `strftime(${name}, '%Y-%m-%d')` : `${name}::VARCHAR`)).join(', ')}
         FROM read_parquet('${tableFile(directory, table)}')`,
      );
      const rows = reader.getRows();
      if (rows.length === 0) continue;
      const arrays = names.map((_, i) => rows.map((row) => row[i] ?? null));
      await client.query(
        `INSERT INTO ${schema}.${table} (${names.join(', ')})
         SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${postgresTypes[type]}[]`).join(', ')})`,
        arrays,
      );
    }
    await client.query(`ANALYZE`);
  } finally {
    await client.end();
    connection.closeSync();
    instance.closeSync();
  }
}
