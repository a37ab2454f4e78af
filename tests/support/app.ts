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

export interface TestApp {
  app: FastifyInstance;
  testDatabase: TestDatabase;
  /** The app's rendered-page cache, as a test that changes content must clear it. */
  publicPageCache: RenderedPageCache;
  close(): Promise<void>;
}

/** The real application, built by the real composition root, on a database of its own. */
export async function buildTestApp(engine: DatabaseEngine): Promise<TestApp> {
  const testDatabase = await createTestDatabase(engine);
  const publicPageCache = new RenderedPageCache(60_000);
  const app = await buildApp(testConfig(), {
    database: testDatabase.database,
    logger: false,
    publicPageCache,
  });
  return {
    app,
    testDatabase,
    publicPageCache,
    async close() {
      await app.close();
      await testDatabase.dispose();
    },
  };
}
