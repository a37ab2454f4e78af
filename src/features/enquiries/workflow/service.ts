import type { AuditContext, AuditTrail } from '../../../platform/audit/audit-trail.js';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { pathTo } from '../../../platform/paths.js';
import { londonDayWithWeekday } from '../dates.js';
import {
  canMove,
  defaultSiteResponseWorkingDays,
  enquiryTypeLabel,
  stageLabel,
  type ClosureOutcome,
  type ConfidentialityAgreement,
  type ContractValueReview,
  type EnquiryStage,
  type ModelAgreement,
} from '../model.js';
import { EnquiryRepository } from '../repository.js';
import { characterCount } from '../schema.js';
import type { MailQueue } from '../service.js';
import { endOfLondonDay, londonDate, WorkingDayCalendar } from '../working-days.js';
import {
  WorkflowRepository,
  type OfficeEnquiry,
  type SiteAnswer,
  type SiteRequest,
  type StageChange,
} from './repository.js';

/** A move the state machine does not allow from the enquiry's stage (the page answers 409). */
export class WorkflowRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowRefusedError';
  }
}

/** A value that cannot be used, e.g. an owner who may not own enquiries (the page answers 422). */
export class WorkflowInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'WorkflowInputError';
  }
}

/** No such enquiry or request, or not one the user may see (the page answers 404). */
export class WorkflowNotFoundError extends Error {
  constructor() {
    super('not found');
    this.name = 'WorkflowNotFoundError';
  }
}

/** Why a stage cannot be reached from where the enquiry is: one clear sentence per target. */
const refusals: Record<EnquiryStage, string> = {
  received: 'An enquiry cannot go back to received',
  triaged: 'Only a newly received enquiry can be triaged',
  'sites-consulted':
    'An enquiry can only be sent to sites after it has been triaged, or once the sites asked have answered',
  'sites-responded': 'An enquiry moves to sites responded by itself, once every site has answered',
  feasibility: 'Feasibility can start only once the sites have responded',
  'costing-contracting': 'Costing and contracting can start only after feasibility',
  'set-up': 'Set-up can start only after costing and contracting',
  open: 'An enquiry can open to recruitment only after set-up',
  closed: 'This enquiry is already closed',
};

/** The stages `advance` moves to; the others have moves of their own. */
export const advanceStages = ['feasibility', 'costing-contracting', 'set-up', 'open'] as const;
export type AdvanceStage = (typeof advanceStages)[number];

export interface ContractDetails {
  contractValueReview: ContractValueReview | null;
  modelAgreement: ModelAgreement | null;
  confidentialityAgreement: ConfidentialityAgreement | null;
}

export interface EnquiryClocks {
  firstResponseDueAt: Date | null;
  firstResponseOverdue: boolean;
  workingDaysAtStage: number;
  workingDaysOpen: number;
}

export interface RequestClock {
  overdue: boolean;
}

const maxSitesPerConsultation = 50;

/**
 * The alliance office's workflow over an enquiry: an explicit state machine over the model's
 * table. Every move is checked, timed (stage and stage_entered_at, with an enquiry_event) and
 * audited, with any email, in one transaction.
 */
export class EnquiryWorkflow {
  readonly repository: WorkflowRepository;
  private readonly events: EnquiryRepository;
  readonly calendar: WorkingDayCalendar;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
    private readonly mail: MailQueue,
    private readonly publicUrl: string,
    readonly now: () => Date = () => new Date(),
    calendar: WorkingDayCalendar = new WorkingDayCalendar(),
  ) {
    this.repository = new WorkflowRepository(database);
    this.events = new EnquiryRepository(database);
    this.calendar = calendar;
  }

  // ----- Clocks -----

  clocks(enquiry: OfficeEnquiry, now = this.now()): EnquiryClocks {
    const end = enquiry.stage === 'closed' ? enquiry.stageEnteredAt : now;
    return {
      firstResponseDueAt: enquiry.firstResponseDueAt,
      firstResponseOverdue: isFirstResponseOverdue(enquiry, now),
      workingDaysAtStage: this.calendar.workingDaysBetween(enquiry.stageEnteredAt, now),
      workingDaysOpen: this.calendar.workingDaysBetween(enquiry.receivedAt, end),
    };
  }

  requestClock(request: SiteRequest, now = this.now()): RequestClock {
    return { overdue: request.respondedAt === null && now.getTime() > request.dueAt.getTime() };
  }

  /** The default deadline for sites: `defaultSiteResponseWorkingDays` working days from now. */
  defaultSiteDeadline(now = this.now()): Date {
    return this.calendar.addWorkingDays(now, defaultSiteResponseWorkingDays);
  }

  // ----- Moves -----

  /** received → triaged: a named owner takes the enquiry; the enquirer is told who. */
  async triage(
    context: AuditContext,
    enquiryId: string,
    ownerUserId: string,
    note: string | null = null,
  ): Promise<void> {
    await this.database.transaction(async (tx) => {
      const enquiry = await this.lockOrThrow(tx, enquiryId);
      this.checkMove(enquiry, 'triaged');
      const owner = await this.repository.eligibleOwner(tx, ownerUserId);
      if (!owner) {
        throw new WorkflowInputError(
          'owner',
          'Choose an owner from the list: an active member of the alliance office',
        );
      }
      const now = this.now();
      await this.move(tx, context, enquiry, {
        change: {
          stage: 'triaged',
          stageEnteredAt: now,
          ownerUserId: owner.id,
          firstRespondedAt: enquiry.firstRespondedAt ?? now,
        },
        note,
        now,
        auditExtra: { ownerUserId: owner.id, ownerName: owner.displayName },
      });
      await this.mail.enqueue(tx, {
        to: enquiry.contactEmail,
        subject: `Your enquiry ${enquiry.reference}: ${owner.displayName} is looking after it`,
        text: [
          `Dear ${enquiry.contactName},`,
          '',
          `${owner.displayName} in the Midlands Health Alliance office now owns your enquiry ${enquiry.reference} (${enquiryTypeLabel(enquiry.enquiryType).toLowerCase()}).`,
          '',
          'They will choose the partner sites that can help and ask them whether they can take part. You will hear from them as the answers come in.',
          '',
          `If you contact us about your enquiry, please quote its reference, ${enquiry.reference}.`,
          '',
          'Midlands Health Alliance',
        ].join('\n'),
      });
    });
  }

  /**
   * triaged (or sites-responded, to ask more) → sites-consulted: one request per partner
   * organisation, with a deadline; each organisation's site office is emailed.
   */
  async consultSites(
    context: AuditContext,
    enquiryId: string,
    consultation: {
      organisationIds: readonly string[];
      /** A London calendar day (YYYY-MM-DD), or a number of working days from now. */
      due?: { date: string } | { workingDays: number };
      message: string;
    },
  ): Promise<string[]> {
    const organisationIds = [
      ...new Set(consultation.organisationIds.map((id) => id.toLowerCase())),
    ];
    return this.database.transaction(async (tx) => {
      const enquiry = await this.lockOrThrow(tx, enquiryId);
      this.checkMove(enquiry, 'sites-consulted');
      const now = this.now();
      if (organisationIds.length === 0) {
        throw new WorkflowInputError('organisations', 'Choose at least one partner organisation');
      }
      if (organisationIds.length > maxSitesPerConsultation) {
        throw new WorkflowInputError(
          'organisations',
          `Choose ${maxSitesPerConsultation} organisations or fewer`,
        );
      }
      const partners = new Map(
        (await this.repository.partnerOrganisations(tx)).map((partner) => [partner.id, partner]),
      );
      if (organisationIds.some((id) => !partners.has(id))) {
        throw new WorkflowInputError('organisations', 'Choose partner organisations from the list');
      }
      const asked = new Set(
        (await this.repository.siteRequests(enquiry.id, tx)).map(
          (request) => request.organisationId,
        ),
      );
      const again = organisationIds.filter((id) => asked.has(id));
      if (again.length) {
        throw new WorkflowInputError(
          'organisations',
          `${again.map((id) => partners.get(id)?.name ?? id).join(', ')} ${again.length === 1 ? 'has' : 'have'} already been asked about this enquiry`,
        );
      }

      const dueAt = this.dueDate(consultation.due, now);

      const requestIds: string[] = [];
      for (const organisationId of organisationIds) {
        requestIds.push(
          await this.repository.insertSiteRequest(tx, {
            enquiryId: enquiry.id,
            organisationId,
            requestedAt: now,
            requestedByUserId: context.actorUserId,
            dueAt,
            message: consultation.message,
          }),
        );
      }
      const names = organisationIds.map((id) => partners.get(id)?.name ?? id);
      await this.move(tx, context, enquiry, {
        change: { stage: 'sites-consulted', stageEnteredAt: now },
        note: `Asked ${names.join(', ')} to answer by ${londonDayWithWeekday(dueAt)}. ${consultation.message}`,
        now,
        auditExtra: { organisationIds, dueAt, requestIds },
      });

      const recipients = await this.repository.siteOfficeUsers(tx, organisationIds);
      for (const recipient of recipients) {
        const requestId = requestIds[organisationIds.indexOf(recipient.organisationId)];
        if (!requestId) continue;
        await this.mail.enqueue(tx, {
          to: recipient.email,
          subject: `Enquiry ${enquiry.reference}: can your organisation take part? Answer by ${londonDayWithWeekday(dueAt)}`,
          text: [
            `Hello ${recipient.displayName},`,
            '',
            `The Midlands Health Alliance office asks whether ${partners.get(recipient.organisationId)?.name ?? 'your organisation'} can take part in a study (${enquiryTypeLabel(enquiry.enquiryType).toLowerCase()}), enquiry ${enquiry.reference}.`,
            '',
            `Please answer by ${londonDayWithWeekday(dueAt)}:`,
            '',
            `${this.publicUrl}${pathTo.siteRequest(requestId)}`,
            '',
            'You need to sign in to see the request.',
            '',
            'Midlands Health Alliance',
          ].join('\n'),
        });
      }
      return requestIds;
    });
  }

  /**
   * A site office's answer to its own organisation's request, once. When every request of the
   * enquiry has an answer, the enquiry moves to sites-responded by itself.
   */
  async respond(
    context: AuditContext,
    requestId: string,
    siteUser: SignedInUser,
    answer: SiteAnswer,
  ): Promise<void> {
    if (answer.interested && !answer.principalInvestigator) {
      throw new WorkflowInputError(
        'principalInvestigator',
        'Enter the name of the principal investigator',
      );
    }
    await this.database.transaction(async (tx) => {
      const request = await this.repository.siteRequest(requestId, tx);
      if (
        !request ||
        siteUser.role !== 'site-office' ||
        !siteUser.organisationId ||
        request.organisationId !== siteUser.organisationId
      ) {
        throw new WorkflowNotFoundError();
      }
      const enquiry = await this.lockOrThrow(tx, request.enquiryId);
      if (request.respondedAt) {
        throw new WorkflowRefusedError('Your organisation has already answered this request');
      }
      if (enquiry.stage === 'closed') {
        throw new WorkflowRefusedError('This enquiry has been closed, so no answer is needed');
      }
      const now = this.now();
      const stored: SiteAnswer = answer.interested
        ? answer
        : { ...answer, principalInvestigator: null, estimatedRecruitment: null };
      if (!(await this.repository.answer(tx, requestId, siteUser.id, stored, now))) {
        throw new WorkflowRefusedError('Your organisation has already answered this request');
      }
      await this.events.addEvent(tx, {
        enquiryId: enquiry.id,
        occurredAt: now,
        actorUserId: context.actorUserId,
        actorLabel: context.actorLabel,
        kind: 'site-responded',
        fromStage: null,
        toStage: null,
        note: `${request.organisationName}: ${stored.interested ? 'interested' : 'not interested'}`,
      });
      await this.audit.record(tx, context, {
        action: 'site-response',
        entityType: 'enquiry-site-request',
        entityId: requestId,
        before: { respondedAt: null },
        after: {
          enquiryId: enquiry.id,
          reference: enquiry.reference,
          organisationId: request.organisationId,
          respondedAt: now,
          ...stored,
        },
      });

      const requests = await this.repository.siteRequests(enquiry.id, tx);
      if (
        enquiry.stage === 'sites-consulted' &&
        requests.every((item) => item.respondedAt !== null)
      ) {
        await this.move(tx, context, enquiry, {
          change: { stage: 'sites-responded', stageEnteredAt: now },
          note: 'Every site asked has answered',
          now,
        });
      }
    });
  }

  /** feasibility → costing-contracting → set-up → open, with the contract details. */
  async advance(
    context: AuditContext,
    enquiryId: string,
    toStage: AdvanceStage,
    note: string | null,
    details?: ContractDetails,
  ): Promise<void> {
    if (!(advanceStages as readonly string[]).includes(toStage)) {
      throw new WorkflowRefusedError('That move is not allowed');
    }
    await this.database.transaction(async (tx) => {
      const enquiry = await this.lockOrThrow(tx, enquiryId);
      this.checkMove(enquiry, toStage);
      const now = this.now();
      const change: StageChange = { stage: toStage, stageEnteredAt: now };
      const contract = details ?? {
        contractValueReview: enquiry.contractValueReview,
        modelAgreement: enquiry.modelAgreement,
        confidentialityAgreement: enquiry.confidentialityAgreement,
      };
      if (toStage === 'costing-contracting' || toStage === 'set-up') {
        Object.assign(change, contract);
      }
      if (toStage === 'set-up') {
        if (contract.contractValueReview !== 'agreed') {
          throw new WorkflowInputError(
            'contractValueReview',
            'Set-up can start only once the contract value review is agreed',
          );
        }
        if (!contract.modelAgreement) {
          throw new WorkflowInputError(
            'modelAgreement',
            'Select the model agreement before set-up starts',
          );
        }
        if (contract.confidentialityAgreement === 'requested') {
          throw new WorkflowInputError(
            'confidentialityAgreement',
            'Set-up can start only once the confidentiality agreement is signed or not needed',
          );
        }
      }
      await this.move(tx, context, enquiry, {
        change,
        note,
        now,
        auditExtra: toStage === 'costing-contracting' || toStage === 'set-up' ? contract : {},
      });
    });
  }

  /** Any open stage → closed, with its outcome and reason. */
  async close(
    context: AuditContext,
    enquiryId: string,
    outcome: ClosureOutcome,
    reason: string,
  ): Promise<void> {
    const trimmed = reason.trim();
    if (!trimmed) throw new WorkflowInputError('reason', 'Enter why the enquiry is being closed');
    if (characterCount(trimmed) > 2000) {
      throw new WorkflowInputError('reason', 'The reason must be 2,000 characters or fewer');
    }
    await this.database.transaction(async (tx) => {
      const enquiry = await this.lockOrThrow(tx, enquiryId);
      this.checkMove(enquiry, 'closed');
      const now = this.now();
      await this.move(tx, context, enquiry, {
        change: {
          stage: 'closed',
          stageEnteredAt: now,
          closedOutcome: outcome,
          closedReason: trimmed,
        },
        note: trimmed,
        now,
        auditExtra: { closedOutcome: outcome, closedReason: trimmed },
      });
    });
  }

  // ----- The machinery -----

  /** Refuses a move the model's table does not allow from the enquiry's current stage. */
  checkMove(enquiry: { stage: EnquiryStage }, to: EnquiryStage): void {
    if (!canMove(enquiry.stage, to)) {
      throw new WorkflowRefusedError(
        enquiry.stage === 'closed'
          ? refusals.closed
          : `${refusals[to]}. It is ${stageLabel(enquiry.stage).toLowerCase()}.`,
      );
    }
  }

  private async lockOrThrow(tx: Queryable, enquiryId: string): Promise<OfficeEnquiry> {
    const enquiry = await this.repository.lockEnquiry(tx, enquiryId);
    if (!enquiry) throw new WorkflowNotFoundError();
    return enquiry;
  }

  private async move(
    tx: Queryable,
    context: AuditContext,
    enquiry: OfficeEnquiry,
    options: {
      change: StageChange;
      note: string | null;
      now: Date;
      auditExtra?: Record<string, unknown> | ContractDetails;
    },
  ): Promise<void> {
    const { change, note, now } = options;
    this.checkMove(enquiry, change.stage);
    await this.repository.changeStage(tx, enquiry.id, change, now);
    await this.events.addEvent(tx, {
      enquiryId: enquiry.id,
      occurredAt: now,
      actorUserId: context.actorUserId,
      actorLabel: context.actorLabel,
      kind: 'stage-changed',
      fromStage: enquiry.stage,
      toStage: change.stage,
      note: note ? note.slice(0, 4000) : null,
    });
    await this.audit.record(tx, context, {
      action: 'stage-change',
      entityType: 'enquiry',
      entityId: enquiry.id,
      before: {
        reference: enquiry.reference,
        stage: enquiry.stage,
        stageEnteredAt: enquiry.stageEnteredAt,
        ownerUserId: enquiry.ownerUserId,
      },
      after: {
        reference: enquiry.reference,
        stage: change.stage,
        stageEnteredAt: change.stageEnteredAt,
        ownerUserId: change.ownerUserId ?? enquiry.ownerUserId,
        ...(change.firstRespondedAt ? { firstRespondedAt: change.firstRespondedAt } : {}),
        ...(note ? { note: note.slice(0, 4000) } : {}),
        ...options.auditExtra,
      },
    });
  }

  private dueDate(due: { date: string } | { workingDays: number } | undefined, now: Date): Date {
    if (!due) return this.defaultSiteDeadline(now);
    if ('workingDays' in due) {
      if (!Number.isSafeInteger(due.workingDays) || due.workingDays < 1 || due.workingDays > 60) {
        throw new WorkflowInputError('dueDay', 'The deadline must be 1 to 60 working days away');
      }
      return this.calendar.addWorkingDays(now, due.workingDays);
    }
    let dueAt: Date;
    try {
      dueAt = endOfLondonDay(due.date);
    } catch {
      throw new WorkflowInputError('dueDay', 'The deadline must be a real date');
    }
    if (Number.isNaN(dueAt.getTime())) {
      throw new WorkflowInputError('dueDay', 'The deadline must be a real date');
    }
    if (due.date <= londonDate(now)) {
      throw new WorkflowInputError('dueDay', 'The deadline must be in the future');
    }
    if (dueAt.getTime() - now.getTime() > 366 * 86_400_000) {
      throw new WorkflowInputError('dueDay', 'The deadline must be within a year');
    }
    if (!this.calendar.isWorkingDay(due.date)) {
      throw new WorkflowInputError('dueDay', 'The deadline must be a working day');
    }
    return dueAt;
  }
}

export function isFirstResponseOverdue(
  enquiry: Pick<OfficeEnquiry, 'stage' | 'firstRespondedAt' | 'firstResponseDueAt'>,
  now: Date,
): boolean {
  return (
    enquiry.stage === 'received' &&
    enquiry.firstRespondedAt === null &&
    enquiry.firstResponseDueAt !== null &&
    now.getTime() > enquiry.firstResponseDueAt.getTime()
  );
}
