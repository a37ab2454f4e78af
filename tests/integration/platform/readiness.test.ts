import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/app.js';
import { openServerDatabase } from '../../../src/platform/db/postgres.js';
import type { Database } from '../../../src/platform/db/database.js';
import { testConfig } from '../../support/app.js';
import { createServerSchema, serverUrl } from '../../support/databases.js';
import { TcpProxy } from '../../support/tcp-proxy.js';

async function eventually(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

describe(
  'readiness against the PostgreSQL server',
  { skip: !process.env.TEST_DATABASE_URL && 'TEST_DATABASE_URL is not set' },
  () => {
    let proxy: TcpProxy;
    let app: FastifyInstance;
    let database: Database;
    let dropSchema: () => Promise<void>;

    before(async () => {
      const target = new URL(serverUrl());
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      const port = await proxy.start();
      const viaProxy = new URL(serverUrl());
      viaProxy.hostname = '127.0.0.1';
      viaProxy.port = String(port);
      const { schema, drop } = await createServerSchema();
      dropSchema = drop;
      database = openServerDatabase({
        url: viaProxy.toString(),
        schema,
        onConnectionError: () => undefined,
      });
      // Background jobs keep their tables in the test's own schema, dropped with it.
      app = await buildApp(testConfig(), { database, logger: false, jobSchema: schema });
    });

    after(async () => {
      await app.close();
      await database.close();
      await proxy.cut();
      await dropSchema();
    });

    test('/readyz answers 503 while the database is unreachable and 200 again once it returns, without a restart', async () => {
      assert.equal((await app.inject({ url: '/readyz' })).statusCode, 200);

      await proxy.cut();
      const down = await app.inject({ url: '/readyz' });
      assert.equal(down.statusCode, 503);
      assert.deepEqual(down.json(), { status: 'unavailable', database: 'unreachable' });
      // The process itself is still alive and says so.
      assert.equal((await app.inject({ url: '/healthz' })).statusCode, 200);

      await proxy.start();
      const recovered = await eventually(
        async () => (await app.inject({ url: '/readyz' })).statusCode === 200,
        10_000,
      );
      assert.ok(recovered, '/readyz did not recover after the database came back');
      assert.equal((await app.inject({ url: '/' })).statusCode, 200);
    });
  },
);
