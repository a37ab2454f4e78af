import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts } from '../../support/html.js';
import { createUser, sessionFor, testPassword } from '../../support/users.js';

async function linkMailedTo(testApp: TestApp, email: string, path: string): Promise<string> {
  const rows = await testApp.testDatabase.database.query<{ body_text: string }>(
    'select body_text from mail_message where to_address = $1 order by created_at desc limit 1',
    [email],
  );
  const link = new RegExp(`http://localhost:\\d+(${path}/[A-Za-z0-9_-]{43})`).exec(
    rows[0]?.body_text ?? '',
  )?.[1];
  assert.ok(link, `a ${path} link was mailed to ${email}`);
  return link;
}

for (const engine of testEngines()) {
  describe(`password reset, invitations and deactivation on ${engine}`, () => {
    let testApp: TestApp;
    let admin: FormClient;

    before(async () => {
      testApp = await buildTestApp(engine);
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'admin', { email: 'boss@example.org' });
      admin = new FormClient(testApp.app);
      admin.setCookie('mha_session', await sessionFor(database, user.id));
    });
    after(async () => {
      await testApp.close();
    });

    test('a reset link is mailed, works once within the hour, and sets a new password', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator', {
        email: 'forgetful@example.org',
      });
      const client = new FormClient(testApp.app);
      const asked = await client.post('/account/forgotten-password', {
        email: 'Forgetful@Example.org',
      });
      assert.equal(asked.statusCode, 200);
      assert.deepEqual(h1Texts(asked.body), ['Check your email']);
      const link = await linkMailedTo(testApp, user.email, '/account/reset-password');

      const form = await client.get(link);
      assert.equal(form.statusCode, 200);
      assert.equal(form.headers['referrer-policy'], 'no-referrer');
      const weak = await client.post(link, {
        newPassword: 'password1234',
        confirmPassword: 'password1234',
      });
      assert.deepEqual(errorSummaryOf(weak.body), [
        'Password is too common. Choose a password that is harder to guess',
      ]);
      const done = await client.post(link, {
        newPassword: 'seven swans sailing south',
        confirmPassword: 'seven swans sailing south',
      });
      assert.equal(done.statusCode, 303);
      assert.equal(done.headers.location, '/sign-in?done=reset');

      const reused = await client.get(link);
      assert.equal(reused.statusCode, 410);
      assert.deepEqual(h1Texts(reused.body), ['This link has expired or has already been used']);
      const signIn = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: 'seven swans sailing south',
      });
      assert.equal(signIn.statusCode, 303);
      const old = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: testPassword,
      });
      assert.equal(old.statusCode, 422);
    });

    test('asking for a reset reveals nothing: unknown emails get the same page and no mail', async () => {
      const client = new FormClient(testApp.app);
      const unknown = await client.post('/account/forgotten-password', {
        email: 'nobody@example.org',
      });
      assert.equal(unknown.statusCode, 200);
      assert.deepEqual(h1Texts(unknown.body), ['Check your email']);
      const mail = await testApp.testDatabase.database.query(
        'select 1 from mail_message where to_address = $1',
        ['nobody@example.org'],
      );
      assert.equal(mail.length, 0);
      for (const [fields, expected] of [
        [{ email: '' }, ['Enter your email address']],
        [{ email: 'x'.repeat(400) }, ['Email address must be 320 characters or fewer']],
        [
          { email: '<script>' },
          ['Enter an email address in the correct format, like name@example.com'],
        ],
      ] as const) {
        const response = await client.post('/account/forgotten-password', fields);
        assert.equal(response.statusCode, 422);
        assert.deepEqual(errorSummaryOf(response.body), expected);
      }
    });

    test('expired, made-up and malformed links are refused with 410, never 500', async () => {
      const user = await createUser(testApp.testDatabase.database, 'investigator', {
        email: 'late@example.org',
      });
      await new FormClient(testApp.app).post('/account/forgotten-password', { email: user.email });
      const link = await linkMailedTo(testApp, user.email, '/account/reset-password');
      await testApp.testDatabase.database.query(
        "update account_link set expires_at = now() - interval '1 second' where user_id = $1",
        [user.id],
      );
      for (const url of [
        link,
        `/account/reset-password/${'A'.repeat(43)}`,
        '/account/reset-password/short',
        "/account/reset-password/'%20or%201=1",
      ]) {
        const response = await new FormClient(testApp.app).get(url);
        assert.equal(response.statusCode, 410, url);
      }
    });

    test('an administrator invites someone, who chooses a password and can then sign in', async () => {
      const form = await admin.get('/admin/users/invite');
      assert.equal(form.statusCode, 200);
      const [organisation] = await testApp.testDatabase.database.query<{ id: string }>(
        "select id from organisation where slug = 'nuh'",
      );
      assert.ok(organisation);
      const missingOrganisation = await admin.post('/admin/users/invite', {
        displayName: 'Sam Site',
        email: 'sam@example.org',
        role: 'site-office',
      });
      assert.deepEqual(errorSummaryOf(missingOrganisation.body), [
        'Choose the organisation this person acts for',
      ]);
      const invited = await admin.post('/admin/users/invite', {
        displayName: 'Sam Site',
        email: 'Sam@Example.org',
        role: 'site-office',
        organisationId: organisation.id,
      });
      assert.equal(invited.statusCode, 303);
      const duplicate = await admin.post('/admin/users/invite', {
        displayName: 'Sam Again',
        email: 'sam@example.org',
        role: 'investigator',
      });
      assert.deepEqual(errorSummaryOf(duplicate.body), [
        'An account already exists for this email address',
      ]);
      const list = await admin.get('/admin/users');
      assert.match(list.body, /sam@example\.org/);
      assert.match(list.body, /Invited/);

      const cannotSignInYet = await new FormClient(testApp.app).post('/sign-in', {
        email: 'sam@example.org',
        password: 'anything at all here',
      });
      assert.equal(cannotSignInYet.statusCode, 422);

      const link = await linkMailedTo(testApp, 'sam@example.org', '/account/accept-invitation');
      const invitee = new FormClient(testApp.app);
      assert.match((await invitee.get(link)).body, /Accept your invitation/);
      const accepted = await invitee.post(link, {
        newPassword: 'maple leaves drift on canals',
        confirmPassword: 'maple leaves drift on canals',
      });
      assert.equal(accepted.headers.location, '/sign-in?done=invited');
      const signIn = await invitee.post('/sign-in', {
        email: 'sam@example.org',
        password: 'maple leaves drift on canals',
      });
      assert.equal(signIn.statusCode, 303);
      const account = await invitee.get('/account');
      assert.match(account.body, /Site research office/);
    });

    test('deactivating an account ends its sessions and stops sign-in; reactivating restores it', async () => {
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'industry', { email: 'leaver@example.org' });
      const session = new FormClient(testApp.app);
      session.setCookie('mha_session', await sessionFor(database, user.id));
      assert.equal((await session.get('/account')).statusCode, 200);

      const deactivated = await admin.post(
        `/admin/users/${user.id}/deactivate`,
        {},
        { formUrl: '/admin/users' },
      );
      assert.equal(deactivated.statusCode, 303);
      assert.equal((await session.get('/account')).statusCode, 303);
      const signIn = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: testPassword,
      });
      assert.equal(signIn.statusCode, 422);

      const reactivated = await admin.post(
        `/admin/users/${user.id}/reactivate`,
        {},
        { formUrl: '/admin/users' },
      );
      assert.equal(reactivated.statusCode, 303);
      const again = await new FormClient(testApp.app).post('/sign-in', {
        email: user.email,
        password: testPassword,
      });
      assert.equal(again.statusCode, 303);

      const actions = await database.query<{ action: string; actor_label: string }>(
        'select action, actor_label from audit_event where entity_id = $1 order by id',
        [user.id],
      );
      assert.deepEqual(
        actions.filter((row) => row.actor_label === 'boss@example.org').map((row) => row.action),
        ['deactivate', 'reactivate'],
      );
      const unknown = await admin.post(
        '/admin/users/not-a-uuid/deactivate',
        {},
        { formUrl: '/admin/users' },
      );
      assert.equal(unknown.statusCode, 404);
    });
  });
}
