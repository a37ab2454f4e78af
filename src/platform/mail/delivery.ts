import type { Database } from '../db/database.js';
import type { JobLogger, JobRunner } from '../jobs/job-runner.js';
import { isMailId, type MailForDelivery } from './message.js';
import { mailQueues, type DeliveryJob } from './outbox.js';
import { isPermanentFailure, type DeliveryReceipt, type MailTransport } from './transports.js';

export type DeliveryOutcome = 'sent' | 'failed' | 'already-done' | 'not-found';

/** Another attempt holds the message right now; this one is tried again later. */
export class MailBusyError extends Error {
  constructor(messageId: string) {
    super(`message ${messageId} is being delivered by another attempt`);
    this.name = 'MailBusyError';
  }
}

export interface MailDeliveryOptions {
  database: Database;
  jobs: JobRunner;
  transport: MailTransport;
  logger: JobLogger;
  /** Attempts in all, after which a message that still fails is marked failed. */
  maxAttempts: number;
  /** How long one attempt holds a message; a crashed attempt's hold runs out after this. */
  leaseSeconds: number;
}

interface ClaimedRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string | null;
  created_at: Date;
  attempts: number;
}

const maxErrorLength = 2_000;

export function isDeliveryJob(data: unknown): data is DeliveryJob {
  return (
    typeof data === 'object' &&
    data !== null &&
    isMailId((data as { messageId?: unknown }).messageId)
  );
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength - 1)}…` : text;
}

/**
 * Sends queued messages. Each delivery first claims its message with one atomic update (status
 * still queued, nobody else holding it), so a job that runs twice, or two instances, send it
 * once in the normal course; only a crash between handing a message over and recording it can
 * send it twice (at-least-once delivery).
 */
export class MailDelivery {
  constructor(private readonly options: MailDeliveryOptions) {}

  get transportDescription(): string {
    return this.options.transport.description;
  }

  /**
   * Delivers one message. Resolves when there is nothing more to do (sent, failed for good, or
   * already done); rejects when the attempt failed and should be retried.
   */
  async deliver(messageId: string): Promise<DeliveryOutcome> {
    const { database, transport, logger, maxAttempts, leaseSeconds } = this.options;
    const [claimed] = await database.query<ClaimedRow>(
      `update mail_message
          set attempts = attempts + 1,
              locked_until = now() + make_interval(secs => $2)
        where id = $1 and status = 'queued' and (locked_until is null or locked_until < now())
        returning id::text as id, to_address, subject, body_text, body_html, created_at, attempts`,
      [messageId, leaseSeconds],
    );
    if (!claimed) {
      const [current] = await database.query<{ status: string }>(
        'select status from mail_message where id = $1',
        [messageId],
      );
      if (!current) {
        logger.warn({ messageId }, 'delivery job for a message that does not exist');
        return 'not-found';
      }
      if (current.status !== 'queued') return 'already-done';
      throw new MailBusyError(messageId);
    }

    const message: MailForDelivery = {
      id: claimed.id,
      to: claimed.to_address,
      subject: claimed.subject,
      text: claimed.body_text,
      html: claimed.body_html,
      createdAt: new Date(claimed.created_at),
    };
    let receipt: DeliveryReceipt;
    try {
      receipt = await transport.deliver(message);
    } catch (error) {
      const permanent = isPermanentFailure(error);
      const [after] = await database.query<{ status: string }>(
        `update mail_message
            set last_error = $2,
                locked_until = null,
                status = case when $3::boolean or attempts >= $4 then 'failed' else status end
          where id = $1 and status = 'queued'
          returning status`,
        [messageId, describeError(error), permanent, maxAttempts],
      );
      if (after?.status === 'failed') {
        logger.error(
          { err: error, messageId, attempts: claimed.attempts, permanent },
          'mail could not be delivered; giving up',
        );
        return 'failed';
      }
      throw error;
    }

    await database.query(
      `update mail_message
          set status = 'sent', sent_at = now(), message_id = $2, file_name = $3, locked_until = null
        where id = $1 and status = 'queued'`,
      [messageId, receipt.messageId, receipt.fileName],
    );
    logger.info(
      { messageId, attempts: claimed.attempts, fileName: receipt.fileName },
      'mail delivered',
    );
    return 'sent';
  }

  /**
   * Queues a delivery job for every queued message that has none: messages stored while jobs
   * were not running, or whose job was lost. Runs at start-up and then periodically. A message
   * queued twice is harmless, as delivery claims it first.
   */
  async sweep(): Promise<number> {
    const { database, jobs, logger } = this.options;
    const pending = new Set(
      (await jobs.pendingJobs(mailQueues.delivery))
        .map((job) => job.data)
        .filter(isDeliveryJob)
        .map((data) => data.messageId),
    );
    const stranded = await database.query<{ id: string }>(
      `select id::text as id from mail_message
        where status = 'queued' and (locked_until is null or locked_until < now())
        order by created_at
        limit 1000`,
    );
    let queued = 0;
    for (const { id } of stranded) {
      if (pending.has(id)) continue;
      await jobs.send(mailQueues.delivery, { messageId: id } satisfies DeliveryJob);
      queued += 1;
    }
    if (queued > 0) logger.info({ queued }, 'queued delivery of messages that had no job');
    return queued;
  }
}
