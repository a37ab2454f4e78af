import type { Queryable } from '../../../platform/db/database.js';
import type { HealthCategory } from '../../directory/model.js';
import type {
  ClosureOutcome,
  ConfidentialityAgreement,
  ContractValueReview,
  EnquiryStage,
  EnquiryType,
  ModelAgreement,
  TrialPhase,
} from '../model.js';
import type { EnquiryInput } from '../schema.js';

/** Everything the office sees of an enquiry. */
export interface OfficeEnquiry extends EnquiryInput {
  id: string;
  reference: string;
  capabilityTitle: string | null;
  channel: 'form' | 'api';
  stage: EnquiryStage;
  stageEnteredAt: Date;
  ownerUserId: string | null;
  ownerName: string | null;
  receivedAt: Date;
  firstResponseDueAt: Date | null;
  firstRespondedAt: Date | null;
  closedOutcome: ClosureOutcome | null;
  closedReason: string | null;
  contractValueReview: ContractValueReview | null;
  modelAgreement: ModelAgreement | null;
  confidentialityAgreement: ConfidentialityAgreement | null;
}

interface EnquiryRow {
  id: string;
  reference: string;
  organisation_name: string;
  contact_name: string;
  contact_email: string;
  contact_phone: string | null;
  enquiry_type: EnquiryType;
  health_category: HealthCategory;
  phase: TrialPhase | null;
  participants: number | null;
  sites: number | null;
  timeline: string | null;
  description: string;
  capability_id: string | null;
  capability_title: string | null;
  channel: 'form' | 'api';
  stage: EnquiryStage;
  stage_entered_at: Date;
  owner_user_id: string | null;
  owner_name: string | null;
  received_at: Date;
  first_response_due_at: Date | null;
  first_responded_at: Date | null;
  closed_outcome: ClosureOutcome | null;
  closed_reason: string | null;
  contract_value_review: ContractValueReview | null;
  model_agreement: ModelAgreement | null;
  confidentiality_agreement: ConfidentialityAgreement | null;
}

const enquiryColumns = `e.id::text as id, e.reference, e.organisation_name, e.contact_name,
  e.contact_email, e.contact_phone, e.enquiry_type, e.health_category, e.phase, e.participants,
  e.sites, e.timeline, e.description, e.capability_id::text as capability_id,
  c.title as capability_title, e.channel, e.stage, e.stage_entered_at,
  e.owner_user_id::text as owner_user_id, u.display_name as owner_name, e.received_at,
  e.first_response_due_at, e.first_responded_at, e.closed_outcome, e.closed_reason,
  e.contract_value_review, e.model_agreement, e.confidentiality_agreement`;
const enquiryJoins = `left join app_user u on u.id = e.owner_user_id
  left join capability c on c.id = e.capability_id`;

const dateOrNull = (value: Date | string | null) => (value === null ? null : new Date(value));

function toEnquiry(row: EnquiryRow): OfficeEnquiry {
  return {
    id: row.id,
    reference: row.reference,
    organisationName: row.organisation_name,
    contactName: row.contact_name,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
    enquiryType: row.enquiry_type,
    healthCategory: row.health_category,
    phase: row.phase,
    participants: row.participants,
    sites: row.sites,
    timeline: row.timeline,
    description: row.description,
    capabilityId: row.capability_id,
    capabilityTitle: row.capability_title,
    channel: row.channel,
    stage: row.stage,
    stageEnteredAt: new Date(row.stage_entered_at),
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    receivedAt: new Date(row.received_at),
    firstResponseDueAt: dateOrNull(row.first_response_due_at),
    firstRespondedAt: dateOrNull(row.first_responded_at),
    closedOutcome: row.closed_outcome,
    closedReason: row.closed_reason,
    contractValueReview: row.contract_value_review,
    modelAgreement: row.model_agreement,
    confidentialityAgreement: row.confidentiality_agreement,
  };
}

/** A partner organisation asked about an enquiry, and its answer once given. */
export interface SiteRequest {
  id: string;
  enquiryId: string;
  organisationId: string;
  organisationName: string;
  requestedAt: Date;
  requestedByName: string | null;
  dueAt: Date;
  message: string | null;
  respondedAt: Date | null;
  respondedByName: string | null;
  interested: boolean | null;
  principalInvestigator: string | null;
  estimatedRecruitment: number | null;
  responseNote: string | null;
}

interface SiteRequestRow {
  id: string;
  enquiry_id: string;
  organisation_id: string;
  organisation_name: string;
  requested_at: Date;
  requested_by_name: string | null;
  due_at: Date;
  message: string | null;
  responded_at: Date | null;
  responded_by_name: string | null;
  interested: boolean | null;
  principal_investigator: string | null;
  estimated_recruitment: number | null;
  response_note: string | null;
}

const requestColumns = `r.id::text as id, r.enquiry_id::text as enquiry_id,
  r.organisation_id::text as organisation_id, o.name as organisation_name, r.requested_at,
  rb.display_name as requested_by_name, r.due_at, r.message, r.responded_at,
  ab.display_name as responded_by_name, r.interested, r.principal_investigator,
  r.estimated_recruitment, r.response_note`;
const requestJoins = `join organisation o on o.id = r.organisation_id
  left join app_user rb on rb.id = r.requested_by_user_id
  left join app_user ab on ab.id = r.responded_by_user_id`;

function toRequest(row: SiteRequestRow): SiteRequest {
  return {
    id: row.id,
    enquiryId: row.enquiry_id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    requestedAt: new Date(row.requested_at),
    requestedByName: row.requested_by_name,
    dueAt: new Date(row.due_at),
    message: row.message,
    respondedAt: dateOrNull(row.responded_at),
    respondedByName: row.responded_by_name,
    interested: row.interested,
    principalInvestigator: row.principal_investigator,
    estimatedRecruitment: row.estimated_recruitment,
    responseNote: row.response_note,
  };
}

/** A site request with what a site may see of its enquiry: never the enquirer's details. */
export interface SiteRequestWithEnquiry extends SiteRequest {
  enquiry: {
    reference: string;
    enquiryType: EnquiryType;
    healthCategory: HealthCategory;
    phase: TrialPhase | null;
    participants: number | null;
    sites: number | null;
    timeline: string | null;
    description: string;
    stage: EnquiryStage;
  };
}

export interface TimelineEvent {
  occurredAt: Date;
  actorLabel: string;
  kind: string;
  fromStage: EnquiryStage | null;
  toStage: EnquiryStage | null;
  note: string | null;
}

export interface QueueFilter {
  /** Stages to show; all stages when empty. */
  stages: readonly EnquiryStage[];
  /** A user id, or 'nobody' for enquiries without an owner; any owner when undefined. */
  owner?: string | undefined;
  /** Only enquiries whose first response is overdue at this moment. */
  overdueAt?: Date | undefined;
  newestFirst: boolean;
  limit: number;
  offset: number;
}

export interface PartnerOrganisation {
  id: string;
  slug: string;
  name: string;
}

export interface StageChange {
  stage: EnquiryStage;
  stageEnteredAt: Date;
  ownerUserId?: string;
  firstRespondedAt?: Date;
  closedOutcome?: ClosureOutcome;
  closedReason?: string;
  contractValueReview?: ContractValueReview | null;
  modelAgreement?: ModelAgreement | null;
  confidentialityAgreement?: ConfidentialityAgreement | null;
}

export interface SiteAnswer {
  interested: boolean;
  principalInvestigator: string | null;
  estimatedRecruitment: number | null;
  note: string | null;
}

/** The office workflow's SQL, and nothing else. */
export class WorkflowRepository {
  constructor(private readonly db: Queryable) {}

  async enquiryByReference(
    reference: string,
    db: Queryable = this.db,
  ): Promise<OfficeEnquiry | null> {
    const [row] = await db.query<EnquiryRow>(
      `select ${enquiryColumns} from enquiry e ${enquiryJoins} where e.reference = $1`,
      [reference],
    );
    return row ? toEnquiry(row) : null;
  }

  /** The enquiry, locked until the transaction ends so that moves never interleave. */
  async lockEnquiry(tx: Queryable, id: string): Promise<OfficeEnquiry | null> {
    await tx.query('select id from enquiry where id = $1 for update', [id]);
    const [row] = await tx.query<EnquiryRow>(
      `select ${enquiryColumns} from enquiry e ${enquiryJoins} where e.id = $1`,
      [id],
    );
    return row ? toEnquiry(row) : null;
  }

  async changeStage(tx: Queryable, id: string, change: StageChange, now: Date): Promise<void> {
    const sets = ['stage = $2', 'stage_entered_at = $3', 'updated_at = $4'];
    const params: unknown[] = [id, change.stage, change.stageEnteredAt, now];
    const add = (column: string, value: unknown) => {
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    };
    if (change.ownerUserId !== undefined) add('owner_user_id', change.ownerUserId);
    if (change.firstRespondedAt !== undefined) add('first_responded_at', change.firstRespondedAt);
    if (change.closedOutcome !== undefined) add('closed_outcome', change.closedOutcome);
    if (change.closedReason !== undefined) add('closed_reason', change.closedReason);
    if (change.contractValueReview !== undefined)
      add('contract_value_review', change.contractValueReview);
    if (change.modelAgreement !== undefined) add('model_agreement', change.modelAgreement);
    if (change.confidentialityAgreement !== undefined)
      add('confidentiality_agreement', change.confidentialityAgreement);
    await tx.query(`update enquiry set ${sets.join(', ')} where id = $1`, params);
  }

  async queue(filter: QueueFilter): Promise<{ items: OfficeEnquiry[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (filter.stages.length) where.push(`e.stage = any(${param(filter.stages)}::text[])`);
    if (filter.owner === 'nobody') where.push('e.owner_user_id is null');
    else if (filter.owner) where.push(`e.owner_user_id = ${param(filter.owner)}::uuid`);
    if (filter.overdueAt) {
      where.push(
        `e.stage = 'received' and e.first_responded_at is null and e.first_response_due_at < ${param(filter.overdueAt)}`,
      );
    }
    const whereSql = where.length ? `where ${where.join(' and ')}` : '';
    const [count] = await this.db.query<{ n: number }>(
      `select count(*)::int as n from enquiry e ${whereSql}`,
      params,
    );
    const direction = filter.newestFirst ? 'desc' : 'asc';
    const rows = await this.db.query<EnquiryRow>(
      `select ${enquiryColumns} from enquiry e ${enquiryJoins} ${whereSql}
        order by e.received_at ${direction}, e.reference ${direction}
        limit ${param(filter.limit)} offset ${param(filter.offset)}`,
      params,
    );
    return { items: rows.map(toEnquiry), total: count?.n ?? 0 };
  }

  /** Everything that happened to an enquiry, newest first. */
  async timeline(enquiryId: string): Promise<TimelineEvent[]> {
    const rows = await this.db.query<{
      occurred_at: Date;
      actor_label: string;
      kind: string;
      from_stage: EnquiryStage | null;
      to_stage: EnquiryStage | null;
      note: string | null;
    }>(
      `select occurred_at, actor_label, kind, from_stage, to_stage, note from enquiry_event
        where enquiry_id = $1 order by occurred_at desc, id desc`,
      [enquiryId],
    );
    return rows.map((row) => ({
      occurredAt: new Date(row.occurred_at),
      actorLabel: row.actor_label,
      kind: row.kind,
      fromStage: row.from_stage,
      toStage: row.to_stage,
      note: row.note,
    }));
  }

  async siteRequests(enquiryId: string, db: Queryable = this.db): Promise<SiteRequest[]> {
    const rows = await db.query<SiteRequestRow>(
      `select ${requestColumns} from enquiry_site_request r ${requestJoins}
        where r.enquiry_id = $1 order by r.requested_at, o.name`,
      [enquiryId],
    );
    return rows.map(toRequest);
  }

  async insertSiteRequest(
    tx: Queryable,
    request: {
      enquiryId: string;
      organisationId: string;
      requestedAt: Date;
      requestedByUserId: string | null;
      dueAt: Date;
      message: string;
    },
  ): Promise<string> {
    const [row] = await tx.query<{ id: string }>(
      `insert into enquiry_site_request
         (enquiry_id, organisation_id, requested_at, requested_by_user_id, due_at, message)
       values ($1, $2, $3, $4, $5, $6) returning id::text as id`,
      [
        request.enquiryId,
        request.organisationId,
        request.requestedAt,
        request.requestedByUserId,
        request.dueAt,
        request.message,
      ],
    );
    if (!row) throw new Error('a site request was not stored');
    return row.id;
  }

  /** A site request with its enquiry's non-confidential details; locked when `tx` is given. */
  async siteRequest(id: string, tx?: Queryable): Promise<SiteRequestWithEnquiry | null> {
    const db = tx ?? this.db;
    if (tx) await tx.query('select id from enquiry_site_request where id = $1 for update', [id]);
    const [row] = await db.query<
      SiteRequestRow & {
        reference: string;
        enquiry_type: EnquiryType;
        health_category: HealthCategory;
        phase: TrialPhase | null;
        participants: number | null;
        sites: number | null;
        timeline: string | null;
        description: string;
        stage: EnquiryStage;
      }
    >(
      `select ${requestColumns}, e.reference, e.enquiry_type, e.health_category, e.phase,
          e.participants, e.sites, e.timeline, e.description, e.stage
        from enquiry_site_request r ${requestJoins} join enquiry e on e.id = r.enquiry_id
        where r.id = $1`,
      [id],
    );
    if (!row) return null;
    return {
      ...toRequest(row),
      enquiry: {
        reference: row.reference,
        enquiryType: row.enquiry_type,
        healthCategory: row.health_category,
        phase: row.phase,
        participants: row.participants,
        sites: row.sites,
        timeline: row.timeline,
        description: row.description,
        stage: row.stage,
      },
    };
  }

  async answer(
    tx: Queryable,
    requestId: string,
    userId: string,
    answer: SiteAnswer,
    now: Date,
  ): Promise<boolean> {
    const rows = await tx.query(
      `update enquiry_site_request
          set responded_at = $3, responded_by_user_id = $2, interested = $4,
              principal_investigator = $5, estimated_recruitment = $6, response_note = $7
        where id = $1 and responded_at is null
        returning 1 as answered`,
      [
        requestId,
        userId,
        now,
        answer.interested,
        answer.principalInvestigator,
        answer.estimatedRecruitment,
        answer.note,
      ],
    );
    return rows.length > 0;
  }

  /** An organisation's requests, unanswered first (soonest due first), then answered. */
  async inbox(organisationId: string): Promise<SiteRequestWithEnquiry[]> {
    const rows = await this.db.query<{ id: string }>(
      `select r.id::text as id from enquiry_site_request r
        where r.organisation_id = $1
        order by (r.responded_at is not null), r.due_at, r.requested_at
        limit 500`,
      [organisationId],
    );
    const requests = await Promise.all(rows.map((row) => this.siteRequest(row.id)));
    return requests.filter((request): request is SiteRequestWithEnquiry => request !== null);
  }

  /** Partner organisations that can be asked to take part. */
  async partnerOrganisations(db: Queryable = this.db): Promise<PartnerOrganisation[]> {
    return db.query<PartnerOrganisation>(
      `select id::text as id, slug, name from organisation
        where is_partner and status <> 'archived' order by name`,
    );
  }

  /** Active site-office users of the organisations, for their email. */
  async siteOfficeUsers(
    tx: Queryable,
    organisationIds: readonly string[],
  ): Promise<{ email: string; displayName: string; organisationId: string }[]> {
    if (!organisationIds.length) return [];
    const rows = await tx.query<{ email: string; display_name: string; organisation_id: string }>(
      `select email, display_name, organisation_id::text as organisation_id from app_user
        where role = 'site-office' and status = 'active'
          and organisation_id = any($1::uuid[])
        order by email`,
      [organisationIds],
    );
    return rows.map((row) => ({
      email: row.email,
      displayName: row.display_name,
      organisationId: row.organisation_id,
    }));
  }

  /** An account that may own enquiries: active, alliance office or administrator. */
  async eligibleOwner(
    tx: Queryable,
    userId: string,
  ): Promise<{ id: string; displayName: string } | null> {
    const [row] = await tx.query<{ id: string; display_name: string }>(
      `select id::text as id, display_name from app_user
        where id = $1 and status = 'active' and role in ('alliance-office', 'admin')`,
      [userId],
    );
    return row ? { id: row.id, displayName: row.display_name } : null;
  }
}
