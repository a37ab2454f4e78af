import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { createUser, sessionFor, testPassword } from '../../support/users.js';

for (const engine of testEngines()) {
  describe(`audit trail for administrators on ${engine}`, () => {
    let testApp: TestApp;
    let admin: FormClient;

    before(async () => {
      testApp = await buildTestApp(engine);
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'admin', { email: 'auditor@example.org' });
      admin = new FormClient(testApp.app);
      admin.setCookie('mha_session', await sessionFor(database, user.id));
      // Some history: a failed and a successful sign-in by someone else.
      const investigator = await createUser(database, 'investigator', { email: 'jo@example.org' });
      await new FormClient(testApp.app).post('/sign-in', {
        email: investigator.email,
        password: 'wrong password entirely',
      });
      await new FormClient(testApp.app).post('/sign-in', {
        email: investigator.email,
        password: testPassword,
      });
    });
    after(async () => {
      await testApp.close();
    });

    test('the audit page lists events newest first with actor, request id and address', async () => {
      const page = await admin.get('/admin/audit');
      assert.equal(page.statusCode, 200);
      assert.match(page.body, /<h1>Audit trail<\/h1>/);
      const signIn = page.body.indexOf('>sign-in<');
      const failed = page.body.indexOf('>sign-in-failed<');
      assert.ok(signIn > 0 && failed > signIn, 'newest first');
      assert.match(page.body, /jo@example\.org/);
      assert.match(page.body, /127\.0\.0\.1/);
    });

    test('filters narrow the list and bad filter values get the error summary', async () => {
      const filtered = await admin.get('/admin/audit?action=sign-in-failed');
      assert.match(filtered.body, />sign-in-failed</);
      assert.doesNotMatch(filtered.body, /<td class="nhsuk-table__cell">sign-in<\/td>/);
      const bad = await admin.get(`/admin/audit?from=2026-02-31&page=-3&actor=${'x'.repeat(300)}`);
      assert.equal(bad.statusCode, 422);
      assert.deepEqual(errorSummaryOf(bad.body), [
        'Actor must be 200 characters or fewer',
        'From date must be a real date, like 2026-11-28',
        'Page must be 1 or more',
      ]);
      const arrays = await admin.get('/admin/audit?action=a&action=b');
      assert.equal(arrays.statusCode, 422);
    });

    test('the CSV export has a header row and one row per matching event', async () => {
      const csv = await admin.get('/admin/audit.csv?action=sign-in-failed');
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-type']), /^text\/csv/);
      assert.match(
        String(csv.headers['content-disposition']),
        /attachment; filename="audit-trail-\d{4}-\d{2}-\d{2}\.csv"/,
      );
      const lines = csv.body.trimEnd().split('\r\n');
      assert.equal(
        lines[0],
        'id,occurred_at,actor_user_id,actor,action,entity_type,entity_id,before,after,request_id,ip_address',
      );
      assert.equal(lines.length, 2);
      assert.match(lines[1] ?? '', /,anonymous,sign-in-failed,account,/);
      const bad = await admin.get('/admin/audit.csv?to=yesterday');
      assert.equal(bad.statusCode, 400);
      assert.match(String(bad.headers['content-type']), /problem\+json/);
    });

    test('the application cannot change or delete audit events, even with direct SQL', async () => {
      const { database } = testApp.testDatabase;
      await assert.rejects(
        database.query("update audit_event set actor_label = 'someone else'"),
        /append-only/,
      );
      await assert.rejects(database.query('delete from audit_event'), /append-only/);
      const routes = testApp.app.accessRules.filter((rule) => rule.url.startsWith('/admin/audit'));
      assert.deepEqual(routes.map((rule) => rule.method).sort(), ['GET', 'GET']);
    });
  });
}
