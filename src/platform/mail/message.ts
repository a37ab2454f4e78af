import { z } from 'zod';

/** A message to send, as a feature asks for it. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | undefined;
}

export const mailStatuses = ['queued', 'sent', 'failed'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** One row of the outbox, as the admin list shows it. */
export interface MailSummary {
  id: string;
  to: string;
  subject: string;
  status: MailStatus;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
}

/** One message in full, for the admin detail page. */
export interface MailMessage extends MailSummary {
  text: string;
  html: string | null;
  lastError: string | null;
  messageId: string | null;
  fileName: string | null;
}

/** What a transport needs to hand one message over. */
export interface MailForDelivery {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  createdAt: Date;
}

// Header values must stay on one line, or a crafted value could add headers of its own.
const oneLine = (max: number, name: string) =>
  z
    .string()
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be ${max} characters or fewer`)
    .refine((value) => !/[\r\n]/.test(value), `${name} must be one line`);

export const outgoingMailSchema = z.object({
  to: oneLine(320, 'to').pipe(z.email({ error: 'to must be an email address' })),
  subject: oneLine(998, 'subject'),
  text: z.string().min(1, 'text must not be empty').max(1_000_000, 'text is too long'),
  html: z.string().max(2_000_000, 'html is too long').optional(),
});

export class InvalidMailError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid mail: ${problems.join('; ')}`);
    this.name = 'InvalidMailError';
  }
}

/** Checks a message before it is stored; throws InvalidMailError naming every problem. */
export function checkedMail(message: OutgoingMail): z.output<typeof outgoingMailSchema> {
  const parsed = outgoingMailSchema.safeParse(message);
  if (!parsed.success)
    throw new InvalidMailError(parsed.error.issues.map((issue) => issue.message));
  return parsed.data;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for the textual form of a UUID, the only form the outbox's ids take. */
export function isMailId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}
