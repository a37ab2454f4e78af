import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { RenderedPageCache } from '../../src/platform/http/page-cache.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import type { DatabaseEngine } from '../../src/platform/db/database.js';
import { createTestDatabase, type TestDatabase } from './databases.js';

export function testConfig(env: NodeJS.ProcessEnv = {}): Config {
  return loadConfig({
    LOG_LEVEL: 'silent',
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
  const app = await buildApp(testConfig(env), {
    database: testDatabase.database,
    logger: false,
    publicPageCache,
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
    },
  };
}
