import PgBoss from 'pg-boss';
import type { Database, Queryable } from '../db/database.js';
import { pgBossDatabaseFor } from './database-adapter.js';

/** What the job runner needs to report: satisfied by Fastify's (pino) logger. */
export interface JobLogger {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

/** How a queue's failed jobs are tried again, and how long one attempt may stay active. */
export interface QueuePolicy {
  /** Further attempts after the first one fails. */
  retryLimit: number;
  retryDelaySeconds: number;
  /** Doubles the delay (with jitter) after each failure. */
  retryBackoff: boolean;
  /** An attempt still active after this long (e.g. its process died) is failed and retried. */
  expireInSeconds: number;
}

export interface JobContext {
  id: string;
  queue: string;
  /** 0 on the first attempt. */
  retryCount: number;
  retryLimit: number;
}

/** Does the work of one job; a rejection fails the attempt, and pg-boss retries it by policy. */
export type JobHandler = (data: unknown, job: JobContext) => Promise<void>;

export interface JobRunnerOptions {
  database: Database;
  logger: JobLogger;
  /**
   * The PostgreSQL schema pg-boss keeps its tables in. One per database; test suites that share
   * a PostgreSQL server each pass their own so their queues never meet.
   */
  schema?: string;
  /** How often an idle worker asks for new jobs. */
  pollIntervalMs?: number;
  /** How long `stop()` waits for jobs in progress before leaving them to expire and retry. */
  stopTimeoutMs?: number;
  /** How often pg-boss expires attempts that have run too long (e.g. their process died). */
  maintenanceIntervalSeconds?: number;
}

export interface SendOptions {
  /** Not before this many seconds from now. */
  startAfterSeconds?: number;
  /** At most one job per this many seconds for the same queue and key, across all instances. */
  singletonSeconds?: number;
  singletonKey?: string;
}

export interface PendingJob {
  id: string;
  data: unknown;
}

interface Worker {
  queue: string;
  handler: JobHandler;
}

/** A sleep that `wake()` ends early: how an idle worker is told to look again at once. */
class Nap {
  private timer: NodeJS.Timeout | undefined;
  private resolve: (() => void) | undefined;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.resolve = resolve;
      this.timer = setTimeout(resolve, ms);
    });
  }

  wake() {
    clearTimeout(this.timer);
    this.resolve?.();
  }
}

function toSendOptions(options: SendOptions, db?: PgBoss.Db): PgBoss.SendOptions {
  return {
    ...(options.startAfterSeconds ? { startAfter: options.startAfterSeconds } : {}),
    ...(options.singletonSeconds ? { singletonSeconds: options.singletonSeconds } : {}),
    ...(options.singletonKey ? { singletonKey: options.singletonKey } : {}),
    ...(db ? { db } : {}),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Background jobs kept in the database by pg-boss, on either engine. Jobs are rows, so they
 * survive a restart; an attempt interrupted by a crash expires and is tried again.
 *
 * Workers are our own small loops over pg-boss's fetch, complete and fail, rather than
 * `boss.work()`, because that does not await (or catch) the completion of a job: a database
 * error at that moment would be an unhandled rejection that ends the process.
 */
export class JobRunner {
  private readonly boss: PgBoss;
  private readonly schema: string;
  private readonly queues = new Map<string, QueuePolicy>();
  private readonly workers: Worker[] = [];
  private readonly naps = new Map<string, Nap[]>();
  private readonly loops: Promise<void>[] = [];
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly pollIntervalMs: number;
  private readonly stopTimeoutMs: number;
  private readonly logger: JobLogger;
  private state: 'stopped' | 'starting' | 'started' | 'stopping' = 'stopped';

  constructor(options: JobRunnerOptions) {
    this.schema = options.schema ?? 'pgboss';
    this.pollIntervalMs = options.pollIntervalMs ?? 2_000;
    this.stopTimeoutMs = options.stopTimeoutMs ?? 8_000;
    this.logger = options.logger;
    this.boss = new PgBoss({
      db: pgBossDatabaseFor(options.database),
      schema: this.schema,
      // Recurring work is started by `every()`; pg-boss's cron clock is not needed.
      schedule: false,
      supervise: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 60,
    });
    // Without a listener an 'error' event would end the process.
    this.boss.on('error', (error) => this.logger.error({ err: error }, 'background jobs error'));
  }

  get started(): boolean {
    return this.state === 'started';
  }

  /** Declares a queue; queues are created (or their policy updated) by `start()`. */
  defineQueue(queue: string, policy: QueuePolicy): void {
    if (this.state !== 'stopped') throw new Error(`define queue ${queue} before start()`);
    this.queues.set(queue, policy);
  }

  /** Runs `handler` for each job of `queue`, one at a time, from `start()` until `stop()`. */
  work(queue: string, handler: JobHandler): void {
    if (this.state !== 'stopped')
      throw new Error(`register the worker for ${queue} before start()`);
    if (!this.queues.has(queue)) throw new Error(`queue ${queue} is not defined`);
    this.workers.push({ queue, handler });
  }

  /** Creates pg-boss's tables when missing, the declared queues, and starts the workers. */
  async start(): Promise<void> {
    if (this.state !== 'stopped') return;
    this.state = 'starting';
    try {
      await this.boss.start();
      for (const [queue, policy] of this.queues) {
        const options: PgBoss.Queue = {
          name: queue,
          retryLimit: policy.retryLimit,
          retryDelay: policy.retryDelaySeconds,
          retryBackoff: policy.retryBackoff,
          expireInSeconds: policy.expireInSeconds,
        };
        await this.boss.createQueue(queue, options);
        // createQueue leaves an existing queue alone; this applies a changed policy.
        await this.boss.updateQueue(queue, options);
      }
    } catch (error) {
      this.state = 'stopped';
      await this.boss.stop({ graceful: false, close: false }).catch(() => undefined);
      throw error;
    }
    this.state = 'started';
    for (const worker of this.workers) this.loops.push(this.runWorker(worker));
  }

  /**
   * Stops taking new jobs, waits (up to the stop timeout) for the ones in progress, then stops
   * pg-boss. The database itself is left open: it belongs to the caller.
   */
  async stop(): Promise<void> {
    if (this.state !== 'started') return;
    this.state = 'stopping';
    for (const timer of this.timers) clearInterval(timer);
    for (const nap of [...this.naps.values()].flat()) nap.wake();
    let timeout: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<'timeout'>((resolve) => {
      timeout = setTimeout(() => resolve('timeout'), this.stopTimeoutMs);
    });
    const outcome = await Promise.race([Promise.all(this.loops), gaveUp]);
    clearTimeout(timeout);
    if (outcome === 'timeout') {
      this.logger.warn(
        { timeoutMs: this.stopTimeoutMs },
        'jobs still running at shutdown; they will expire and be retried',
      );
    }
    await this.boss.stop({ graceful: false, close: false, wait: true });
    this.loops.length = 0;
    this.state = 'stopped';
  }

  /** Adds a job now, in its own statement. Resolves with its id (null if a singleton exists). */
  async send(queue: string, data: object, options: SendOptions = {}): Promise<string | null> {
    const id = await this.boss.send(queue, data, toSendOptions(options));
    this.wake(queue);
    return id;
  }

  /**
   * Adds a job inside the caller's open transaction, so the job exists if and only if the
   * change that caused it is committed. Before `start()` the queue may not exist yet, so nothing
   * is added (null): whoever uses this must also find unfinished work at start-up.
   */
  async sendWithin(
    tx: Queryable,
    queue: string,
    data: object,
    options: SendOptions = {},
  ): Promise<string | null> {
    if (this.state !== 'started') return null;
    return this.boss.send(queue, data, toSendOptions(options, pgBossDatabaseFor(tx)));
  }

  /** Sends a job to `queue` every `seconds`, at most one per period across all instances. */
  every(queue: string, seconds: number): void {
    if (this.state !== 'started') throw new Error(`start() before scheduling ${queue}`);
    const timer = setInterval(() => {
      this.send(queue, {}, { singletonSeconds: seconds, singletonKey: queue }).catch(
        (error: unknown) => this.logger.warn({ err: error, queue }, 'could not schedule a job'),
      );
    }, seconds * 1_000);
    timer.unref();
    this.timers.push(timer);
  }

  /** Jobs of `queue` not yet finished: waiting, waiting to retry, or in progress. */
  async pendingJobs(queue: string): Promise<PendingJob[]> {
    const db = this.boss.getDb();
    // The schema name was checked by pg-boss (letters, digits and underscores only).
    const { rows } = await db.executeSql(
      `select id::text as id, data from ${this.schema}.job where name = $1 and state < 'completed'`,
      [queue],
    );
    return (rows as { id: string; data: unknown }[]).map((row) => ({ id: row.id, data: row.data }));
  }

  private wake(queue: string) {
    for (const nap of this.naps.get(queue) ?? []) nap.wake();
  }

  private async runWorker({ queue, handler }: Worker): Promise<void> {
    const nap = new Nap();
    this.naps.set(queue, [...(this.naps.get(queue) ?? []), nap]);
    while (this.state === 'started') {
      let job: PgBoss.JobWithMetadata | undefined;
      try {
        [job] = await this.boss.fetch(queue, { batchSize: 1, includeMetadata: true });
      } catch (error) {
        this.logger.warn({ err: error, queue }, 'could not fetch jobs');
      }
      if (!job) {
        await nap.sleep(this.pollIntervalMs);
        continue;
      }
      const context: JobContext = {
        id: job.id,
        queue,
        retryCount: job.retryCount,
        retryLimit: job.retryLimit,
      };
      let failure: unknown;
      let succeeded = false;
      try {
        await handler(job.data, context);
        succeeded = true;
      } catch (error) {
        failure = error;
      }
      try {
        if (succeeded) await this.boss.complete(queue, job.id);
        else await this.boss.fail(queue, job.id, { message: messageOf(failure) });
      } catch (error) {
        // The job stays active, expires and is retried: a second run must be harmless.
        this.logger.warn({ err: error, queue, jobId: job.id }, 'could not record a job outcome');
      }
      if (!succeeded) {
        this.logger.warn(
          { err: failure, queue, jobId: job.id, retryCount: job.retryCount },
          'job attempt failed',
        );
      }
    }
  }
}
