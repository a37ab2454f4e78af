import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { SignedInUser } from '../../platform/auth/roles.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type {
  CapabilityInput,
  OrganisationInput,
  PersonInput,
  RecordKind,
  RecordStatus,
} from './model.js';
import {
  DirectoryRecordsRepository,
  type CapabilityRecord,
  type ListFilter,
  type OrganisationRecord,
  type PersonRecord,
} from './records-repository.js';
import { refreshFacetCounts, rememberWords } from './search-repository.js';

/** Raised when a record does not exist or the user may not see it (the two look the same). */
export class RecordNotFoundError extends Error {
  constructor(kind: RecordKind) {
    super(`No such ${kind}`);
    this.name = 'RecordNotFoundError';
  }
}

/** Raised when a user may see a record but not make this change to it. */
export class RecordChangeRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordChangeRefusedError';
  }
}

export type StatusAction = 'submit' | 'publish' | 'return' | 'archive' | 'restore';

/** The workflow: which action moves a record from which state to which, and who may take it. */
export const statusActions: Record<
  StatusAction,
  { from: readonly RecordStatus[]; to: RecordStatus; officeOnly: boolean; label: string }
> = {
  submit: { from: ['draft'], to: 'in-review', officeOnly: false, label: 'Send for review' },
  publish: {
    from: ['in-review', 'draft'],
    to: 'published',
    officeOnly: true,
    label: 'Publish',
  },
  return: {
    from: ['in-review', 'published'],
    to: 'draft',
    officeOnly: true,
    label: 'Return to draft',
  },
  archive: {
    from: ['draft', 'in-review', 'published'],
    to: 'archived',
    officeOnly: false,
    label: 'Archive',
  },
  restore: { from: ['archived'], to: 'draft', officeOnly: false, label: 'Restore as draft' },
};

/** Alliance office and administrators act for every organisation. */
export function actsForEveryOrganisation(user: SignedInUser): boolean {
  return user.role === 'admin' || user.role === 'alliance-office';
}

/** Whether `user` may see and maintain the records of organisation `organisationId`. */
export function maintainsOrganisation(user: SignedInUser, organisationId: string): boolean {
  if (actsForEveryOrganisation(user)) return true;
  return user.role === 'site-office' && user.organisationId === organisationId;
}

/**
 * The actions `user` may take on a record in `status` of organisation `organisationId`. An
 * organisation's own status (which takes all its records off the website) is the alliance
 * office's to change, so a site office only edits its organisation's details.
 */
export function actionsFor(
  user: SignedInUser,
  organisationId: string,
  status: RecordStatus,
  kind: RecordKind = 'capability',
): StatusAction[] {
  if (!maintainsOrganisation(user, organisationId)) return [];
  const office = actsForEveryOrganisation(user);
  if (kind === 'organisation' && !office) return [];
  return (Object.keys(statusActions) as StatusAction[]).filter((action) => {
    const rule = statusActions[action];
    return rule.from.includes(status) && (!rule.officeOnly || office);
  });
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const searchableText = {
  capability: (input: CapabilityInput) =>
    [input.title, input.summary, input.description, ...input.keywords].join(' '),
  person: (input: PersonInput) =>
    [input.fullName, input.jobTitle, input.expertise, ...input.keywords].join(' '),
};

/**
 * Maintaining directory records: site research offices keep their own organisation's records,
 * the alliance office and administrators keep everyone's and are the only ones who publish.
 * Every change is written to the audit trail in the same transaction.
 */
export class DirectoryRecords {
  private readonly repository: DirectoryRecordsRepository;

  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
  ) {
    this.repository = new DirectoryRecordsRepository(database);
  }

  /** The organisation whose records a new record of `user` belongs to when they cannot choose. */
  private requireMaintains(user: SignedInUser, organisationId: string, kind: RecordKind) {
    if (!maintainsOrganisation(user, organisationId)) {
      throw new RecordChangeRefusedError(
        `You can only maintain ${kind === 'organisation' ? 'your own organisation' : `records of your own organisation`}`,
      );
    }
  }

  async capability(user: SignedInUser, id: string): Promise<CapabilityRecord> {
    const record = uuidPattern.test(id) ? await this.repository.capability(id) : null;
    if (!record || !maintainsOrganisation(user, record.organisation.id)) {
      throw new RecordNotFoundError('capability');
    }
    return record;
  }

  async person(user: SignedInUser, id: string): Promise<PersonRecord> {
    const record = uuidPattern.test(id) ? await this.repository.person(id) : null;
    if (!record || !maintainsOrganisation(user, record.organisation.id)) {
      throw new RecordNotFoundError('person');
    }
    return record;
  }

  async organisation(user: SignedInUser, id: string): Promise<OrganisationRecord> {
    const record = uuidPattern.test(id) ? await this.repository.organisation({ id }) : null;
    if (!record || !maintainsOrganisation(user, record.id)) {
      throw new RecordNotFoundError('organisation');
    }
    return record;
  }

  /** The records `user` maintains, narrowed by `filter`. */
  private scope(
    user: SignedInUser,
    filter: Omit<ListFilter, 'organisationId'>,
    organisationId?: string,
  ) {
    if (actsForEveryOrganisation(user)) return { ...filter, organisationId };
    return {
      ...filter,
      organisationId: user.organisationId ?? '00000000-0000-0000-0000-000000000000',
    };
  }

  listCapabilities(
    user: SignedInUser,
    filter: Omit<ListFilter, 'organisationId'>,
    organisationId?: string,
  ) {
    return this.repository.listCapabilities(this.scope(user, filter, organisationId));
  }

  listPeople(
    user: SignedInUser,
    filter: Omit<ListFilter, 'organisationId'>,
    organisationId?: string,
  ) {
    return this.repository.listPeople(this.scope(user, filter, organisationId));
  }

  listOrganisations(user: SignedInUser, filter: Omit<ListFilter, 'organisationId'>) {
    return this.repository.listOrganisations(this.scope(user, filter));
  }

  /** Organisations `user` may file records under, for the choice on a form. */
  async organisationsFor(user: SignedInUser): Promise<OrganisationRecord[]> {
    const { items } = await this.listOrganisations(user, { limit: 1000, offset: 0 });
    return items.filter((organisation) => organisation.status !== 'archived');
  }

  /**
   * People linked to a capability must exist, and a site office may link only its own
   * organisation's people or people already published in the directory.
   */
  private async checkPeople(tx: Queryable, user: SignedInUser, personIds: readonly string[]) {
    if (personIds.some((id) => !uuidPattern.test(id))) {
      throw new RecordChangeRefusedError('Choose people who are in the directory');
    }
    const existing = await this.repository.existingPeople(tx, personIds);
    const usable = personIds.every((id) => {
      const person = existing.get(id);
      return (
        person !== undefined &&
        (person.status === 'published' || maintainsOrganisation(user, person.organisationId))
      );
    });
    if (!usable) throw new RecordChangeRefusedError('Choose people who are in the directory');
  }

  /** An ORCID iD identifies one person, so two records may not share it. */
  private async checkOrcid(tx: Queryable, orcid: string | null, exceptId: string | null) {
    if (orcid && (await this.repository.orcidTaken(tx, orcid, exceptId))) {
      throw new RecordChangeRefusedError(
        'Another person in the directory already has this ORCID iD',
      );
    }
  }

  async createCapability(user: SignedInUser, context: AuditContext, input: CapabilityInput) {
    this.requireMaintains(user, input.organisationId, 'capability');
    return this.database.transaction(async (tx) => {
      await this.checkPeople(tx, user, input.personIds);
      const id = await this.repository.insertCapability(tx, input, 'draft');
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'capability',
        entityId: id,
        after: { ...input, status: 'draft' },
      });
      return id;
    });
  }

  async updateCapability(
    user: SignedInUser,
    context: AuditContext,
    id: string,
    input: CapabilityInput,
  ): Promise<void> {
    const before = await this.capability(user, id);
    this.requireMaintains(user, input.organisationId, 'capability');
    await this.database.transaction(async (tx) => {
      await this.checkPeople(tx, user, input.personIds);
      await this.repository.updateCapability(tx, id, input);
      if (before.status === 'published') {
        await rememberWords(tx, searchableText.capability(input));
        await refreshFacetCounts(tx);
      }
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'capability',
        entityId: id,
        before: capabilityInputOf(before),
        after: input,
      });
    });
  }

  async createPerson(user: SignedInUser, context: AuditContext, input: PersonInput) {
    this.requireMaintains(user, input.organisationId, 'person');
    return this.database.transaction(async (tx) => {
      await this.checkOrcid(tx, input.orcid, null);
      const id = await this.repository.insertPerson(tx, input, 'draft');
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'person',
        entityId: id,
        after: { ...input, status: 'draft' },
      });
      return id;
    });
  }

  async updatePerson(user: SignedInUser, context: AuditContext, id: string, input: PersonInput) {
    const before = await this.person(user, id);
    this.requireMaintains(user, input.organisationId, 'person');
    await this.database.transaction(async (tx) => {
      await this.checkOrcid(tx, input.orcid, id);
      await this.repository.updatePerson(tx, id, input);
      if (before.status === 'published') await rememberWords(tx, searchableText.person(input));
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'person',
        entityId: id,
        before: personInputOf(before),
        after: input,
      });
    });
  }

  /** New organisations (a company, a new facility) are added by the alliance office. */
  async createOrganisation(
    user: SignedInUser,
    context: AuditContext,
    slug: string,
    input: OrganisationInput,
  ) {
    if (!actsForEveryOrganisation(user)) {
      throw new RecordChangeRefusedError('Only the alliance office can add organisations');
    }
    return this.database.transaction(async (tx) => {
      if (await this.repository.slugTaken(tx, slug)) {
        throw new RecordChangeRefusedError('An organisation with that web address already exists');
      }
      const id = await this.repository.insertOrganisation(tx, slug, input, 'draft');
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'organisation',
        entityId: id,
        after: { slug, ...input, status: 'draft' },
      });
      return id;
    });
  }

  async updateOrganisation(
    user: SignedInUser,
    context: AuditContext,
    id: string,
    input: OrganisationInput,
  ) {
    const before = await this.organisation(user, id);
    await this.database.transaction(async (tx) => {
      await this.repository.updateOrganisation(tx, id, input);
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'organisation',
        entityId: id,
        before: organisationInputOf(before),
        after: input,
      });
    });
  }

  /** Moves a record along the workflow, if `action` is allowed from its state for `user`. */
  async changeStatus(
    user: SignedInUser,
    context: AuditContext,
    kind: RecordKind,
    id: string,
    action: StatusAction,
  ): Promise<RecordStatus> {
    const record =
      kind === 'capability'
        ? await this.capability(user, id)
        : kind === 'person'
          ? await this.person(user, id)
          : await this.organisation(user, id);
    const organisationId = 'organisation' in record ? record.organisation.id : record.id;
    if (!actionsFor(user, organisationId, record.status, kind).includes(action)) {
      throw new RecordChangeRefusedError(
        `This ${kind} cannot be changed that way while it is ${record.status.replace('-', ' ')}`,
      );
    }
    const to = statusActions[action].to;
    await this.database.transaction(async (tx) => {
      await this.repository.setStatus(tx, kind, id, to);
      // What is published changed when a capability or a whole organisation moved.
      if (kind !== 'person') await refreshFacetCounts(tx);
      if (to === 'published' && kind === 'capability') {
        await rememberWords(
          tx,
          searchableText.capability(capabilityInputOf(record as CapabilityRecord)),
        );
      }
      if (to === 'published' && kind === 'person') {
        await rememberWords(tx, searchableText.person(personInputOf(record as PersonRecord)));
      }
      await this.audit.record(tx, context, {
        action: `status-${action}`,
        entityType: kind,
        entityId: id,
        before: { status: record.status },
        after: { status: to },
      });
    });
    return to;
  }
}

export function capabilityInputOf(record: CapabilityRecord): CapabilityInput {
  return {
    title: record.title,
    summary: record.summary,
    description: record.description,
    type: record.type,
    organisationId: record.organisation.id,
    place: record.place,
    categories: record.categories,
    keywords: record.keywords,
    personIds: record.people.map((person) => person.id),
  };
}

export function personInputOf(record: PersonRecord): PersonInput {
  return {
    fullName: record.fullName,
    jobTitle: record.jobTitle,
    organisationId: record.organisation.id,
    expertise: record.expertise,
    orcid: record.orcid,
    keywords: record.keywords,
  };
}

export function organisationInputOf(record: OrganisationRecord): OrganisationInput {
  return {
    name: record.name,
    shortName: record.shortName,
    type: record.type,
    city: record.city,
    websiteUrl: record.websiteUrl,
    summary: record.summary,
    description: record.description,
  };
}
