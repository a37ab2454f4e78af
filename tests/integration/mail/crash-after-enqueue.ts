/**
 * Run as a child process by restart.test.ts: opens the database the way the server does,
 * migrates, queues two messages and kills itself with SIGKILL the moment the second commits.
 *
 * - "before jobs" is queued before the job runner has started, so only its outbox row exists
 *   (as when mail is queued during start-up): the start-up sweep must find it.
 * - "with job" is queued with the job runner running, so its delivery job is committed in the
 *   same transaction: pg-boss must hand it to a worker after the restart.
 *
 * No worker runs here, so nothing can be delivered before the kill.
 */
import type { Database } from '../../../src/platform/db/database.js';
import { migrate } from '../../../src/platform/db/migrate.js';
import { openEmbeddedDatabase } from '../../../src/platform/db/pglite.js';
import { openServerDatabase } from '../../../src/platform/db/postgres.js';
import { JobRunner } from '../../../src/platform/jobs/job-runner.js';
import { defineMailQueues, MailOutbox } from '../../../src/platform/mail/index.js';
import { crashSubjects, silentLogger } from './support.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

async function openDatabase(): Promise<Database> {
  if (required('CRASH_ENGINE') === 'postgres') {
    return openServerDatabase({ url: required('DATABASE_URL'), schema: required('DB_SCHEMA') });
  }
  return openEmbeddedDatabase(required('DATA_DIR'));
}

const database = await openDatabase();
await migrate(database);
const jobs = new JobRunner({ database, logger: silentLogger, schema: required('JOB_SCHEMA') });
defineMailQueues(jobs);
const outbox = new MailOutbox(database, jobs);

await database.transaction((tx) =>
  outbox.enqueue(tx, {
    to: 'early@example.org',
    subject: crashSubjects.beforeJobs,
    text: 'Stored while jobs were not running.',
  }),
);
await jobs.start();
await database.transaction((tx) =>
  outbox.enqueue(tx, {
    to: 'late@example.org',
    subject: crashSubjects.withJob,
    text: 'Stored with its delivery job.',
  }),
);
// No graceful anything: the process ends here as if the machine lost power.
process.kill(process.pid, 'SIGKILL');
