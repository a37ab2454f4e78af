import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { buildTestApp, type TestApp } from '../../support/app.js';
import { errorSummaryOf, FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { h1Texts, textOf } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';

const editorUrl = '/admin/content/edit/about';

function aboutForm(overrides: Record<string, string> = {}) {
  return {
    title: 'About the alliance',
    summary: 'A new summary for the about page.',
    bodyMarkdown: '## Our vision\n\nA **rewritten** vision.\n\n<script>alert("x")</script>',
    calloutHeading: '',
    calloutMarkdown: '',
    action: 'save',
    ...overrides,
  };
}

for (const engine of testEngines()) {
  describe(`editing public pages on ${engine}`, () => {
    let testApp: TestApp;
    let office: FormClient;

    before(async () => {
      testApp = await buildTestApp(engine);
      const { database } = testApp.testDatabase;
      const user = await createUser(database, 'alliance-office', { email: 'office@example.org' });
      office = new FormClient(testApp.app);
      office.setCookie('mha_session', await sessionFor(database, user.id));
    });
    after(async () => {
      await testApp.close();
    });

    test('a draft is saved without changing the public page; preview shows it without saving', async () => {
      const original = textOf((await testApp.app.inject({ url: '/about' })).body);
      const preview = await office.post(editorUrl, aboutForm({ action: 'preview' }));
      assert.equal(preview.statusCode, 200);
      assert.match(preview.body, /Preview \(not saved\)/);
      assert.match(preview.body, /A <strong>rewritten<\/strong> vision/);
      assert.doesNotMatch(preview.body, /<script>alert/);

      const saved = await office.post(editorUrl, aboutForm());
      assert.equal(saved.statusCode, 303);
      assert.equal(saved.headers.location, `${editorUrl}?done=saved`);
      assert.equal(textOf((await testApp.app.inject({ url: '/about' })).body), original);
      const editor = await office.get(editorUrl);
      assert.match(editor.body, /unpublished draft \(version 2/);
      assert.match(editor.body, /A new summary for the about page\./);
    });

    test('publishing changes the public page at once, and the audit trail shows who did it', async () => {
      const published = await office.post(editorUrl, aboutForm({ action: 'publish' }));
      assert.equal(published.statusCode, 303);
      const page = await testApp.app.inject({ url: '/about' });
      assert.match(page.body, /A <strong>rewritten<\/strong> vision/);
      assert.match(page.body, /&lt;script&gt;alert/);
      assert.doesNotMatch(page.body, /<script>alert/);
      const [event] = await testApp.testDatabase.database.query<{
        actor_label: string;
        before_value: { title: string; summary: string };
        after_value: { summary: string; revision: number };
      }>(
        "select actor_label, before_value, after_value from audit_event where action = 'publish' and entity_id = 'about'",
      );
      assert.ok(event);
      assert.equal(event.actor_label, 'office@example.org');
      assert.equal(event.after_value.summary, 'A new summary for the about page.');
      assert.notEqual(event.before_value.summary, 'A new summary for the about page.');
      assert.equal(event.after_value.revision, 3);
    });

    test('the history keeps every version, and restoring the original brings it back once published', async () => {
      const history = await office.get('/admin/content/history/about');
      assert.equal(history.statusCode, 200);
      const versions = [...history.body.matchAll(/\/admin\/content\/revisions\/(\d+)"/g)].map(
        (m) => m[1],
      );
      assert.equal(versions.length, 3);
      const originalId = versions[versions.length - 1] ?? '';
      const original = await office.get(`/admin/content/revisions/${originalId}`);
      assert.match(original.body, /Version 1 of About the alliance/);
      assert.match(original.body, /Yes, by system/);

      const restored = await office.post(
        `/admin/content/revisions/${originalId}/restore`,
        {},
        { formUrl: `/admin/content/revisions/${originalId}` },
      );
      assert.equal(restored.statusCode, 303);
      assert.equal(restored.headers.location, `${editorUrl}?done=restored`);
      const editor = await office.get(restored.headers.location);
      assert.match(editor.body, /unpublished draft \(version 4/);
      const title = /id="title" name="title" type="text" value="([^"]*)"/.exec(editor.body)?.[1];
      assert.equal(title, 'About the alliance');
      const summary = /<textarea[^>]*id="summary"[^>]*>([\s\S]*?)<\/textarea>/
        .exec(editor.body)?.[1]
        ?.trim();
      assert.ok(summary && summary !== 'A new summary for the about page.');

      const form = {
        title: 'About the alliance',
        summary: summary
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&')
          .replace(/&quot;/g, '"'),
        bodyMarkdown: (
          /<textarea[^>]*id="bodyMarkdown"[^>]*>([\s\S]*?)<\/textarea>/.exec(editor.body)?.[1] ?? ''
        )
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&'),
        calloutHeading: 'Talk to us',
        calloutMarkdown: 'Email the alliance office.',
        action: 'publish',
      };
      assert.equal((await office.post(editorUrl, form)).statusCode, 303);
      const page = await testApp.app.inject({ url: '/about' });
      assert.doesNotMatch(page.body, /rewritten/);
      assert.match(page.body, /Our vision/);
      const actions = await testApp.testDatabase.database.query<{
        action: string;
        actor_label: string;
      }>(
        "select action, actor_label from audit_event where entity_type in ('site-page', 'site-page-revision') order by id",
      );
      assert.deepEqual(
        actions.map((row) => row.action),
        ['create', 'publish', 'restore', 'publish'],
      );
      assert.ok(actions.every((row) => row.actor_label === 'office@example.org'));
    });

    test('bad input gets the error summary and keeps what was typed; nothing is saved', async () => {
      const { database } = testApp.testDatabase;
      const [before] = await database.query<{ count: number }>(
        'select count(*)::int as count from site_page_revision',
      );
      const cases: [Record<string, string | string[]>, string[]][] = [
        [aboutForm({ title: '', summary: '   ' }), ['Enter the page title', 'Enter the summary']],
        [
          aboutForm({ bodyMarkdown: 'x'.repeat(50_001) }),
          ['The page text must be 50,000 characters or fewer'],
        ],
        [
          aboutForm({ calloutHeading: 'Only a heading' }),
          ['Enter the highlighted box text, or remove its heading'],
        ],
        [aboutForm({ action: 'delete-everything' }), ['Choose preview, save draft or publish']],
        [{ ...aboutForm(), title: ['one', 'two'] }, ['Enter the page title']],
        [
          aboutForm({
            title: "'; drop table site_page; --",
            summary: '<img src=x onerror=alert(1)>',
            action: 'preview',
          }),
          [],
        ],
      ];
      for (const [fields, expected] of cases) {
        const response = await office.post(editorUrl, fields);
        const label = JSON.stringify(fields).slice(0, 120);
        assert.ok(response.statusCode < 500, label);
        assert.deepEqual(errorSummaryOf(response.body), expected, label);
        assert.doesNotMatch(response.body, /<img src=x/);
      }
      const kept = await office.post(
        editorUrl,
        aboutForm({ title: '', summary: 'Typed summary kept' }),
      );
      assert.match(kept.body, /Typed summary kept/);
      const [after] = await database.query<{ count: number }>(
        'select count(*)::int as count from site_page_revision',
      );
      assert.equal(after?.count, before?.count);
      const missingCsrf = await office.post(editorUrl, aboutForm(), { csrf: null });
      assert.equal(missingCsrf.statusCode, 403);
    });

    test('unknown pages and revisions are 404, never 500', async () => {
      for (const url of [
        '/admin/content/edit/no-such-page',
        '/admin/content/history/nothing',
        '/admin/content/revisions/abc',
        '/admin/content/revisions/99999999999999999999',
        '/admin/content/revisions/424242',
      ]) {
        const response = await office.get(url);
        assert.equal(response.statusCode, 404, url);
        assert.deepEqual(h1Texts(response.body), ['Page not found']);
      }
      const restoreUnknown = await office.post(
        '/admin/content/revisions/424242/restore',
        {},
        { formUrl: '/admin/content/edit/about' },
      );
      assert.equal(restoreUnknown.statusCode, 404);
    });
  });
}
