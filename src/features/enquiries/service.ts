import { randomUUID } from 'node:crypto';
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { OutgoingMail } from '../../platform/mail/message.js';
import { pathTo } from '../../platform/paths.js';
import type { HealthCategory } from '../directory/model.js';
import { londonDayWithWeekday } from './dates.js';
import { enquiryTypeLabel, firstResponseWorkingDays } from './model.js';
import {
  EnquiryRepository,
  type EnquiryChannel,
  type EnquiryEvent,
  type EnquiryForEnquirer,
  type IdempotencyRecord,
  type IdempotencyScope,
  type NewEnquiry,
} from './repository.js';
import { isUuid, type EnquiryInput } from './schema.js';
import {
  isToken,
  newToken,
  openStatusToken,
  sealStatusToken,
  sha256Hex,
  statusLinkExpiry,
} from './tokens.js';
import { londonDate, WorkingDayCalendar } from './working-days.js';

/** Anything that queues mail in the caller's transaction (the platform's outbox). */
export interface MailQueue {
  enqueue(tx: Queryable, message: OutgoingMail): Promise<string>;
}

/** What the front door needs of the capability directory. */
export interface PublishedCapabilities {
  publishedCapability(
    id: string,
  ): Promise<{ id: string; title: string; categories: readonly HealthCategory[] } | null>;
}

export interface CapabilityAskedAbout {
  id: string;
  title: string;
  categories: readonly HealthCategory[];
}

/** The enquiry just stored, as the confirmation and the API's answer describe it. */
export interface SubmittedEnquiry {
  id: string;
  reference: string;
  stage: 'received';
  receivedAt: Date;
  firstResponseDueAt: Date | null;
}

export interface Idempotency {
  scope: IdempotencyScope;
  /** The key as sent: the form's token or the Idempotency-Key header. Only its hash is kept. */
  key: string;
  /** A hash of the request, to tell a repeat from another request sent with the same key. */
  requestHash: string;
  /** For the API: the 201 body (without its status link) to give again to a repeat. */
  responseBody?: (enquiry: SubmittedEnquiry) => Record<string, unknown>;
}

export type SubmitResult =
  | { outcome: 'created'; enquiry: SubmittedEnquiry; statusToken: string }
  /** The key had been used for this same request: nothing new was stored. */
  | { outcome: 'repeated'; enquiryId: string; record: IdempotencyRecord }
  /** The key had been used for a different request: nothing was stored. */
  | { outcome: 'key-reused' };

/** The enquirer's view of their enquiry, for the status page. */
export interface EnquiryStatus {
  enquiry: EnquiryForEnquirer;
  stageEvents: EnquiryEvent[];
}

/**
 * Industry enquiries as the public sends them: stored once however often they are sent,
 * numbered per year, acknowledged by email with a private status link, and audited; all in one
 * transaction, so an enquiry never exists without its timeline, audit event and email.
 */
export class EnquiryService {
  private readonly repository: EnquiryRepository;
  private readonly calendar = new WorkingDayCalendar();

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly mail: MailQueue,
    private readonly capabilities: PublishedCapabilities,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new EnquiryRepository(database);
  }

  /** The published capability with this id, or null (for anything that is not one). */
  async capabilityAskedAbout(id: unknown): Promise<CapabilityAskedAbout | null> {
    if (!isUuid(id)) return null;
    const capability = await this.capabilities.publishedCapability(id.toLowerCase());
    return capability
      ? { id: capability.id, title: capability.title, categories: capability.categories }
      : null;
  }

  statusUrl(statusToken: string): string {
    return `${this.publicUrl}${pathTo.enquiryStatus(statusToken)}`;
  }

  async submit(
    input: EnquiryInput,
    options: { channel: EnquiryChannel; context: AuditContext; idempotency?: Idempotency },
  ): Promise<SubmitResult> {
    const { channel, context, idempotency } = options;
    const keyHash = idempotency ? sha256Hex(idempotency.key) : null;
    const receivedAt = this.now();
    const statusToken = newToken();
    const enquiry: NewEnquiry = {
      ...input,
      id: randomUUID(),
      reference: '',
      channel,
      receivedAt,
      firstResponseDueAt: this.calendar.addWorkingDays(receivedAt, firstResponseWorkingDays),
      statusTokenHash: sha256Hex(statusToken),
      statusTokenExpiresAt: statusLinkExpiry(receivedAt),
    };

    return this.database.transaction(async (tx): Promise<SubmitResult> => {
      // The key first: a second submission with it waits here for the first to commit, and
      // then finds it, before taking a reference number.
      if (idempotency && keyHash) {
        const claimed = await this.repository.claimKey(
          tx,
          idempotency.scope,
          keyHash,
          enquiry.id,
          idempotency.requestHash,
        );
        if (!claimed) {
          const record = await this.repository.keyRecord(idempotency.scope, keyHash, tx);
          if (!record) throw new Error('an idempotency key was neither claimed nor found');
          if (idempotency.scope === 'api' && record.requestHash !== idempotency.requestHash) {
            return { outcome: 'key-reused' };
          }
          return { outcome: 'repeated', enquiryId: record.enquiryId, record };
        }
      }

      enquiry.reference = await this.repository.nextReference(
        tx,
        Number(londonDate(receivedAt).slice(0, 4)),
      );
      await this.repository.insert(tx, enquiry);
      await this.repository.addEvent(tx, {
        enquiryId: enquiry.id,
        occurredAt: receivedAt,
        actorUserId: context.actorUserId,
        actorLabel: context.actorUserId
          ? context.actorLabel
          : `enquirer (${channel === 'api' ? 'API' : 'web form'})`,
        kind: 'submitted',
        fromStage: null,
        toStage: 'received',
        note: null,
      });
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'enquiry',
        entityId: enquiry.id,
        after: {
          reference: enquiry.reference,
          channel,
          stage: 'received',
          organisationName: enquiry.organisationName,
          enquiryType: enquiry.enquiryType,
          healthCategory: enquiry.healthCategory,
          phase: enquiry.phase,
          participants: enquiry.participants,
          sites: enquiry.sites,
          capabilityId: enquiry.capabilityId,
          receivedAt,
          firstResponseDueAt: enquiry.firstResponseDueAt,
        },
      });
      await this.mail.enqueue(tx, this.acknowledgement(enquiry, statusToken));

      const submitted: SubmittedEnquiry = {
        id: enquiry.id,
        reference: enquiry.reference,
        stage: 'received',
        receivedAt,
        firstResponseDueAt: enquiry.firstResponseDueAt,
      };
      if (idempotency?.responseBody && keyHash) {
        await this.repository.saveResponse(
          tx,
          idempotency.scope,
          keyHash,
          idempotency.responseBody(submitted),
          sealStatusToken(statusToken, idempotency.key),
        );
      }
      return { outcome: 'created', enquiry: submitted, statusToken };
    });
  }

  /** The status token of a repeated API request, opened with the Idempotency-Key it was sent with. */
  repeatedStatusToken(record: IdempotencyRecord, idempotencyKey: string): string | null {
    return record.sealedStatusToken
      ? openStatusToken(record.sealedStatusToken, idempotencyKey)
      : null;
  }

  /** What an Idempotency-Key sent to the API was used for, if it has been. */
  async apiKeyRecord(idempotencyKey: string): Promise<IdempotencyRecord | null> {
    return this.repository.keyRecord('api', sha256Hex(idempotencyKey));
  }

  /** The enquiry a form (by the token it was shown with) created, for its confirmation page. */
  async sentWithFormToken(formToken: string): Promise<EnquiryForEnquirer | null> {
    if (!isToken(formToken)) return null;
    return this.repository.byFormKeyHash(sha256Hex(formToken));
  }

  /** The enquiry behind a status link, with its stage moves; null for any other token. */
  async statusFor(statusToken: string): Promise<EnquiryStatus | null> {
    if (!isToken(statusToken)) return null;
    const enquiry = await this.repository.byStatusTokenHash(sha256Hex(statusToken), this.now());
    if (!enquiry) return null;
    return { enquiry, stageEvents: await this.repository.stageEvents(enquiry.id) };
  }

  private acknowledgement(enquiry: NewEnquiry, statusToken: string): OutgoingMail {
    const due = enquiry.firstResponseDueAt
      ? `by ${londonDayWithWeekday(enquiry.firstResponseDueAt)}`
      : `within ${firstResponseWorkingDays} working days`;
    return {
      to: enquiry.contactEmail,
      subject: `Your enquiry ${enquiry.reference} to the Midlands Health Alliance`,
      text: [
        `Dear ${enquiry.contactName},`,
        '',
        `Thank you for your enquiry (${enquiryTypeLabel(enquiry.enquiryType).toLowerCase()}) to the Midlands Health Alliance.`,
        '',
        `Your reference is ${enquiry.reference}. Please quote it if you contact us.`,
        '',
        'What happens next',
        '',
        `Someone in the alliance office will look at your enquiry and reply ${due} (${firstResponseWorkingDays} working days).`,
        'They will own your enquiry from then on, and ask the partner sites that can help whether they can take part.',
        '',
        'Follow your enquiry',
        '',
        'You can see where your enquiry is at any time with this private link:',
        '',
        this.statusUrl(statusToken),
        '',
        'The link works for 2 years. Keep it to yourself: anyone who has it can see the progress of your enquiry (but not your contact details or what you told us).',
        '',
        'If you did not send this enquiry, you can ignore this email.',
        '',
        'Midlands Health Alliance',
      ].join('\n'),
    };
  }
}
