import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { SessionStore, sessionIdleTimeoutMs } from '../../../src/platform/auth/sessions.js';
import { buildApp } from '../../../src/app.js';
import { testConfig, testAdministrator } from '../../support/app.js';
import { FormClient } from '../../support/browser-like.js';
import pg from 'pg';
import {
  createTestDatabase,
  serverUrl,
  testEngines,
  type TestDatabase,
} from '../../support/databases.js';
import { createUser } from '../../support/users.js';

for (const engine of testEngines()) {
  describe(`session lifetime and cookies on ${engine}`, () => {
    let testDatabase: TestDatabase;
    before(async () => {
      testDatabase = await createTestDatabase(engine);
    });
    after(async () => {
      await testDatabase.dispose();
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: serverUrl() });
        await client.connect();
        await client.query(`drop schema if exists jobs_sessions_${process.pid} cascade`);
        await client.end();
      }
    });

    test('a session ends after 30 idle minutes but a recent visit keeps it alive', async () => {
      const { database } = testDatabase;
      const app = await buildApp(
        testConfig({
          ADMIN_EMAIL: testAdministrator.email,
          ADMIN_PASSWORD: testAdministrator.password,
        }),
        {
          database,
          logger: false,
          ...(engine === 'postgres' ? { jobSchema: `jobs_sessions_${process.pid}` } : {}),
        },
      );
      await app.close();
      const user = await createUser(database, 'investigator');
      let now = new Date('2026-11-28T09:00:00Z');
      const sessions = new SessionStore(database, () => now);
      const token = await database.transaction((tx) =>
        sessions.start(tx, user.id, { ipAddress: null, userAgent: null }),
      );
      now = new Date(now.getTime() + sessionIdleTimeoutMs - 60_000);
      assert.equal(
        (await sessions.find(token))?.id,
        user.id,
        'still active just inside the idle limit',
      );
      now = new Date(now.getTime() + sessionIdleTimeoutMs - 60_000);
      assert.equal((await sessions.find(token))?.id, user.id, 'the previous visit renewed it');
      now = new Date(now.getTime() + sessionIdleTimeoutMs + 1_000);
      assert.equal(await sessions.find(token), null, 'idle for longer than 30 minutes');
    });

    test('over https the session cookie is Secure and carries the __Host- prefix', async () => {
      const app = await buildApp(
        testConfig({
          PUBLIC_URL: 'https://research.example.org',
          ADMIN_EMAIL: testAdministrator.email,
          ADMIN_PASSWORD: testAdministrator.password,
        }),
        {
          database: testDatabase.database,
          logger: false,
          ...(engine === 'postgres' ? { jobSchema: `jobs_sessions_${process.pid}` } : {}),
        },
      );
      try {
        const client = new FormClient(app);
        const response = await client.post('/sign-in', {
          email: testAdministrator.email,
          password: testAdministrator.password,
        });
        assert.equal(response.statusCode, 303);
        const session = response.cookies.find((cookie) => cookie.name === '__Host-mha_session');
        assert.ok(session, JSON.stringify(response.cookies.map((cookie) => cookie.name)));
        assert.equal(session.secure, true);
        assert.equal(session.httpOnly, true);
        assert.equal(session.sameSite, 'Lax');
        assert.equal(session.path, '/');
        assert.match(String(response.headers['strict-transport-security']), /max-age=31536000/);
      } finally {
        await app.close();
      }
    });
  });
}
