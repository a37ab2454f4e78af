import type { Config } from '../config.js';
import type { Database } from './database.js';
import { openEmbeddedDatabase } from './pglite.js';
import { openServerDatabase } from './postgres.js';

export type { Database, Queryable } from './database.js';
export { migrate } from './migrate.js';

/** Opens the configured database: the PostgreSQL server when DATABASE_URL is set, else PGlite. */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
  onConnectionError?: (error: Error) => void,
): Promise<Database> {
  if (config.databaseUrl) {
    return openServerDatabase({
      url: config.databaseUrl,
      ...(onConnectionError ? { onConnectionError } : {}),
    });
  }
  return openEmbeddedDatabase(config.dataDir);
}
