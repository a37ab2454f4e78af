import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { RenderedPageCache } from '../../src/platform/http/page-cache.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { DatabaseEngine } from '../../src/platform/db/database.js';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, serverUrl, type TestDatabase } from './databases.js';

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
    // Most tests want an empty directory; those about the directory ask for the sample.
    SAMPLE_DATA: 'false',
    // Tests send many enquiries from one address; the limit has a test of its own.
    SUBMISSION_LIMIT: '100000',
    // No synthetic population unless a test brings one (tests/support/omop.ts).
    POPULATION_SIZE: '0',
    DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'mha-test-')),
    ...env,
  });
}

export const testAdministrator = {
  email: 'admin@example.org',
  password: 'amber lantern quietly sorts mail',
};

export interface TestApp {
  app: FastifyInstance;
  /** What would have been printed for a first administrator without ADMIN_PASSWORD. */
  announced: { email: string; oneTimePassword: string }[];
  testDatabase: TestDatabase;
  /** The app's rendered-page cache, as a test that changes content must clear it. */
  publicPageCache: RenderedPageCache;
  close(): Promise<void>;
}

/** The real application, built by the real composition root, on a database of its own. */
export async function buildTestApp(
  engine: DatabaseEngine,
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<TestApp> {
  const testDatabase = await createTestDatabase(engine);
  const publicPageCache = new RenderedPageCache(60_000);
  const announced: TestApp['announced'] = [];
  const env = options.env ?? {
    ADMIN_EMAIL: testAdministrator.email,
    ADMIN_PASSWORD: testAdministrator.password,
  };
  // On the shared server each app gets its own job schema, so no suite takes another's jobs.
  const jobSchema =
    engine === 'postgres' ? `jobs_${process.pid}_${randomBytes(4).toString('hex')}` : undefined;
  const app = await buildApp(testConfig(env), {
    database: testDatabase.database,
    // TEST_LOG_LEVEL=error shows the app's own logs when a test needs explaining.
    logger: process.env.TEST_LOG_LEVEL ? { level: process.env.TEST_LOG_LEVEL } : false,
    publicPageCache,
    ...(jobSchema ? { jobSchema } : {}),
    announceFirstAdministrator: (administrator) => announced.push(administrator),
  });
  return {
    app,
    announced,
    testDatabase,
    publicPageCache,
    async close() {
      await app.close();
      await testDatabase.dispose();
      if (jobSchema) {
        const client = new pg.Client({ connectionString: serverUrl() });
        await client.connect();
        await client.query(`drop schema if exists ${jobSchema} cascade`);
        await client.end();
      }
    },
  };
}
