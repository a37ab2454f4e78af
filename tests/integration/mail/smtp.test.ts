import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import type { MailServices } from '../../../src/platform/mail/index.js';
import { testEngines } from '../../support/databases.js';
import { FakeSmtpServer, type SmtpReplies } from './fake-smtp-server.js';
import {
  createMailTestDatabase,
  headerOf,
  mailServicesFor,
  quickRetry,
  waitFor,
  type MailTestDatabase,
} from './support.js';

const accepted = { rcpt: '250 2.1.5 OK', data: '250 2.0.0 Accepted' };
const tryLater = { rcpt: '250 2.1.5 OK', data: '451 4.3.0 Mail server busy, try later' };
const noSuchUser = { rcpt: '550 5.1.1 No such user here', data: '554 5.0.0 No' };

for (const engine of testEngines()) {
  describe(`mail by SMTP on ${engine}`, () => {
    let testDatabase: MailTestDatabase;
    const cleanups: (() => Promise<void>)[] = [];

    before(async () => {
      testDatabase = await createMailTestDatabase(engine);
    });
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });
    after(async () => {
      await testDatabase.dispose();
    });

    async function withSmtpServer(replies: SmtpReplies) {
      const server = new FakeSmtpServer(replies);
      await server.start();
      cleanups.push(() => server.stop());
      const { mail, dataDir } = mailServicesFor(testDatabase, {
        smtpUrl: server.url,
        retry: quickRetry,
      });
      await mail.start();
      cleanups.push(() => mail.stop());
      return { server, mail, dataDir };
    }

    const enqueue = (mail: MailServices, to: string, subject: string) =>
      testDatabase.database.transaction((tx) =>
        mail.outbox.enqueue(tx, { to, subject, text: `About: ${subject}` }),
      );

    test('with SMTP_URL set, a message is sent to the SMTP server and no file is written', async () => {
      const { server, mail, dataDir } = await withSmtpServer(() => accepted);
      const id = await enqueue(mail, 'investigator@example.org', 'Feasibility request received');
      const message = await waitFor('the message to be sent', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'sent' ? found : null;
      });
      assert.equal(message.fileName, null);
      assert.equal(server.received.length, 1);
      const [received] = server.received;
      assert.ok(received);
      assert.equal(received.from, 'no-reply@mha.local');
      assert.deepEqual(received.to, ['investigator@example.org']);
      assert.equal(headerOf(received.data, 'Subject'), 'Feasibility request received');
      assert.equal(headerOf(received.data, 'Message-ID'), `<${id}@mha.local>`);
      assert.equal(existsSync(path.join(dataDir, 'mail')), false);
    });

    test('a temporary SMTP failure is retried and recorded in last_error, and the message is sent later', async () => {
      const { server, mail } = await withSmtpServer((transaction) =>
        transaction < 3 ? tryLater : accepted,
      );
      const id = await enqueue(mail, 'office@example.org', 'Sent on the third attempt');
      const message = await waitFor('the message to be sent', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'sent' ? found : null;
      });
      assert.equal(message.attempts, 3);
      assert.match(message.lastError ?? '', /451 4\.3\.0 Mail server busy/);
      assert.equal(server.transactions, 3);
      assert.equal(server.received.length, 1);
    });

    test('a server that keeps failing gets the message marked failed after the last attempt', async () => {
      const { server, mail } = await withSmtpServer(() => tryLater);
      const id = await enqueue(mail, 'office@example.org', 'Never accepted');
      const message = await waitFor('the message to be marked failed', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'failed' ? found : null;
      });
      assert.equal(message.attempts, quickRetry.attempts);
      assert.match(message.lastError ?? '', /451/);
      assert.equal(server.transactions, quickRetry.attempts);
    });

    test('a recipient the server refuses outright (5xx) is marked failed at once, without retries', async () => {
      const { server, mail } = await withSmtpServer(() => noSuchUser);
      const id = await enqueue(mail, 'gone@example.org', 'To an address that does not exist');
      const message = await waitFor('the message to be marked failed', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'failed' ? found : null;
      });
      assert.equal(message.attempts, 1);
      assert.match(message.lastError ?? '', /550 5\.1\.1 No such user here/);
      // Long enough for a first retry, had there been one.
      await new Promise((resolve) => setTimeout(resolve, 2_500));
      assert.equal(server.transactions, 1);
    });
  });
}
