import type PgBoss from 'pg-boss';
import type { Database, Queryable } from '../db/database.js';

// pg-boss sends its schema changes and maintenance as one script wrapped in BEGIN ... COMMIT,
// without parameters. Everything else is a single parameterised statement.
const scriptPattern = /^\s*BEGIN\b/i;

function isDatabase(target: Database | Queryable): target is Database {
  return 'transaction' in target;
}

/**
 * pg-boss's `db` adapter over our own database type, so pg-boss runs on PGlite and on the
 * PostgreSQL server alike, and can add a job inside a caller's open transaction.
 */
export function pgBossDatabaseFor(target: Database | Queryable): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if ((values === undefined || values.length === 0) && scriptPattern.test(text)) {
        // Run inside our own transaction so that, if the script fails half way, the connection
        // is rolled back rather than left (or handed back to the pool) inside a broken one.
        if (isDatabase(target)) await target.transaction((tx) => tx.runScript(text));
        else await target.runScript(text);
        return { rows: [] };
      }
      return { rows: await target.query(text, values ?? []) };
    },
  };
}
