import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Database, DatabaseEngine } from '../../src/platform/db/database.js';
import { migrate } from '../../src/platform/db/migrate.js';
import { openInMemoryDatabase, wrapPGlite } from '../../src/platform/db/pglite.js';
import { openServerDatabase } from '../../src/platform/db/postgres.js';

export interface TestDatabase {
  engine: DatabaseEngine;
  database: Database;
  dispose(): Promise<void>;
}

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (as in CI). */
export function testEngines(): DatabaseEngine[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  return url;
}

// Creating a PGlite database takes seconds; a migrated template is made once per test process
// and cloned for each test, so each test still gets a database of its own.
let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const { database, pglite } = await openInMemoryDatabase();
    await migrate(database);
    return pglite;
  })();
  return template;
}

/** A schema of its own on the server, so test files running in parallel never meet. */
export async function createServerSchema(): Promise<{ schema: string; drop: () => Promise<void> }> {
  const schema = `test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  return {
    schema,
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl() });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

export async function createTestDatabase(engine: DatabaseEngine): Promise<TestDatabase> {
  if (engine === 'pglite') {
    const clone = await (await migratedTemplate()).clone();
    const database = wrapPGlite(clone);
    return { engine, database, dispose: () => database.close() };
  }
  const { schema, drop } = await createServerSchema();
  const database = openServerDatabase({ url: serverUrl(), schema });
  return {
    engine,
    database,
    async dispose() {
      await database.close();
      await drop();
    },
  };
}
