import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import {
  EmlFolderTransport,
  InvalidMailError,
  MailBusyError,
  mailQueues,
  type MailServices,
  type MailTransport,
} from '../../../src/platform/mail/index.js';
import { testEngines } from '../../support/databases.js';
import {
  createMailTestDatabase,
  headerOf,
  mailServicesFor,
  quickRetry,
  readEml,
  testMailFrom,
  waitFor,
  type MailTestDatabase,
} from './support.js';

for (const engine of testEngines()) {
  describe(`mail outbox and delivery on ${engine}`, () => {
    let testDatabase: MailTestDatabase;
    const running: MailServices[] = [];

    before(async () => {
      testDatabase = await createMailTestDatabase(engine);
    });
    afterEach(async () => {
      for (const mail of running.splice(0)) await mail.stop();
    });
    after(async () => {
      await testDatabase.dispose();
    });

    const started = async (options: Parameters<typeof mailServicesFor>[1] = {}) => {
      const services = mailServicesFor(testDatabase, options);
      await services.mail.start();
      running.push(services.mail);
      return services;
    };

    const messageCount = async (subject: string) => {
      const [row] = await testDatabase.database.query<{ count: number }>(
        'select count(*)::int as count from mail_message where subject = $1',
        [subject],
      );
      return row?.count ?? 0;
    };

    test('a message enqueued in a transaction that rolls back leaves no message and no job', async () => {
      const { mail } = await started();
      const jobsBefore = await mail.jobs.pendingJobs(mailQueues.delivery);
      await assert.rejects(
        testDatabase.database.transaction(async (tx) => {
          await mail.outbox.enqueue(tx, {
            to: 'nobody@example.org',
            subject: 'Never to be sent',
            text: 'The change that caused this failed.',
          });
          throw new Error('the change failed');
        }),
        /the change failed/,
      );
      assert.equal(await messageCount('Never to be sent'), 0);
      assert.deepEqual(await mail.jobs.pendingJobs(mailQueues.delivery), jobsBefore);
    });

    test('an enqueued message is written to DATA_DIR/mail as an .eml file with its To and Subject, and marked sent', async () => {
      const { mail, dataDir } = await started();
      const id = await testDatabase.database.transaction((tx) =>
        mail.outbox.enqueue(tx, {
          to: 'jo.bloggs@example.org',
          subject: 'Your invitation to the Midlands Health Alliance',
          text: 'Hello Jo,\n\nYou have been invited.\n',
          html: '<p>Hello Jo,</p><p>You have been invited.</p>',
        }),
      );
      const message = await waitFor('the message to be sent', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'sent' ? found : null;
      });
      assert.equal(message.attempts, 1);
      assert.ok(message.sentAt);
      assert.equal(message.lastError, null);
      assert.equal(message.messageId, `<${id}@mha.local>`);
      assert.equal(message.fileName, EmlFolderTransport.fileNameFor(message));

      const folder = path.join(dataDir, 'mail');
      assert.deepEqual(readdirSync(folder), [message.fileName]);
      const eml = readEml(path.join(folder, message.fileName));
      assert.ok(eml);
      assert.equal(headerOf(eml, 'To'), 'jo.bloggs@example.org');
      assert.equal(headerOf(eml, 'Subject'), 'Your invitation to the Midlands Health Alliance');
      assert.equal(headerOf(eml, 'From'), testMailFrom);
      assert.equal(headerOf(eml, 'Message-ID'), message.messageId);
      assert.match(headerOf(eml, 'Content-Type') ?? '', /^multipart\/alternative/);
      assert.match(eml, /Hello Jo,\r\n\r\nYou have been invited\./);
      assert.doesNotMatch(eml, /[^\r]\n/, 'every line ends in CRLF');
    });

    test('a message stored while jobs were not running is found by the start-up sweep and sent', async () => {
      const { mail, dataDir } = mailServicesFor(testDatabase);
      running.push(mail);
      const id = await testDatabase.database.transaction((tx) =>
        mail.outbox.enqueue(tx, {
          to: 'early@example.org',
          subject: 'Queued during start-up',
          text: 'Stored before the jobs started.',
        }),
      );
      const pending = await mail.jobs.pendingJobs(mailQueues.delivery).catch(() => []);
      assert.ok(!pending.some((job) => JSON.stringify(job.data).includes(id)), 'no job yet');
      await mail.start();
      const message = await waitFor('the swept message to be sent', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'sent' ? found : null;
      });
      assert.ok(message.fileName);
      assert.ok(readEml(path.join(dataDir, 'mail', message.fileName)));
    });

    test('delivering the same message twice, even at once, hands it over only once', async () => {
      let handedOver = 0;
      const { mail, dataDir } = mailServicesFor(testDatabase);
      const files = new EmlFolderTransport(path.join(dataDir, 'mail'), testMailFrom);
      const counting: MailTransport = {
        description: 'counting',
        async deliver(message) {
          handedOver += 1;
          await new Promise((resolve) => setTimeout(resolve, 50));
          return files.deliver(message);
        },
        close: () => files.close(),
      };
      // Not started: this test drives delivery itself, as two workers would.
      const { mail: twice } = mailServicesFor(testDatabase, { dataDir, transport: counting });
      const id = await testDatabase.database.transaction((tx) =>
        mail.outbox.enqueue(tx, { to: 'once@example.org', subject: 'Only once', text: 'Once.' }),
      );
      const outcomes = await Promise.allSettled([
        twice.delivery.deliver(id),
        twice.delivery.deliver(id),
      ]);
      assert.equal(handedOver, 1);
      const fulfilled = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value] : [],
      );
      const rejected = outcomes.flatMap((outcome) =>
        outcome.status === 'rejected' ? [outcome.reason as unknown] : [],
      );
      assert.ok(fulfilled.includes('sent'), JSON.stringify(outcomes));
      assert.ok(
        rejected.every((reason) => reason instanceof MailBusyError),
        'the other attempt waits',
      );
      assert.equal(await twice.delivery.deliver(id), 'already-done');
      assert.equal(handedOver, 1);
      assert.equal((await mail.outbox.find(id))?.attempts, 1);
    });

    test('a failing transport is retried with backoff, each error recorded, until the message is marked failed', async () => {
      const attemptsSeen: number[] = [];
      const failing: MailTransport = {
        description: 'always failing',
        async deliver() {
          attemptsSeen.push(Date.now());
          throw new Error(`connection refused (attempt ${attemptsSeen.length})`);
        },
        close: () => undefined,
      };
      const { mail } = await started({ transport: failing, retry: quickRetry });
      const id = await testDatabase.database.transaction((tx) =>
        mail.outbox.enqueue(tx, { to: 'retry@example.org', subject: 'Try again', text: 'Retry.' }),
      );
      const afterFirst = await waitFor('the first failure to be recorded', async () => {
        const found = await mail.outbox.find(id);
        return found?.lastError ? found : null;
      });
      assert.equal(afterFirst.status, 'queued');
      assert.equal(afterFirst.lastError, 'connection refused (attempt 1)');

      const failed = await waitFor('the message to be marked failed', async () => {
        const found = await mail.outbox.find(id);
        return found?.status === 'failed' ? found : null;
      });
      assert.equal(failed.attempts, quickRetry.attempts);
      assert.equal(failed.lastError, `connection refused (attempt ${quickRetry.attempts})`);
      assert.equal(failed.sentAt, null);
      assert.equal(attemptsSeen.length, quickRetry.attempts);
      // Backoff: the wait before the second retry is at least twice the retry delay.
      const [first = 0, second = 0, third = 0] = attemptsSeen;
      assert.ok(second - first >= 900, `first retry after ${second - first} ms`);
      assert.ok(third - second >= 1_900, `second retry after ${third - second} ms`);
    });

    test('mail with a line break in a header field, or no valid address, is refused and not stored', async () => {
      const { mail } = mailServicesFor(testDatabase);
      await assert.rejects(
        testDatabase.database.transaction((tx) =>
          mail.outbox.enqueue(tx, {
            to: 'victim@example.org',
            subject: 'Hello\r\nBcc: everyone@example.org',
            text: 'Injected.',
          }),
        ),
        (error: unknown) =>
          error instanceof InvalidMailError && error.problems.includes('subject must be one line'),
      );
      await assert.rejects(
        testDatabase.database.transaction((tx) =>
          mail.outbox.enqueue(tx, { to: 'not an address', subject: 'Hello', text: 'Hi.' }),
        ),
        InvalidMailError,
      );
      assert.equal(await messageCount('Hello'), 0);
    });
  });
}
