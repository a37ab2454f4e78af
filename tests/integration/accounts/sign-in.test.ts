import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { lockoutThreshold } from '../../../src/features/accounts/service.js';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts } from '../../support/html.js';
import { createUser, testPassword } from '../../support/users.js';

async function auditActions(testApp: TestApp, entityId?: string) {
  const rows = await testApp.testDatabase.database.query<{ action: string }>(
    `select action from audit_event ${entityId ? 'where entity_id = $1' : ''} order by id`,
    entityId ? [entityId] : [],
  );
  return rows.map((row) => row.action);
}

for (const engine of testEngines()) {
  describe(`signing in and out on ${engine}`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(engine);
    });
    after(async () => {
      await testApp.close();
    });

    test('the first administrator comes from ADMIN_EMAIL and ADMIN_PASSWORD and can sign in', async () => {
      const client = new FormClient(testApp.app);
      const response = await client.post('/sign-in', {
        email: testAdministrator.email.toUpperCase(),
        password: testAdministrator.password,
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/account');
      const account = await client.get('/account');
      assert.equal(account.statusCode, 200);
      assert.match(account.body, /admin@example\.org/);
      assert.match(account.body, /Administrator/);
      assert.deepEqual(testApp.announced, [], 'nothing is printed when a password was given');
    });

    test('the session cookie is HttpOnly and SameSite=Lax, and a new id is issued at sign-in', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator');
      const client = new FormClient(testApp.app);
      client.setCookie('mha_session', 'planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaaaa');
      const response = await client.post('/sign-in', { email: user.email, password: testPassword });
      const session = response.cookies.find((cookie) => cookie.name === 'mha_session');
      assert.ok(session);
      assert.equal(session.httpOnly, true);
      assert.equal(session.sameSite, 'Lax');
      assert.equal(session.path, '/');
      assert.notEqual(session.value, 'planted-by-an-attacker-aaaaaaaaaaaaaaaaaaaaaaaaaa');
      assert.equal((await client.get('/account')).statusCode, 200);
    });

    test('a wrong password and an unknown email get the same message, and both are audited', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator');
      const wrongPassword = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: 'not the password at all',
      });
      const unknownEmail = await new FormClient(testApp.app).post('/sign-in', {
        email: 'nobody-here@example.org',
        password: 'not the password at all',
      });
      for (const response of [wrongPassword, unknownEmail]) {
        assert.equal(response.statusCode, 422);
        assert.deepEqual(errorSummaryOf(response.body), [
          'Enter a correct email address and password',
        ]);
        assert.match(response.body, /<title>Error: Sign in/);
      }
      assert.deepEqual(await auditActions(testApp, user.id), ['sign-in-failed']);
      assert.deepEqual(await auditActions(testApp, 'nobody-here@example.org'), ['sign-in-failed']);
    });

    test('bad input on the sign-in form gets the error summary, never a server error', async () => {
      const cases: [Record<string, string | string[]>, string[]][] = [
        [{ email: '', password: '' }, ['Enter your email address', 'Enter your password']],
        [
          { email: 'not-an-email', password: 'x' },
          ['Enter an email address in the correct format, like name@example.com'],
        ],
        [
          { email: `${'a'.repeat(330)}@example.org`, password: 'x' },
          ['Email address must be 320 characters or fewer'],
        ],
        [
          { email: 'a@example.org', password: 'p'.repeat(300) },
          ['Password must be 256 characters or fewer'],
        ],
        [
          { email: ['a@example.org', 'b@example.org'], password: 'x' },
          ['Enter your email address'],
        ],
        [
          { email: '<script>alert(1)</script>', password: "' or 1=1 --" },
          ['Enter an email address in the correct format, like name@example.com'],
        ],
        [
          { email: "x@example.org' or '1'='1", password: "'; drop table app_user; --" },
          ['Enter an email address in the correct format, like name@example.com'],
        ],
        [{ password: 'x' }, ['Enter your email address']],
      ];
      for (const [fields, expected] of cases) {
        const response = await new FormClient(testApp.app).post('/sign-in', fields);
        assert.equal(response.statusCode, 422, JSON.stringify(fields));
        assert.deepEqual(errorSummaryOf(response.body), expected, JSON.stringify(fields));
        assert.doesNotMatch(response.body, /<script>alert/);
      }
      const client = new FormClient(testApp.app);
      const csrf = await client.csrfFrom('/sign-in');
      // Invalid UTF-8 (a lone continuation byte and a truncated sequence) in the form body.
      const invalidUtf8 = await client.postRaw(
        '/sign-in',
        `email=%C3%28%80&password=%E2%82&_csrf=${encodeURIComponent(csrf)}`,
      );
      assert.equal(invalidUtf8.statusCode, 422);
      const notAForm = await testApp.app.inject({
        method: 'POST',
        url: '/sign-in',
        headers: { 'content-type': 'application/json' },
        payload: '{"email":',
      });
      assert.ok([400, 403].includes(notAForm.statusCode), String(notAForm.statusCode));
      const users = await testApp.testDatabase.database.query('select 1 from app_user');
      assert.ok(users.length > 0, 'the users table is still there');
    });

    test('a form without its CSRF token, or with a wrong one, is refused with 403 and changes nothing', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator');
      const missing = await new FormClient(testApp.app).post(
        '/sign-in',
        { email: user.email, password: testPassword },
        { csrf: null },
      );
      assert.equal(missing.statusCode, 403);
      assert.deepEqual(h1Texts(missing.body), ['This form has expired']);
      const client = new FormClient(testApp.app);
      await client.csrfFrom('/sign-in');
      const wrong = await client.post(
        '/sign-in',
        { email: user.email, password: testPassword },
        { csrf: 'forged-token' },
      );
      assert.equal(wrong.statusCode, 403);
      assert.deepEqual(await auditActions(testApp, user.id), []);
    });

    test(`after ${lockoutThreshold} failed sign-ins in 15 minutes the account is locked, and the audit trail shows it`, async () => {
      const user = await createUser(testApp.testDatabase.database, 'alliance-office');
      for (let attempt = 0; attempt < lockoutThreshold; attempt += 1) {
        const response = await new FormClient(testApp.app).post('/sign-in', {
          email: user.email,
          password: `wrong password ${attempt}`,
        });
        assert.equal(response.statusCode, 422);
      }
      // Even the right password is refused while the account is locked.
      const locked = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: testPassword,
      });
      assert.equal(locked.statusCode, 429);
      assert.deepEqual(errorSummaryOf(locked.body), [
        'You have tried to sign in too many times. Wait 15 minutes, then try again',
      ]);
      const actions = await auditActions(testApp);
      assert.equal(actions.filter((action) => action === 'sign-in-refused').length >= 1, true);
      const refused = await testApp.testDatabase.database.query<{ entity_id: string }>(
        "select entity_id from audit_event where action = 'sign-in-refused'",
      );
      assert.ok(refused.some((row) => row.entity_id === user.email));
      // The same lock applies to an address that has no account, so locking reveals nothing.
      for (let attempt = 0; attempt <= lockoutThreshold; attempt += 1) {
        await new FormClient(testApp.app).post('/sign-in', {
          email: 'ghost@example.org',
          password: 'wrong password here',
        });
      }
      const ghost = await new FormClient(testApp.app).post('/sign-in', {
        email: 'ghost@example.org',
        password: 'wrong password here',
      });
      assert.equal(ghost.statusCode, 429);
    });

    test('signing out ends the session on the server, not just in the browser', async () => {
      const user = await createUser(testApp.testDatabase.database, 'industry');
      const client = new FormClient(testApp.app);
      await client.post('/sign-in', { email: user.email, password: testPassword });
      const token = client.cookie('mha_session');
      assert.ok(token);
      const signedOut = await client.post('/sign-out', {}, { formUrl: '/sign-out' });
      assert.equal(signedOut.statusCode, 303);
      const replayed = await testApp.app.inject({
        url: '/account',
        headers: { cookie: `mha_session=${token}` },
      });
      assert.equal(replayed.statusCode, 303);
      assert.match(String(replayed.headers.location), /^\/sign-in\?returnTo=%2Faccount/);
      assert.deepEqual(await auditActions(testApp, user.id), ['sign-in', 'sign-out']);
    });

    test('changing a password checks the current one and the policy, then ends other sessions', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator');
      const other = new FormClient(testApp.app);
      await other.post('/sign-in', { email: user.email, password: testPassword });
      const client = new FormClient(testApp.app);
      await client.post('/sign-in', { email: user.email, password: testPassword });
      const wrongCurrent = await client.post('/account/password', {
        currentPassword: 'nope nope nope',
        newPassword: 'violet harbour lights at dusk',
        confirmPassword: 'violet harbour lights at dusk',
      });
      assert.deepEqual(errorSummaryOf(wrongCurrent.body), ['Your current password is not correct']);
      const weak = await client.post('/account/password', {
        currentPassword: testPassword,
        newPassword: 'Password2026!',
        confirmPassword: 'Password2026!',
      });
      assert.deepEqual(errorSummaryOf(weak.body), [
        'Password is too common. Choose a password that is harder to guess',
      ]);
      const mismatch = await client.post('/account/password', {
        currentPassword: testPassword,
        newPassword: 'violet harbour lights at dusk',
        confirmPassword: 'violet harbour lights',
      });
      assert.deepEqual(errorSummaryOf(mismatch.body), ['The passwords you entered do not match']);
      const changed = await client.post('/account/password', {
        currentPassword: testPassword,
        newPassword: 'violet harbour lights at dusk',
        confirmPassword: 'violet harbour lights at dusk',
      });
      assert.equal(changed.statusCode, 303);
      assert.equal((await client.get('/account')).statusCode, 200, 'this session continues');
      assert.equal((await other.get('/account')).statusCode, 303, 'the other session has ended');
      const again = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: 'violet harbour lights at dusk',
      });
      assert.equal(again.statusCode, 303);
    });
  });

  describe(`first run without ADMIN_PASSWORD on ${engine}`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await buildTestApp(engine, { env: {} });
    });
    after(async () => {
      await testApp.close();
    });

    test('a one-time password is announced once and must be changed at first sign-in', async () => {
      assert.equal(testApp.announced.length, 1);
      const [first] = testApp.announced;
      assert.ok(first);
      assert.equal(first.email, 'admin@mha.local');
      assert.ok(first.oneTimePassword.length >= 20);
      const stored = await testApp.testDatabase.database.query<{ password_hash: string }>(
        'select password_hash from app_user where email = $1',
        [first.email],
      );
      assert.match(stored[0]?.password_hash ?? '', /^\$argon2id\$/);
      assert.ok(!(stored[0]?.password_hash ?? '').includes(first.oneTimePassword));

      const client = new FormClient(testApp.app);
      const signIn = await client.post('/sign-in', {
        email: first.email,
        password: first.oneTimePassword,
      });
      assert.equal(signIn.headers.location, '/account/password');
      const elsewhere = await client.get('/admin/audit');
      assert.equal(elsewhere.statusCode, 303);
      assert.equal(elsewhere.headers.location, '/account/password');
      const changed = await client.post('/account/password', {
        currentPassword: first.oneTimePassword,
        newPassword: 'granite owls read the tide tables',
        confirmPassword: 'granite owls read the tide tables',
      });
      assert.equal(changed.statusCode, 303);
      assert.equal((await client.get('/admin/audit')).statusCode, 200);
      const audited = await testApp.testDatabase.database.query<{
        action: string;
        after_value: unknown;
      }>("select action, after_value from audit_event where entity_type = 'account' order by id");
      assert.deepEqual(
        audited.map((row) => row.action),
        ['create', 'sign-in', 'update'],
      );
      assert.doesNotMatch(JSON.stringify(audited), /argon2/);
    });
  });
}
