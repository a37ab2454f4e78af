import type { Queryable } from '../db/database.js';
import type { JobRunner } from '../jobs/job-runner.js';
import {
  checkedMail,
  isMailId,
  type MailMessage,
  type MailStatus,
  type MailSummary,
  type OutgoingMail,
} from './message.js';

/** The queue whose jobs each deliver one message, and the one that finds stranded messages. */
export const mailQueues = { delivery: 'mail-delivery', sweep: 'mail-sweep' } as const;

/** The data of one delivery job. */
export interface DeliveryJob {
  messageId: string;
}

interface MailSummaryRow {
  id: string;
  to_address: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  created_at: Date;
  sent_at: Date | null;
}

interface MailMessageRow extends MailSummaryRow {
  body_text: string;
  body_html: string | null;
  last_error: string | null;
  message_id: string | null;
  file_name: string | null;
}

function toSummary(row: MailSummaryRow): MailSummary {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    status: row.status,
    attempts: row.attempts,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  };
}

const summaryColumns = 'id::text as id, to_address, subject, status, attempts, created_at, sent_at';

/**
 * Every outgoing message. `enqueue` takes the transaction of the change that causes the mail,
 * so the change and its mail are saved together or not at all; delivery happens afterwards, in
 * a background job, and is never lost to a crash (see MailDelivery).
 */
export class MailOutbox {
  constructor(
    private readonly db: Queryable,
    private readonly jobs: JobRunner,
  ) {}

  /** Stores a message in the caller's transaction and returns its id. */
  async enqueue(tx: Queryable, message: OutgoingMail): Promise<string> {
    const mail = checkedMail(message);
    const [row] = await tx.query<{ id: string }>(
      `insert into mail_message (to_address, subject, body_text, body_html)
       values ($1, $2, $3, $4)
       returning id::text as id`,
      [mail.to, mail.subject, mail.text, mail.html ?? null],
    );
    if (!row) throw new Error('the outbox did not return the new message id');
    // Its delivery job joins the same transaction. When jobs are not running yet, the start-up
    // sweep finds the message instead.
    await this.jobs.sendWithin(tx, mailQueues.delivery, {
      messageId: row.id,
    } satisfies DeliveryJob);
    return row.id;
  }

  /** Messages newest first, a page at a time, with how many there are in all. */
  async list(page: number, pageSize: number): Promise<{ messages: MailSummary[]; total: number }> {
    const [count] = await this.db.query<{ total: number }>(
      'select count(*)::int as total from mail_message',
    );
    const rows = await this.db.query<MailSummaryRow>(
      `select ${summaryColumns} from mail_message
        order by created_at desc, id desc
        limit $1 offset $2`,
      [pageSize, (page - 1) * pageSize],
    );
    return { messages: rows.map(toSummary), total: count?.total ?? 0 };
  }

  /** One message in full, or null when there is none with that id (or it is not an id at all). */
  async find(id: string): Promise<MailMessage | null> {
    if (!isMailId(id)) return null;
    const [row] = await this.db.query<MailMessageRow>(
      `select ${summaryColumns}, body_text, body_html, last_error, message_id, file_name
         from mail_message where id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      ...toSummary(row),
      text: row.body_text,
      html: row.body_html,
      lastError: row.last_error,
      messageId: row.message_id,
      fileName: row.file_name,
    };
  }
}
