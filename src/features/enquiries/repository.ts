import type { Queryable } from '../../platform/db/database.js';
import type { HealthCategory } from '../directory/model.js';
import type { ClosureOutcome, EnquiryStage, EnquiryType } from './model.js';
import type { EnquiryInput } from './schema.js';

export type IdempotencyScope = 'form' | 'api';
export type EnquiryChannel = 'form' | 'api';

export interface IdempotencyRecord {
  enquiryId: string;
  requestHash: string;
  responseBody: Record<string, unknown> | null;
  sealedStatusToken: string | null;
}

export interface NewEnquiry extends EnquiryInput {
  id: string;
  reference: string;
  channel: EnquiryChannel;
  receivedAt: Date;
  firstResponseDueAt: Date | null;
  statusTokenHash: string;
  statusTokenExpiresAt: Date;
}

/** What the enquirer may see of their own enquiry: no contact details, no description. */
export interface EnquiryForEnquirer {
  id: string;
  reference: string;
  enquiryType: EnquiryType;
  healthCategory: HealthCategory;
  stage: EnquiryStage;
  receivedAt: Date;
  firstResponseDueAt: Date | null;
  closedOutcome: ClosureOutcome | null;
}

export interface EnquiryEvent {
  occurredAt: Date;
  kind: string;
  fromStage: EnquiryStage | null;
  toStage: EnquiryStage | null;
}

export interface NewEnquiryEvent {
  enquiryId: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  kind: string;
  fromStage: EnquiryStage | null;
  toStage: EnquiryStage | null;
  note: string | null;
}

interface EnquirerRow {
  id: string;
  reference: string;
  enquiry_type: EnquiryType;
  health_category: HealthCategory;
  stage: EnquiryStage;
  received_at: Date;
  first_response_due_at: Date | null;
  closed_outcome: ClosureOutcome | null;
}

const enquirerColumns = `e.id::text as id, e.reference, e.enquiry_type, e.health_category, e.stage,
  e.received_at, e.first_response_due_at, e.closed_outcome`;

function toEnquirerView(row: EnquirerRow): EnquiryForEnquirer {
  return {
    id: row.id,
    reference: row.reference,
    enquiryType: row.enquiry_type,
    healthCategory: row.health_category,
    stage: row.stage,
    receivedAt: new Date(row.received_at),
    firstResponseDueAt:
      row.first_response_due_at === null ? null : new Date(row.first_response_due_at),
    closedOutcome: row.closed_outcome,
  };
}

/** The enquiry tables' SQL, and nothing else. */
export class EnquiryRepository {
  constructor(private readonly db: Queryable) {}

  /**
   * Claims an idempotency key for a new enquiry, in the submitting transaction. False when the
   * key is taken; a transaction holding it but not yet committed is waited for first.
   */
  async claimKey(
    tx: Queryable,
    scope: IdempotencyScope,
    keyHash: string,
    enquiryId: string,
    requestHash: string,
  ): Promise<boolean> {
    const rows = await tx.query(
      `insert into enquiry_idempotency (scope, key_hash, enquiry_id, request_hash)
       values ($1, $2, $3, $4)
       on conflict (scope, key_hash) do nothing
       returning 1 as claimed`,
      [scope, keyHash, enquiryId, requestHash],
    );
    return rows.length > 0;
  }

  async keyRecord(
    scope: IdempotencyScope,
    keyHash: string,
    db: Queryable = this.db,
  ): Promise<IdempotencyRecord | null> {
    const [row] = await db.query<{
      enquiry_id: string;
      request_hash: string;
      response_body: Record<string, unknown> | null;
      sealed_status_token: string | null;
    }>(
      `select enquiry_id::text as enquiry_id, request_hash, response_body, sealed_status_token
         from enquiry_idempotency where scope = $1 and key_hash = $2`,
      [scope, keyHash],
    );
    if (!row) return null;
    return {
      enquiryId: row.enquiry_id,
      requestHash: row.request_hash,
      responseBody: row.response_body,
      sealedStatusToken: row.sealed_status_token,
    };
  }

  async saveResponse(
    tx: Queryable,
    scope: IdempotencyScope,
    keyHash: string,
    responseBody: Record<string, unknown>,
    sealedStatusToken: string | null,
  ): Promise<void> {
    await tx.query(
      `update enquiry_idempotency set response_body = $3::json, sealed_status_token = $4
        where scope = $1 and key_hash = $2`,
      [scope, keyHash, JSON.stringify(responseBody), sealedStatusToken],
    );
  }

  /**
   * The next reference of the year, e.g. MHA-2026-00042. The year's counter row stays locked
   * until the transaction ends, so concurrent submissions take numbers one after another; a
   * transaction that rolls back gives its number back.
   */
  async nextReference(tx: Queryable, year: number): Promise<string> {
    const [row] = await tx.query<{ last_number: number }>(
      `insert into enquiry_reference_counter as counter (year, last_number) values ($1, 1)
       on conflict (year) do update set last_number = counter.last_number + 1
       returning last_number`,
      [year],
    );
    if (!row) throw new Error('the reference counter returned no number');
    return `MHA-${year}-${String(row.last_number).padStart(5, '0')}`;
  }

  async insert(tx: Queryable, enquiry: NewEnquiry): Promise<void> {
    await tx.query(
      `insert into enquiry
         (id, reference, organisation_name, contact_name, contact_email, contact_phone,
          enquiry_type, health_category, phase, participants, sites, timeline, description,
          consent_to_contact, capability_id, channel, stage, received_at, first_response_due_at,
          status_token_hash, status_token_expires_at, created_at, updated_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true, $14, $15, 'received',
               $16, $17, $18, $19, $16, $16)`,
      [
        enquiry.id,
        enquiry.reference,
        enquiry.organisationName,
        enquiry.contactName,
        enquiry.contactEmail,
        enquiry.contactPhone,
        enquiry.enquiryType,
        enquiry.healthCategory,
        enquiry.phase,
        enquiry.participants,
        enquiry.sites,
        enquiry.timeline,
        enquiry.description,
        enquiry.capabilityId,
        enquiry.channel,
        enquiry.receivedAt,
        enquiry.firstResponseDueAt,
        enquiry.statusTokenHash,
        enquiry.statusTokenExpiresAt,
      ],
    );
  }

  async addEvent(tx: Queryable, event: NewEnquiryEvent): Promise<void> {
    await tx.query(
      `insert into enquiry_event
         (enquiry_id, occurred_at, actor_user_id, actor_label, kind, from_stage, to_stage, note)
       values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        event.enquiryId,
        event.occurredAt,
        event.actorUserId,
        event.actorLabel,
        event.kind,
        event.fromStage,
        event.toStage,
        event.note,
      ],
    );
  }

  /** The enquiry whose status link has this token hash, while the link lasts. */
  async byStatusTokenHash(hash: string, now: Date): Promise<EnquiryForEnquirer | null> {
    const [row] = await this.db.query<EnquirerRow>(
      `select ${enquirerColumns} from enquiry e
        where e.status_token_hash = $1 and e.status_token_expires_at > $2`,
      [hash, now],
    );
    return row ? toEnquirerView(row) : null;
  }

  /** The enquiry a form submission (by its form token's hash) created. */
  async byFormKeyHash(keyHash: string): Promise<EnquiryForEnquirer | null> {
    const [row] = await this.db.query<EnquirerRow>(
      `select ${enquirerColumns} from enquiry_idempotency k join enquiry e on e.id = k.enquiry_id
        where k.scope = 'form' and k.key_hash = $1`,
      [keyHash],
    );
    return row ? toEnquirerView(row) : null;
  }

  /** The stage moves of an enquiry, oldest first: what its timeline shows the enquirer. */
  async stageEvents(enquiryId: string): Promise<EnquiryEvent[]> {
    const rows = await this.db.query<{
      occurred_at: Date;
      kind: string;
      from_stage: EnquiryStage | null;
      to_stage: EnquiryStage | null;
    }>(
      `select occurred_at, kind, from_stage, to_stage from enquiry_event
        where enquiry_id = $1 and to_stage is not null
        order by occurred_at, id`,
      [enquiryId],
    );
    return rows.map((row) => ({
      occurredAt: new Date(row.occurred_at),
      kind: row.kind,
      fromStage: row.from_stage,
      toStage: row.to_stage,
    }));
  }
}
