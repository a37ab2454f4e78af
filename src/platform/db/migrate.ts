import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './database.js';

const migrationsFolder = fileURLToPath(new URL('./migrations/', import.meta.url));
const migrationFilePattern = /^(\d{4})_[a-z0-9_]+\.sql$/;
// Any fixed number works; it keeps two instances starting together from migrating at once.
const migrationLockKey = 727_001;

export interface Migration {
  version: string;
  name: string;
  sql: string;
}

export async function readMigrations(folder = migrationsFolder): Promise<Migration[]> {
  const files = (await readdir(folder)).filter((file) => migrationFilePattern.test(file)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: file.slice(0, 4),
      name: file,
      sql: await readFile(path.join(folder, file), 'utf8'),
    })),
  );
}

/** Applies every migration not yet applied, each in its own transaction, in version order. */
export async function migrate(database: Database, folder = migrationsFolder): Promise<string[]> {
  // Under the lock, so instances starting together never race to create the table.
  await database.transaction(async (tx) => {
    await tx.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.runScript(
      `create table if not exists schema_migration (
         version text primary key,
         name text not null,
         applied_at timestamptz not null default now()
       )`,
    );
  });
  const applied: string[] = [];
  for (const migration of await readMigrations(folder)) {
    const didApply = await database.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [migrationLockKey]);
      const existing = await tx.query('select 1 from schema_migration where version = $1', [
        migration.version,
      ]);
      if (existing.length > 0) return false;
      await tx.runScript(migration.sql);
      await tx.query('insert into schema_migration (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (didApply) applied.push(migration.name);
  }
  return applied;
}
