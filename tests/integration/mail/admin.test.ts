import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { roles, type Role } from '../../../src/platform/auth/roles.js';
import { wcagTags } from '../../e2e/pages/public-page.js';
import { launchChromium } from '../../e2e/support/browser.js';
import { FormClient } from '../../support/browser-like.js';
import { testEngines } from '../../support/databases.js';
import { countMatches, h1Texts, textOf } from '../../support/html.js';
import { createUser, sessionFor } from '../../support/users.js';
import { buildMailTestApp, type MailTestApp } from './mail-app.js';
import { waitFor } from './support.js';

const hostileSubject = '<script>alert("subject")</script> & more';
const hostileText = 'Hello,\n<img src=x onerror=alert(1)>\nSecond line & the end.';

for (const engine of testEngines()) {
  describe(`/admin/mail on ${engine}`, () => {
    let testApp: MailTestApp;
    let admin: FormClient;
    const users = new Map<Role, { id: string }>();
    const ids: string[] = [];

    before(async () => {
      testApp = await buildMailTestApp(engine);
      const { database } = testApp.testDatabase;
      for (const role of roles) users.set(role, await createUser(database, role));
      admin = new FormClient(testApp.app);
      const adminUser = users.get('admin');
      assert.ok(adminUser);
      admin.setCookie('mha_session', await sessionFor(database, adminUser.id));
      const messages = [
        { to: 'first@example.org', subject: 'First message', text: 'The first.' },
        { to: 'second@example.org', subject: 'Second message', text: 'The second.' },
        { to: 'third@example.org', subject: hostileSubject, text: hostileText },
      ];
      for (const message of messages) {
        ids.push(await database.transaction((tx) => testApp.mail.outbox.enqueue(tx, message)));
      }
      await waitFor('every message to be sent', async () => {
        const found = await Promise.all(ids.map((id) => testApp.mail.outbox.find(id)));
        return found.every((message) => message?.status === 'sent');
      });
    });
    after(async () => {
      await testApp.close();
    });

    test('the list shows messages newest first with to, subject, status, attempts, created and sent', async () => {
      const page = await admin.get('/admin/mail');
      assert.equal(page.statusCode, 200);
      const rows = [...page.body.matchAll(/<tr class="nhsuk-table__row">([\s\S]*?)<\/tr>/g)]
        .slice(1)
        .map((row) =>
          [...(row[1] ?? '').matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) =>
            textOf(cell[1] ?? '').trim(),
          ),
        );
      assert.equal(rows.length, 3);
      assert.deepEqual(
        rows.map((cells) => cells.slice(0, 4)),
        [
          // Markup in a subject is shown as text, never run.
          [
            'third@example.org',
            '&lt;script&gt;alert("subject")&lt;/script&gt; & more',
            'Sent',
            '1',
          ],
          ['second@example.org', 'Second message', 'Sent', '1'],
          ['first@example.org', 'First message', 'Sent', '1'],
        ],
      );
      for (const cells of rows) {
        assert.match(cells[4] ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'created');
        assert.match(cells[5] ?? '', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'sent');
      }
      assert.match(page.body, new RegExp(`href="/admin/mail/${ids[0] ?? ''}"`));
    });

    test('only administrators may open the list or a message; anonymous visitors are asked to sign in', async () => {
      const urls = ['/admin/mail', `/admin/mail/${ids[0] ?? ''}`];
      for (const role of roles) {
        const user = users.get(role);
        assert.ok(user);
        const client = new FormClient(testApp.app);
        client.setCookie('mha_session', await sessionFor(testApp.testDatabase.database, user.id));
        for (const url of urls) {
          const response = await client.get(url);
          assert.equal(response.statusCode, role === 'admin' ? 200 : 403, `${role} ${url}`);
        }
      }
      for (const url of urls) {
        const anonymous = await testApp.app.inject({ method: 'GET', url });
        assert.equal(anonymous.statusCode, 303, url);
        assert.match(String(anonymous.headers.location), /^\/sign-in\?returnTo=/);
      }
    });

    test("a message's page shows its details and text, with any markup escaped", async () => {
      const page = await admin.get(`/admin/mail/${ids[2] ?? ''}`);
      assert.equal(page.statusCode, 200);
      assert.deepEqual(h1Texts(page.body), [
        '&lt;script&gt;alert(&quot;subject&quot;)&lt;/script&gt; &amp; more',
      ]);
      assert.doesNotMatch(page.body, /<script>alert/);
      assert.doesNotMatch(page.body, /<img src=x/);
      assert.match(page.body, /&lt;img src=x onerror=alert\(1\)&gt;/);
      const text = textOf(page.body);
      assert.match(text, /third@example\.org/);
      assert.match(text, /Second line & the end\./);
      assert.match(text, new RegExp(`Message-ID &lt;${ids[2] ?? ''}@mha\\.local&gt;`));
      assert.match(text, /Saved as \d{8}T\d{6}Z-[0-9a-f-]{36}\.eml/);
    });

    test('a malformed, unknown or out-of-range address gets the 404 page, never a 500', async () => {
      const urls = [
        '/admin/mail/not-a-message',
        '/admin/mail/00000000-0000-0000-0000-000000000000',
        `/admin/mail/${ids[0] ?? ''}x`,
        "/admin/mail/1'%20or%20'1'='1",
        '/admin/mail/%E2%80%AE',
        '/admin/mail/:id',
        '/admin/mail?page=0',
        '/admin/mail?page=two',
        '/admin/mail?page=2',
        '/admin/mail?page=1&page=2',
      ];
      for (const url of urls) {
        const response = await admin.get(url);
        assert.equal(response.statusCode, 404, url);
        assert.deepEqual(h1Texts(response.body), ['Page not found'], url);
      }
    });

    test('each page has one h1 and the table a caption', async () => {
      const list = await admin.get('/admin/mail');
      assert.equal(countMatches(list.body, /<h1\b/), 1);
      assert.match(
        list.body,
        /<caption class="nhsuk-table__caption"[^>]*>Messages, newest first<\/caption>/,
      );
      const message = await admin.get(`/admin/mail/${ids[0] ?? ''}`);
      assert.equal(countMatches(message.body, /<h1\b/), 1);
    });

    if (engine === 'pglite') {
      test('axe finds no WCAG 2.2 AA problem on the list or on a message in Chromium', async () => {
        await testApp.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = testApp.app.server.address() as AddressInfo;
        const baseUrl = `http://127.0.0.1:${port}`;
        const browser = await launchChromium();
        try {
          const context = await browser.newContext();
          const adminUser = users.get('admin');
          assert.ok(adminUser);
          await context.addCookies([
            {
              name: 'mha_session',
              value: await sessionFor(testApp.testDatabase.database, adminUser.id),
              url: baseUrl,
            },
          ]);
          const page = await context.newPage();
          for (const url of ['/admin/mail', `/admin/mail/${ids[2] ?? ''}`]) {
            const response = await page.goto(`${baseUrl}${url}`);
            assert.equal(response?.status(), 200, url);
            const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
            assert.deepEqual(
              results.violations.map((violation) => `${violation.id}: ${violation.help}`),
              [],
              url,
            );
          }
        } finally {
          await browser.close();
        }
      });
    }
  });
}
