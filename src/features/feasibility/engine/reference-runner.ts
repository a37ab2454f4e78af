// Runs the reference SQL: on DuckDB over a population folder's Parquet files, or on PostgreSQL
// over an OMOP schema (OMOP_DATABASE_URL), as a trust with OMOP on PostgreSQL would.
import { DuckDBInstance } from '@duckdb/node-api';
import pg from 'pg';
import type { CriteriaNode } from '../criteria.js';
import { POPULATION_TABLES, tableFile } from '../population/store.js';
import {
  type ReferenceContext,
  countByCareSiteAndAgeBandSql,
  countByCareSiteSql,
  countSql,
} from './reference-sql.js';

export interface ReferenceRunner {
  readonly engine: 'duckdb' | 'postgresql';
  rows(sql: string): Promise<unknown[][]>;
  close(): Promise<void>;
}

/** DuckDB with one view per OMOP table over the folder's Parquet files. */
export async function duckdbReference(directory: string, threads = 2): Promise<ReferenceRunner> {
  const instance = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const connection = await instance.connect();
  for (const table of POPULATION_TABLES) {
    const file = tableFile(directory, table).replaceAll("'", "''");
    await connection.run(`CREATE VIEW ${table} AS SELECT * FROM read_parquet('${file}')`);
  }
  return {
    engine: 'duckdb',
    rows: async (sql) => (await connection.runAndReadAll(sql)).getRows(),
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** PostgreSQL with the OMOP tables in `schema` (OMOP's usual `cdm` or any other). */
export async function postgresReference(url: string, schema: string): Promise<ReferenceRunner> {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(schema)) throw new Error('schema: a plain identifier');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  return {
    engine: 'postgresql',
    rows: async (sql) => (await client.query({ text: sql, rowMode: 'array' })).rows as unknown[][],
    close: () => client.end(),
  };
}

export async function referenceCount(
  runner: ReferenceRunner,
  criteria: CriteriaNode,
  context: ReferenceContext,
): Promise<number> {
  const [row] = await runner.rows(countSql(criteria, context));
  return Number(row?.[0] ?? 0);
}

/** Counts per home care site id (as text; '' for persons with none). */
export async function referenceCountsByCareSite(
  runner: ReferenceRunner,
  criteria: CriteriaNode,
  context: ReferenceContext,
): Promise<Map<string, number>> {
  const rows = await runner.rows(countByCareSiteSql(criteria, context));
  return new Map(
    rows.map(([site, n]) => [
      site === null ? '' : String(site as number | bigint | string),
      Number(n),
    ]),
  );
}

/** Counts per home care site and age band, keyed `site|band` ('' for no site). */
export async function referenceCountsByCareSiteAndAgeBand(
  runner: ReferenceRunner,
  criteria: CriteriaNode,
  context: ReferenceContext,
): Promise<Map<string, number>> {
  const rows = (await runner.rows(countByCareSiteAndAgeBandSql(criteria, context))) as [
    bigint | number | null,
    number | null,
    bigint | number,
  ][];
  return new Map(
    rows.map(([site, band, n]) => [
      `${site === null ? '' : String(site)}|${String(band)}`,
      Number(n),
    ]),
  );
}
