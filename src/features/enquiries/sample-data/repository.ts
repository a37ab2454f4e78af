import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../../../platform/db/database.js';
import { EnquiryRepository } from '../repository.js';
import { sha256Hex, statusLinkExpiry } from '../tokens.js';
import { londonDate } from '../working-days.js';
import type { SampleEnquiry, SamplePartner } from './generate.js';

/** Who the sample's timeline says did things. */
export const sampleActorLabel = 'sample data';

/** The SQL that stores the sample enquiries, and nothing else. */
export class SampleEnquiryRepository {
  constructor(private readonly tx: Queryable) {}

  async frontDoorIsEmpty(): Promise<boolean> {
    const [row] = await this.tx.query<{ any: boolean }>(
      'select exists (select 1 from enquiry) as any',
    );
    return !row?.any;
  }

  /** Partner organisations (slug, name and id), by slug. */
  async partners(): Promise<(SamplePartner & { id: string })[]> {
    return this.tx.query<SamplePartner & { id: string }>(
      'select id::text as id, slug, name from organisation where is_partner order by slug',
    );
  }

  /**
   * Stores one sample enquiry with its timeline and site requests, numbered from the year's
   * reference counter like any other. Its status link is the hash of random bytes that are
   * thrown away: nobody holds a working link to a sample enquiry.
   */
  async insert(enquiry: SampleEnquiry, partnerIds: ReadonlyMap<string, string>): Promise<string> {
    const id = randomUUID();
    const reference = await new EnquiryRepository(this.tx).nextReference(
      this.tx,
      Number(londonDate(enquiry.receivedAt).slice(0, 4)),
    );
    await this.tx.query(
      `insert into enquiry
         (id, reference, organisation_name, contact_name, contact_email, contact_phone,
          enquiry_type, health_category, phase, participants, sites, timeline, description,
          consent_to_contact, capability_id, channel, stage, owner_user_id, received_at,
          first_response_due_at, closed_outcome, closed_reason, status_token_hash,
          status_token_expires_at, created_at, updated_at, stage_entered_at, first_responded_at,
          contract_value_review, model_agreement, confidentiality_agreement)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, true, null, $14, $15, null,
               $16, $17, $18, $19, $20, $21, $16, $22, $23, $24, $25, $26, $27)`,
      [
        id,
        reference,
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
        enquiry.channel,
        enquiry.stage,
        enquiry.receivedAt,
        enquiry.firstResponseDueAt,
        enquiry.closedOutcome,
        enquiry.closedReason,
        sha256Hex(randomBytes(32).toString('base64url')),
        statusLinkExpiry(enquiry.receivedAt),
        enquiry.updatedAt,
        enquiry.stageEnteredAt,
        enquiry.firstRespondedAt,
        enquiry.contractValueReview,
        enquiry.modelAgreement,
        enquiry.confidentialityAgreement,
      ],
    );
    for (const event of enquiry.events) {
      await this.tx.query(
        `insert into enquiry_event
           (enquiry_id, occurred_at, actor_user_id, actor_label, kind, from_stage, to_stage, note)
         values ($1, $2, null, $3, $4, $5, $6, $7)`,
        [
          id,
          event.occurredAt,
          sampleActorLabel,
          event.kind,
          event.fromStage,
          event.toStage,
          event.note,
        ],
      );
    }
    for (const request of enquiry.siteRequests) {
      const organisationId = partnerIds.get(request.organisationSlug);
      if (!organisationId) throw new Error(`no partner organisation ${request.organisationSlug}`);
      await this.tx.query(
        `insert into enquiry_site_request
           (enquiry_id, organisation_id, requested_at, requested_by_user_id, due_at, message,
            responded_at, responded_by_user_id, interested, principal_investigator,
            estimated_recruitment, response_note)
         values ($1, $2, $3, null, $4, $5, $6, null, $7, $8, $9, $10)`,
        [
          id,
          organisationId,
          request.requestedAt,
          request.dueAt,
          request.message,
          request.respondedAt,
          request.interested,
          request.principalInvestigator,
          request.estimatedRecruitment,
          request.responseNote,
        ],
      );
    }
    return reference;
  }
}
