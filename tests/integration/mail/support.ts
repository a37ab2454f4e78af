import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { DatabaseEngine } from '../../../src/platform/db/database.js';
import { migrate } from '../../../src/platform/db/migrate.js';
import type { JobLogger } from '../../../src/platform/jobs/job-runner.js';
import {
  createMailServices,
  type MailServices,
  type MailServicesOptions,
} from '../../../src/platform/mail/index.js';
import { createTestDatabase, serverUrl, type TestDatabase } from '../../support/databases.js';

/** The two messages crash-after-enqueue.ts queues before it kills itself. */
export const crashSubjects = {
  beforeJobs: 'Queued before jobs started',
  withJob: 'Queued with its delivery job',
} as const;

export const silentLogger: JobLogger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  message: string;
  details: object;
}

/** A logger that keeps what it is told, for tests that check what was reported. */
export function recordingLogger(): JobLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const record = (level: LogEntry['level']) => (details: object, message: string) => {
    entries.push({ level, message, details });
  };
  return { entries, info: record('info'), warn: record('warn'), error: record('error') };
}

/** Few, quick retries, so that tests about failure take seconds rather than hours. */
export const quickRetry = { attempts: 3, delaySeconds: 1, backoff: true };

export const testMailFrom = 'Midlands Health Alliance <no-reply@mha.local>';

const temporaryFolders: string[] = [];

/** A new folder under the system's temporary folder, removed by `removeTemporaryFolders()`. */
export function temporaryFolder(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

export async function removeTemporaryFolders(): Promise<void> {
  for (const folder of temporaryFolders.splice(0)) {
    await rm(folder, { recursive: true, force: true });
  }
}

export interface MailTestDatabase extends TestDatabase {
  /** pg-boss's schema: its own per suite on the shared server, so queues never meet. */
  jobSchema: string;
}

export async function dropServerSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    await client.query(`drop schema if exists ${schema} cascade`);
  } finally {
    await client.end();
  }
}

export function uniqueJobSchema(): string {
  return `jobs_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** A migrated database of the test's own and, on the server, a pg-boss schema of its own. */
export async function createMailTestDatabase(engine: DatabaseEngine): Promise<MailTestDatabase> {
  const testDatabase = await createTestDatabase(engine);
  // PGlite clones come migrated; a new schema on the server starts empty, as on a first start.
  await migrate(testDatabase.database);
  const jobSchema = engine === 'pglite' ? 'pgboss' : uniqueJobSchema();
  return {
    ...testDatabase,
    jobSchema,
    async dispose() {
      await testDatabase.dispose();
      if (engine === 'postgres') await dropServerSchema(jobSchema);
      await removeTemporaryFolders();
    },
  };
}

/** Mail services on a test database, writing .eml files into a fresh DATA_DIR, polling fast. */
export function mailServicesFor(
  testDatabase: MailTestDatabase,
  options: Partial<MailServicesOptions> = {},
): { mail: MailServices; dataDir: string } {
  const dataDir = options.dataDir ?? temporaryFolder('mha-mail-');
  const mail = createMailServices({
    database: testDatabase.database,
    dataDir,
    smtpUrl: undefined,
    mailFrom: testMailFrom,
    logger: silentLogger,
    jobSchema: testDatabase.jobSchema,
    pollIntervalMs: 100,
    ...options,
  });
  return { mail, dataDir };
}

/** Polls `check` until it gives a value, or fails after `timeoutMs` saying what it waited for. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The text of an .eml file once it exists, or null. */
export function readEml(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** A header's value from an RFC 5322 message (first occurrence, unfolded). */
export function headerOf(eml: string, name: string): string | undefined {
  const head = eml.split('\r\n\r\n')[0] ?? '';
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded
    .split('\r\n')
    .find((header) => header.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line?.slice(name.length + 1).trim();
}
