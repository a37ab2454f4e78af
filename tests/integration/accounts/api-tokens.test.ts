import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor } from '../../support/users.js';

function secretOn(html: string): string {
  const secret = /id="new-token" type="text" value="(mha_[A-Za-z0-9_-]+)"/.exec(html)?.[1];
  assert.ok(secret, 'the new token is shown');
  return secret;
}

for (const engine of testEngines()) {
  describe(`personal API tokens on ${engine}`, () => {
    let testApp: TestApp;
    let client: FormClient;
    let userId: string;

    before(async () => {
      testApp = await buildTestApp(engine);
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'site-office', { email: 'ro@example.org' });
      userId = user.id;
      client = new FormClient(testApp.app);
      client.setCookie('mha_session', await sessionFor(database, user.id));
    });
    after(async () => {
      await testApp.close();
    });

    const callApi = (authorization: string, url = '/api/v1/me') =>
      testApp.app.inject({ url, headers: { authorization } });

    test('a token is shown once, stored only as a hash, and works as the user with their role', async () => {
      const created = await client.post('/account/tokens', {
        name: 'Recruitment dashboard',
        lifetime: '90',
      });
      assert.equal(created.statusCode, 200);
      assert.equal(created.headers['cache-control'], 'no-store');
      const secret = secretOn(created.body);
      const stored = await testApp.testDatabase.database.query<{
        token_hash: string;
        token_prefix: string;
      }>('select token_hash, token_prefix from api_token where user_id = $1', [userId]);
      assert.equal(stored.length, 1);
      assert.notEqual(stored[0]?.token_hash, secret);
      assert.ok(!JSON.stringify(stored).includes(secret));

      const listed = await client.get('/account/tokens');
      assert.doesNotMatch(listed.body, new RegExp(secret));
      assert.match(listed.body, /Recruitment dashboard/);

      const me = await callApi(`Bearer ${secret}`);
      assert.equal(me.statusCode, 200);
      assert.deepEqual(
        { ...me.json<Record<string, unknown>>(), id: undefined, organisationId: undefined },
        {
          id: undefined,
          organisationId: undefined,
          email: 'ro@example.org',
          displayName: 'Test site-office',
          role: 'site-office',
          authenticatedWith: 'api-token',
        },
      );
      const audit = await testApp.testDatabase.database.query<{
        action: string;
        actor_label: string;
      }>("select action, actor_label from audit_event where entity_type = 'api-token' order by id");
      assert.deepEqual(
        audit.map((row) => row.action),
        ['create', 'api-request'],
      );
      assert.equal(audit[1]?.actor_label, 'ro@example.org (API token "Recruitment dashboard")');
    });

    test('revoked, expired, malformed and unknown tokens get 401 with a problem body, never 500', async () => {
      const revokedPage = await client.post('/account/tokens', {
        name: 'To revoke',
        lifetime: 'never',
      });
      const revokedSecret = secretOn(revokedPage.body);
      const [row] = await testApp.testDatabase.database.query<{ id: string }>(
        "select id from api_token where name = 'To revoke'",
      );
      assert.ok(row);
      const revoke = await client.post(
        `/account/tokens/${row.id}/revoke`,
        {},
        { formUrl: '/account/tokens' },
      );
      assert.equal(revoke.statusCode, 303);

      const expiredPage = await client.post('/account/tokens', { name: 'Expired', lifetime: '30' });
      const expiredSecret = secretOn(expiredPage.body);
      await testApp.testDatabase.database.query(
        "update api_token set expires_at = now() - interval '1 minute' where name = 'Expired'",
      );

      for (const authorization of [
        `Bearer ${revokedSecret}`,
        `Bearer ${expiredSecret}`,
        'Bearer',
        'Bearer a b',
        'Basic dXNlcjpwYXNz',
        `Bearer mha_${'A'.repeat(43)}`,
        `Bearer ${'x'.repeat(10_000)}`,
        "Bearer ' or 1=1 --",
      ]) {
        const response = await callApi(authorization);
        assert.equal(response.statusCode, 401, authorization.slice(0, 40));
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        assert.match(String(response.headers['www-authenticate']), /invalid_token/);
      }
    });

    test('a token is accepted only by the API, and only its owner can revoke it', async () => {
      const page = await client.post('/account/tokens', { name: 'API only', lifetime: '30' });
      const secret = secretOn(page.body);
      const notApi = await testApp.app.inject({
        url: '/account',
        headers: { authorization: `Bearer ${secret}` },
      });
      assert.equal(notApi.statusCode, 303, 'pages need a signed-in session');

      const other = await createUser(testApp.testDatabase.database, 'investigator');
      const otherClient = new FormClient(testApp.app);
      otherClient.setCookie(
        'mha_session',
        await sessionFor(testApp.testDatabase.database, other.id),
      );
      const [row] = await testApp.testDatabase.database.query<{ id: string }>(
        "select id from api_token where name = 'API only'",
      );
      assert.ok(row);
      const refused = await otherClient.post(
        `/account/tokens/${row.id}/revoke`,
        {},
        { formUrl: '/account/tokens' },
      );
      assert.equal(refused.statusCode, 404);
      assert.equal((await callApi(`Bearer ${secret}`)).statusCode, 200);
      const garbage = await client.post(
        '/account/tokens/not-a-uuid/revoke',
        {},
        { formUrl: '/account/tokens' },
      );
      assert.equal(garbage.statusCode, 404);
    });

    test('bad input on the new-token form gets the error summary', async () => {
      const cases: [Record<string, string | string[]>, string[]][] = [
        [
          { name: '', lifetime: '' },
          ['Enter a name for the token', 'Choose how long the token will work'],
        ],
        [{ name: 'n'.repeat(101), lifetime: '30' }, ['Token name must be 100 characters or fewer']],
        [{ name: '<script>x</script>', lifetime: '9999' }, ['Choose how long the token will work']],
        [{ name: ['a', 'b'], lifetime: '30' }, ['Enter a name for the token']],
      ];
      for (const [fields, expected] of cases) {
        const response = await client.post('/account/tokens', fields);
        assert.equal(response.statusCode, 422);
        assert.deepEqual(errorSummaryOf(response.body), expected);
        assert.doesNotMatch(response.body, /<script>x/);
      }
      const anonymous = await testApp.app.inject({ url: '/api/v1/me' });
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
