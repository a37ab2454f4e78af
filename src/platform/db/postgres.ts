import pg from 'pg';
import { withTimeout, type Database, type Queryable } from './database.js';

export interface PostgresOptions {
  url: string;
  /** Schema to create tables in (first on the search path); tests use one each. */
  schema?: string;
  /** Called when an idle connection fails, for example when the server restarts. */
  onConnectionError?: (error: Error) => void;
}

function queryableFor(client: pg.Pool | pg.PoolClient): Queryable {
  return {
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await client.query<Row & pg.QueryResultRow>(sql, [...params]);
      return result.rows;
    },
    async runScript(sql: string) {
      await client.query(sql);
    },
  };
}

export function openServerDatabase(options: PostgresOptions): Database {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: 10,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    // A stalled network or a runaway query must end in an error, not hold a connection forever.
    keepAlive: true,
    statement_timeout: 30_000,
    query_timeout: 35_000,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  });
  // Without a listener, an idle connection dropped by the server would crash the process.
  pool.on('error', (error) => options.onConnectionError?.(error));

  return {
    engine: 'postgres',
    ...queryableFor(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(queryableFor(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    async ping(timeoutMs) {
      await withTimeout(pool.query('select 1'), timeoutMs);
    },
    async close() {
      await pool.end();
    },
  };
}
