import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite, type PGliteInterface, type Transaction } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { withTimeout, type Database, type Queryable } from './database.js';

function queryableFor(target: PGliteInterface | Transaction): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
    async runScript(sql: string) {
      await target.exec(sql);
    },
  };
}

/** The extensions our migrations create must be loaded into PGlite before they can be. */
const embeddedOptions = { extensions: { pg_trgm } };

export function wrapPGlite(pglite: PGliteInterface): Database {
  return {
    engine: 'pglite',
    ...queryableFor(pglite),
    transaction: (work) => pglite.transaction((tx) => work(queryableFor(tx))),
    async ping(timeoutMs) {
      await withTimeout(pglite.query('select 1'), timeoutMs);
    },
    async close() {
      if (!pglite.closed) await pglite.close();
    },
  };
}

/** Opens (creating when new) the embedded database stored in `dataDir/pglite`. */
export async function openEmbeddedDatabase(dataDir: string): Promise<Database> {
  const folder = path.join(dataDir, 'pglite');
  // PGlite creates the database folder itself but not its parents.
  await mkdir(dataDir, { recursive: true });
  const pglite = await PGlite.create(folder, embeddedOptions);
  return wrapPGlite(pglite);
}

/** An embedded database held in memory only: for tests and benchmarks. */
export async function openInMemoryDatabase(): Promise<{ database: Database; pglite: PGlite }> {
  const pglite = await PGlite.create(embeddedOptions);
  return { database: wrapPGlite(pglite), pglite };
}
