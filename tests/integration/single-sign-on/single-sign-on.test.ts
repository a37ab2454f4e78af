import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import { buildTestApp, testAdministrator, type TestApp } from '../../support/app.js';
import { FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts, textOf } from '../../support/html.js';
import { freePort } from '../../support/net.js';
import { createUser } from '../../support/users.js';
import {
  createIdentityProvider,
  ProviderBrowser,
  type IdentityProvider,
} from './identity-provider.js';

const publicUrl = 'http://mha.test';
const redirectUri = `${publicUrl}/sign-in/sso/callback`;

function appFor(engine: TestApp['testDatabase']['engine'], provider: IdentityProvider) {
  return buildTestApp(engine, {
    env: {
      ADMIN_EMAIL: testAdministrator.email,
      ADMIN_PASSWORD: testAdministrator.password,
      PUBLIC_URL: publicUrl,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
    },
  });
}

/** The tests need src/app.ts to register the single sign-on routes when OIDC_ISSUER is set. */
function wired(testApp: TestApp, t: TestContext): boolean {
  if (testApp.app.hasRoute({ method: 'GET', url: '/sign-in/sso' })) return true;
  t.skip('src/app.ts does not register singleSignOnRoutes when config.oidc is set yet');
  return false;
}

interface AuditRow {
  action: string;
  entity_id: string | null;
  actor_label: string;
  after_value: { provider?: string; reason?: string } | null;
}

async function auditFor(testApp: TestApp, entityId: string): Promise<AuditRow[]> {
  return testApp.testDatabase.database.query<AuditRow>(
    'select action, entity_id, actor_label, after_value from audit_event where entity_id = $1 order by id',
    [entityId],
  );
}

/** Starts sign-in at the app, signs in at the provider as `login`, and returns to the callback. */
async function signInThroughProvider(client: FormClient, login: string, returnTo = '/account') {
  const start = await client.get(`/sign-in/sso?returnTo=${encodeURIComponent(returnTo)}`);
  assert.equal(start.statusCode, 303);
  const callback = await new ProviderBrowser(redirectUri).signIn(
    String(start.headers.location),
    login,
  );
  return { start, callback };
}

/** The page's h1 text, with character references decoded. */
const headingsOf = (html: string) => h1Texts(html).map((heading) => textOf(heading).trim());

let provider: IdentityProvider;

before(async () => {
  provider = await createIdentityProvider({ redirectUri });
  await provider.start();
});

after(async () => {
  await provider.stop();
});

for (const engine of testEngines()) {
  describe(`single sign-on through an OpenID Connect provider on ${engine}`, () => {
    let testApp: TestApp;
    before(async () => {
      testApp = await appFor(engine, provider);
    });
    after(async () => {
      await testApp.close();
    });

    test('an active user signs in through the provider, gets a working session, and it is audited', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `sso-investigator-${engine}@example.org`;
      const user = await createUser(testApp.testDatabase.database, 'investigator', { email });
      provider.people.set('investigator-login', { email, email_verified: true });
      const client = new FormClient(testApp.app);

      const { start, callback } = await signInThroughProvider(
        client,
        'investigator-login',
        '/account?from=sso',
      );
      const authorization = new URL(String(start.headers.location));
      assert.equal(authorization.origin, provider.issuer);
      assert.equal(authorization.searchParams.get('redirect_uri'), redirectUri);
      assert.equal(authorization.searchParams.get('code_challenge_method'), 'S256');
      assert.ok(authorization.searchParams.get('state'));
      assert.ok(authorization.searchParams.get('nonce'));
      const pending = start.cookies.find((cookie) => cookie.name === 'mha_sso');
      assert.ok(pending, 'the pending sign-in travels in a cookie');
      assert.equal(pending.httpOnly, true);
      assert.equal(pending.sameSite, 'Lax');
      assert.ok(pending.maxAge !== undefined && pending.maxAge <= 600);

      const finished = await client.get(callback);
      assert.equal(finished.statusCode, 303);
      assert.equal(finished.headers.location, '/account?from=sso');
      assert.ok(client.cookie('mha_session'), 'a session was started');
      assert.equal(client.cookie('mha_sso'), undefined, 'the pending sign-in is used up');
      const account = await client.get('/account');
      assert.equal(account.statusCode, 200);
      assert.ok(account.body.includes(email));

      const events = await auditFor(testApp, user.id);
      assert.deepEqual(
        events.map((event) => [event.action, event.actor_label, event.after_value?.provider]),
        [['sign-in', email, provider.issuer]],
      );

      const replayed = await new FormClient(testApp.app).get(callback);
      assert.equal(replayed.statusCode, 400, 'the same answer cannot be used again elsewhere');
    });

    test('a user who must change their password is sent to change it after signing in', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `sso-must-change-${engine}@example.org`;
      const user = await createUser(testApp.testDatabase.database, 'site-office', { email });
      await testApp.testDatabase.database.query(
        'update app_user set must_change_password = true where id = $1',
        [user.id],
      );
      provider.people.set('must-change-login', { email, email_verified: true });
      const client = new FormClient(testApp.app);
      const { callback } = await signInThroughProvider(client, 'must-change-login');
      const finished = await client.get(callback);
      assert.equal(finished.statusCode, 303);
      assert.equal(finished.headers.location, '/account/password');
    });

    test('an email with no account gets a page saying so, no session, and a failed sign-in in the audit trail', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `nobody-here-${engine}@example.org`;
      provider.people.set('stranger-login', { email, email_verified: true });
      const client = new FormClient(testApp.app);
      const { callback } = await signInThroughProvider(client, 'stranger-login');

      const page = await client.get(callback);
      assert.equal(page.statusCode, 403);
      assert.deepEqual(headingsOf(page.body), ['There is no account for your email address']);
      assert.ok(page.body.includes(email));
      assert.match(page.body, /ask the alliance office/);
      assert.equal(client.cookie('mha_session'), undefined);
      assert.equal((await client.get('/account')).statusCode, 303);

      const events = await auditFor(testApp, email);
      assert.deepEqual(
        events.map((event) => [event.action, event.after_value?.provider]),
        [['sign-in-failed', provider.issuer]],
      );
    });

    test('an email the provider has not verified is refused, even when an account has it', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `sso-unverified-${engine}@example.org`;
      const user = await createUser(testApp.testDatabase.database, 'investigator', { email });
      provider.people.set('unverified-login', { email, email_verified: false });
      const client = new FormClient(testApp.app);
      const { callback } = await signInThroughProvider(client, 'unverified-login');

      const page = await client.get(callback);
      assert.equal(page.statusCode, 403);
      assert.deepEqual(headingsOf(page.body), [
        'Your organisation has not confirmed your email address',
      ]);
      assert.equal(client.cookie('mha_session'), undefined);
      assert.deepEqual(await auditFor(testApp, user.id), []);
      const events = await auditFor(testApp, email);
      assert.deepEqual(
        events.map((event) => [event.action, event.after_value?.reason]),
        [['sign-in-failed', 'email not verified by provider']],
      );
    });

    test('a provider that sends no email address is refused', async (t) => {
      if (!wired(testApp, t)) return;
      provider.people.set('no-email-login', {});
      const client = new FormClient(testApp.app);
      const { callback } = await signInThroughProvider(client, 'no-email-login');
      const page = await client.get(callback);
      assert.equal(page.statusCode, 403);
      assert.deepEqual(headingsOf(page.body), [
        'Your organisation did not tell us your email address',
      ]);
      assert.equal(client.cookie('mha_session'), undefined);
    });

    test('a tampered, missing or unexpected state is refused with 400 and starts no session', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `sso-state-${engine}@example.org`;
      const user = await createUser(testApp.testDatabase.database, 'investigator', { email });
      provider.people.set('state-login', { email, email_verified: true });

      const alter = (callback: string, change: (query: URLSearchParams) => void) => {
        const url = new URL(callback, publicUrl);
        change(url.searchParams);
        return `${url.pathname}?${url.searchParams.toString()}`;
      };
      const changes: [string, (query: URLSearchParams) => void][] = [
        ['tampered', (query) => query.set('state', `${query.get('state') ?? ''}x`)],
        ['missing', (query) => query.delete('state')],
        ['from an attacker', (query) => query.set('state', 'chosen-by-an-attacker')],
      ];
      for (const [label, change] of changes) {
        const client = new FormClient(testApp.app);
        const { callback } = await signInThroughProvider(client, 'state-login');
        const page = await client.get(alter(callback, change));
        assert.equal(page.statusCode, 400, label);
        assert.deepEqual(
          headingsOf(page.body),
          ["We could not sign you in with your organisation's account"],
          label,
        );
        assert.equal(client.cookie('mha_session'), undefined, label);
        assert.equal((await client.get('/account')).statusCode, 303, label);
      }
      assert.deepEqual(await auditFor(testApp, user.id), []);
    });

    test('an answer that arrives without its pending sign-in, or with one altered, is refused with 400', async (t) => {
      if (!wired(testApp, t)) return;
      provider.people.set('cookie-login', {
        email: `sso-cookie-${engine}@example.org`,
        email_verified: true,
      });
      const started = new FormClient(testApp.app);
      const { callback } = await signInThroughProvider(started, 'cookie-login');

      const otherBrowser = await new FormClient(testApp.app).get(callback);
      assert.equal(otherBrowser.statusCode, 400);
      assert.deepEqual(headingsOf(otherBrowser.body), ['Your sign-in has expired']);

      const altered = new FormClient(testApp.app);
      const sealed = started.cookie('mha_sso') ?? '';
      altered.setCookie('mha_sso', `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BB' : 'AA'}`);
      const alteredPage = await altered.get(callback);
      assert.equal(alteredPage.statusCode, 400);
      assert.equal(altered.cookie('mha_session'), undefined);

      const noQuery = await new FormClient(testApp.app).get('/sign-in/sso/callback');
      assert.equal(noQuery.statusCode, 400);
    });

    test('cancelling at the provider, or a provider error, shows a clear page with 400', async (t) => {
      if (!wired(testApp, t)) return;
      const client = new FormClient(testApp.app);
      const start = await client.get('/sign-in/sso');
      const callback = await new ProviderBrowser(redirectUri).cancel(
        String(start.headers.location),
      );
      assert.match(callback, /error=access_denied/);
      const cancelled = await client.get(callback);
      assert.equal(cancelled.statusCode, 400);
      assert.deepEqual(headingsOf(cancelled.body), ['You were not signed in']);

      const other = new FormClient(testApp.app);
      const started = await other.get('/sign-in/sso');
      const state = new URL(String(started.headers.location)).searchParams.get('state') ?? '';
      const failed = await other.get(
        `/sign-in/sso/callback?error=server_error&state=${state}&iss=${encodeURIComponent(provider.issuer)}`,
      );
      assert.equal(failed.statusCode, 400);
      assert.equal(other.cookie('mha_session'), undefined);
    });

    test('the return address is kept on this site', async (t) => {
      if (!wired(testApp, t)) return;
      const email = `sso-return-${engine}@example.org`;
      await createUser(testApp.testDatabase.database, 'investigator', { email });
      provider.people.set('return-login', { email, email_verified: true });
      for (const returnTo of ['https://evil.example/', '//evil.example/x', '/\\evil.example']) {
        const client = new FormClient(testApp.app);
        const { callback } = await signInThroughProvider(client, 'return-login', returnTo);
        const finished = await client.get(callback);
        assert.equal(finished.statusCode, 303, returnTo);
        assert.equal(finished.headers.location, '/account', returnTo);
      }
    });

    test('a provider that is down is retried on the next sign-in, not remembered as down', async (t) => {
      if (!wired(testApp, t)) return;
      const late = await createIdentityProvider({ redirectUri, port: await freePort() });
      const lateApp = await appFor(engine, late);
      try {
        const client = new FormClient(lateApp.app);
        const down = await client.get('/sign-in/sso');
        assert.equal(down.statusCode, 503);
        assert.deepEqual(headingsOf(down.body), [
          "Signing in with your organisation's account is not working at the moment",
        ]);
        await late.start();
        const up = await client.get('/sign-in/sso');
        assert.equal(up.statusCode, 303);
        assert.ok(String(up.headers.location).startsWith(`${late.issuer}/`));
      } finally {
        await lateApp.close();
        await late.stop();
      }
    });
  });
}
