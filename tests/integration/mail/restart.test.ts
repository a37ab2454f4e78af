import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { Database, DatabaseEngine } from '../../../src/platform/db/database.js';
import { openEmbeddedDatabase } from '../../../src/platform/db/pglite.js';
import { openServerDatabase } from '../../../src/platform/db/postgres.js';
import { createMailServices, mailQueues } from '../../../src/platform/mail/index.js';
import { createServerSchema, serverUrl, testEngines } from '../../support/databases.js';
import {
  crashSubjects,
  dropServerSchema,
  headerOf,
  readEml,
  removeTemporaryFolders,
  silentLogger,
  temporaryFolder,
  testMailFrom,
  uniqueJobSchema,
  waitFor,
} from './support.js';

const crashScript = path.resolve('tests/integration/mail/crash-after-enqueue.ts');

interface Place {
  dataDir: string;
  jobSchema: string;
  /** On the server: the schema the "application" tables live in. */
  databaseSchema?: string;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

async function placeFor(engine: DatabaseEngine): Promise<Place> {
  // A folder that does not exist yet, as on a first start.
  const dataDir = path.join(temporaryFolder('mha-crash-'), 'data');
  if (engine === 'pglite') {
    return {
      dataDir,
      jobSchema: 'pgboss',
      open: () => openEmbeddedDatabase(dataDir),
      dispose: removeTemporaryFolders,
    };
  }
  const { schema, drop } = await createServerSchema();
  const jobSchema = uniqueJobSchema();
  return {
    dataDir,
    jobSchema,
    databaseSchema: schema,
    open: async () => openServerDatabase({ url: serverUrl(), schema }),
    async dispose() {
      await drop();
      await dropServerSchema(jobSchema);
      await removeTemporaryFolders();
    },
  };
}

/** Runs crash-after-enqueue.ts in a process of its own and resolves with how it ended. */
function runUntilKilled(engine: DatabaseEngine, place: Place) {
  const child = spawn(process.execPath, ['--import', 'tsx', crashScript], {
    env: {
      PATH: process.env.PATH,
      CRASH_ENGINE: engine,
      DATA_DIR: place.dataDir,
      JOB_SCHEMA: place.jobSchema,
      ...(place.databaseSchema
        ? { DATABASE_URL: serverUrl(), DB_SCHEMA: place.databaseSchema }
        : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, output })),
  );
}

for (const engine of testEngines()) {
  describe(`mail across a crash on ${engine}`, () => {
    test('A message queued just before the process is killed with SIGKILL is sent after restart', async () => {
      const place = await placeFor(engine);
      let database: Database | undefined;
      try {
        const crashed = await runUntilKilled(engine, place);
        assert.equal(crashed.signal, 'SIGKILL', crashed.output);

        // The restart: the database as the killed process left it, and mail delivery started.
        database = await place.open();
        const before = await database.query<{ id: string; subject: string; status: string }>(
          'select id::text as id, subject, status from mail_message order by created_at',
        );
        assert.deepEqual(
          before.map(({ subject, status }) => ({ subject, status })),
          [
            { subject: crashSubjects.beforeJobs, status: 'queued' },
            { subject: crashSubjects.withJob, status: 'queued' },
          ],
        );
        const mailFolder = path.join(place.dataDir, 'mail');
        assert.equal(existsSync(mailFolder), false, 'nothing was delivered before the kill');

        const mail = createMailServices({
          database,
          dataDir: place.dataDir,
          smtpUrl: undefined,
          mailFrom: testMailFrom,
          logger: silentLogger,
          jobSchema: place.jobSchema,
          pollIntervalMs: 100,
        });
        // The second message's delivery job was committed with it; the first has none yet.
        const pending = await mail.jobs.pendingJobs(mailQueues.delivery);
        assert.deepEqual(
          pending.map((job) => job.data),
          [{ messageId: before[1]?.id }],
        );
        await mail.start();
        try {
          const files = await waitFor('both .eml files', () => {
            const names = existsSync(mailFolder)
              ? readdirSync(mailFolder).filter((name) => name.endsWith('.eml'))
              : [];
            return names.length === 2 ? names : null;
          });
          const delivered = files
            .map((name) => readEml(path.join(mailFolder, name)) ?? '')
            .map((eml) => [headerOf(eml, 'To'), headerOf(eml, 'Subject')])
            .sort();
          assert.deepEqual(delivered, [
            ['early@example.org', crashSubjects.beforeJobs],
            ['late@example.org', crashSubjects.withJob],
          ]);
          const after = await waitFor('both messages marked sent', async () => {
            const rows = await database?.query<{ status: string; attempts: number }>(
              'select status, attempts from mail_message order by created_at',
            );
            return rows?.every((row) => row.status === 'sent') ? rows : null;
          });
          assert.deepEqual(after, [
            { status: 'sent', attempts: 1 },
            { status: 'sent', attempts: 1 },
          ]);
        } finally {
          await mail.stop();
        }
      } finally {
        await database?.close();
        await place.dispose();
      }
    });
  });
}
