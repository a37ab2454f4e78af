import type { Database } from '../db/database.js';
import { JobRunner, type JobLogger } from '../jobs/job-runner.js';
import { isDeliveryJob, MailDelivery } from './delivery.js';
import { mailQueues, MailOutbox } from './outbox.js';
import { createMailTransport, type MailTransport } from './transports.js';

export { MailBusyError, MailDelivery, type DeliveryOutcome } from './delivery.js';
export {
  InvalidMailError,
  isMailId,
  type MailMessage,
  type MailStatus,
  type MailSummary,
  type OutgoingMail,
} from './message.js';
export { mailQueues, MailOutbox, type DeliveryJob } from './outbox.js';
export {
  createMailTransport,
  EmlFolderTransport,
  isPermanentFailure,
  SmtpTransport,
  type DeliveryReceipt,
  type MailTransport,
} from './transports.js';

/** How often a failing message is tried, and how the wait between tries grows. */
export interface MailRetryPolicy {
  /** Attempts in all before a message is marked failed. */
  attempts: number;
  delaySeconds: number;
  backoff: boolean;
}

// 8 attempts, 30 s doubling with jitter: retries spread over roughly one to two hours.
export const defaultMailRetryPolicy: MailRetryPolicy = {
  attempts: 8,
  delaySeconds: 30,
  backoff: true,
};

// SMTP timeouts end an attempt within about a minute; an attempt older than this has crashed.
const attemptExpirySeconds = 120;

export interface MailServicesOptions {
  database: Database;
  /** `.eml` files go to `dataDir/mail` when there is no SMTP server. */
  dataDir: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  logger: JobLogger;
  /** A job runner shared with other features; by default the mail services make (and own) one. */
  jobs?: JobRunner;
  /** pg-boss's schema when the mail services make the job runner (see JobRunnerOptions). */
  jobSchema?: string;
  pollIntervalMs?: number;
  retry?: Partial<MailRetryPolicy>;
  /** How often to look for queued messages that have no delivery job. */
  sweepIntervalSeconds?: number;
  /** Replaces the SMTP or .eml transport chosen from the settings (tests). */
  transport?: MailTransport;
}

export interface MailServices {
  outbox: MailOutbox;
  delivery: MailDelivery;
  jobs: JobRunner;
  /** Starts the jobs (when owned) and queues delivery of any message left queued. */
  start(): Promise<void>;
  /** Stops taking jobs, lets deliveries in progress finish, closes the transport. */
  stop(): Promise<void>;
}

/** Declares the mail queues on a job runner (before it starts), with the retry policy. */
export function defineMailQueues(jobs: JobRunner, retry: MailRetryPolicy = defaultMailRetryPolicy) {
  jobs.defineQueue(mailQueues.delivery, {
    // pg-boss retries a failed attempt up to this many times; the outbox row counts attempts
    // too and has the last word (it marks the message failed after `retry.attempts`).
    retryLimit: Math.max(0, retry.attempts - 1),
    retryDelaySeconds: retry.delaySeconds,
    retryBackoff: retry.backoff,
    expireInSeconds: attemptExpirySeconds,
  });
  jobs.defineQueue(mailQueues.sweep, {
    retryLimit: 0,
    retryDelaySeconds: 0,
    retryBackoff: false,
    expireInSeconds: 60,
  });
}

/** Builds the outbox, its delivery job and the transport the settings ask for. */
export function createMailServices(options: MailServicesOptions): MailServices {
  const retry = { ...defaultMailRetryPolicy, ...options.retry };
  const ownsJobs = options.jobs === undefined;
  const jobs =
    options.jobs ??
    new JobRunner({
      database: options.database,
      logger: options.logger,
      ...(options.jobSchema ? { schema: options.jobSchema } : {}),
      ...(options.pollIntervalMs ? { pollIntervalMs: options.pollIntervalMs } : {}),
    });
  const transport = options.transport ?? createMailTransport(options);
  const outbox = new MailOutbox(options.database, jobs);
  const delivery = new MailDelivery({
    database: options.database,
    jobs,
    transport,
    logger: options.logger,
    maxAttempts: retry.attempts,
    leaseSeconds: attemptExpirySeconds,
  });

  defineMailQueues(jobs, retry);
  jobs.work(mailQueues.delivery, async (data) => {
    if (!isDeliveryJob(data)) {
      options.logger.warn({ data }, 'ignored a malformed mail delivery job');
      return;
    }
    await delivery.deliver(data.messageId);
  });
  jobs.work(mailQueues.sweep, async () => {
    await delivery.sweep();
  });

  let started = false;
  return {
    outbox,
    delivery,
    jobs,
    async start() {
      if (started) return;
      // A shared job runner is started by its owner, before this.
      if (ownsJobs) await jobs.start();
      await delivery.sweep();
      jobs.every(mailQueues.sweep, options.sweepIntervalSeconds ?? 60);
      started = true;
      options.logger.info({ transport: transport.description }, 'mail delivery started');
    },
    async stop() {
      if (ownsJobs) await jobs.stop();
      transport.close();
      started = false;
    },
  };
}
