import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { MailForDelivery } from './message.js';

/** What identifies a message once handed over. */
export interface DeliveryReceipt {
  messageId: string;
  /** The .eml file's name, when the message was written to disk rather than sent. */
  fileName: string | null;
}

/** Hands one message over: to an SMTP server, or to a file. Rejects when it could not. */
export interface MailTransport {
  /** Said in logs and on the admin page: where messages go. */
  readonly description: string;
  deliver(message: MailForDelivery): Promise<DeliveryReceipt>;
  close(): void;
}

/** The domain of the From address, for Message-IDs: "Name <a@b.org>" gives "b.org". */
function domainOf(from: string): string {
  return /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}

function withCrlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * The same message, built the same way, whichever transport carries it. The Message-ID comes
 * from the outbox id, so a message delivered twice (after a crash) can be recognised as one.
 */
function mailOptions(message: MailForDelivery, from: string): Mail.Options {
  return {
    from,
    to: message.to,
    subject: message.subject,
    // RFC 5322 allows no bare line feeds, and nodemailer copies 7-bit bodies as they are.
    text: withCrlf(message.text),
    ...(message.html === null ? {} : { html: withCrlf(message.html) }),
    messageId: `<${message.id}@${domainOf(from)}>`,
  };
}

/** "2026-11-28T14:03:22.123Z" gives "20261128T140322Z", so file names sort by creation time. */
function compactTimestamp(date: Date): string {
  return date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');
}

/**
 * Writes each message as an RFC 5322 .eml file (CRLF line endings) into a folder, for when no
 * SMTP server is configured: a person can open what would have been sent. Writing the same
 * message twice replaces the file, so a repeated delivery leaves one file.
 */
export class EmlFolderTransport implements MailTransport {
  readonly description: string;
  private readonly builder = nodemailer.createTransport({ streamTransport: true, buffer: true });

  constructor(
    readonly folder: string,
    private readonly from: string,
  ) {
    this.description = `written as .eml files to ${folder}`;
  }

  static fileNameFor(message: Pick<MailForDelivery, 'id' | 'createdAt'>): string {
    return `${compactTimestamp(message.createdAt)}-${message.id}.eml`;
  }

  async deliver(message: MailForDelivery): Promise<DeliveryReceipt> {
    const built = await this.builder.sendMail(mailOptions(message, this.from));
    if (!Buffer.isBuffer(built.message)) throw new Error('nodemailer did not build a buffer');
    const fileName = EmlFolderTransport.fileNameFor(message);
    await mkdir(this.folder, { recursive: true });
    // Written beside and renamed into place, so nobody ever sees half a message.
    const partial = path.join(this.folder, `.${fileName}.partial`);
    await writeFile(partial, built.message);
    await rename(partial, path.join(this.folder, fileName));
    return { messageId: built.messageId, fileName };
  }

  close() {
    this.builder.close();
  }
}

/** Sends by SMTP to the server named by SMTP_URL (smtp:// or smtps://, credentials included). */
export class SmtpTransport implements MailTransport {
  readonly description: string;
  private readonly transporter: nodemailer.Transporter<SMTPTransport.SentMessageInfo>;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    const url = new URL(smtpUrl);
    // Never show the credentials: only where the mail goes.
    this.description = `sent by SMTP to ${url.hostname}${url.port ? `:${url.port}` : ''}`;
    this.transporter = nodemailer.createTransport({
      url: smtpUrl,
      // A stalled server must end in an error (and a retry), not hold the worker forever.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async deliver(message: MailForDelivery): Promise<DeliveryReceipt> {
    const info = await this.transporter.sendMail(mailOptions(message, this.from));
    return { messageId: info.messageId, fileName: null };
  }

  close() {
    this.transporter.close();
  }
}

/**
 * True when retrying cannot help: the server refused this recipient or this message outright
 * (a 5xx reply to RCPT or DATA). Connection, authentication and 4xx errors are worth retrying.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, responseCode } = error as Error & { code?: unknown; responseCode?: unknown };
  return (
    (code === 'EENVELOPE' || code === 'EMESSAGE') &&
    typeof responseCode === 'number' &&
    responseCode >= 500
  );
}

export function createMailTransport(options: {
  smtpUrl: string | undefined;
  dataDir: string;
  mailFrom: string;
}): MailTransport {
  return options.smtpUrl
    ? new SmtpTransport(options.smtpUrl, options.mailFrom)
    : new EmlFolderTransport(path.join(options.dataDir, 'mail'), options.mailFrom);
}
