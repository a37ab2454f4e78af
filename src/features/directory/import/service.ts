import { createHash } from 'node:crypto';
import type { AuditContext, AuditTrail } from '../../../platform/audit/audit-trail.js';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import type { Database, Queryable } from '../../../platform/db/database.js';
import { loadDirectory, type DirectoryLoad } from '../bulk-load.js';
import type { RecordStatus } from '../model.js';
import { actsForEveryOrganisation } from '../records.js';
import { importKindNames, type ImportKind } from './columns.js';
import { readCsv, type ImportProblem } from './csv.js';
import {
  checkHeader,
  referencesOf,
  validateRecords,
  type DirectoryFacts,
  type PersonFact,
  type References,
  type ValidRecords,
} from './validate.js';

export interface ImportFile {
  kind: ImportKind;
  fileName: string;
  content: Buffer;
  /** Asked for by the importer; honoured only for the alliance office and administrators. */
  publish: boolean;
}

export interface ImportedRecord {
  row: number;
  id: string;
  label: string;
}

export type ImportResult =
  | {
      ok: false;
      problems: ImportProblem[];
      records: number;
      /** The database error that undid a checked import, for the log. */
      failure?: unknown;
    }
  | { ok: true; kind: ImportKind; status: RecordStatus; created: ImportedRecord[] };

/** Raised inside the import's transaction to undo it: the directory changed under the import. */
class ImportConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportConflictError';
  }
}

// Imports take this lock for their transaction, so two imports never check and write at once.
const importLock = 727_003;

/** Lower-case, single-spaced, as validate.ts compares titles. */
const folded = (value: string) => value.replace(/\s+/g, ' ').trim().toLowerCase();

async function directoryFacts(
  tx: Queryable,
  kind: ImportKind,
  user: SignedInUser,
  references: References,
): Promise<DirectoryFacts> {
  const organisations = await tx.query<{ id: string; slug: string; status: RecordStatus }>(
    `select id::text as id, slug, status from organisation
     where slug = any($1::text[]) or id = $2::uuid`,
    [references.organisationSlugs, user.organisationId],
  );
  const peopleByOrcid = new Map<string, PersonFact>();
  const peopleById = new Map<string, PersonFact>();
  if (references.orcids.length || references.personIds.length) {
    const people = await tx.query<{
      id: string;
      organisation_id: string;
      status: RecordStatus;
      orcid: string | null;
    }>(
      `select id::text as id, organisation_id::text as organisation_id, status, orcid
       from directory_person where orcid = any($1::text[]) or id = any($2::uuid[])`,
      [references.orcids, references.personIds],
    );
    for (const person of people) {
      const fact = { id: person.id, organisationId: person.organisation_id, status: person.status };
      peopleById.set(person.id, fact);
      if (person.orcid) peopleByOrcid.set(person.orcid, fact);
    }
  }
  const capabilityTitles = new Set<string>();
  if (kind === 'capabilities' && organisations.length) {
    const titles = await tx.query<{ organisation_id: string; title: string }>(
      `select organisation_id::text as organisation_id, title from capability
       where organisation_id = any($1::uuid[]) and status <> 'archived'`,
      [organisations.map((organisation) => organisation.id)],
    );
    for (const row of titles) capabilityTitles.add(`${row.organisation_id} ${folded(row.title)}`);
  }
  return {
    organisationsBySlug: new Map(organisations.map((row) => [row.slug, row])),
    importerOrganisationSlug:
      organisations.find((organisation) => organisation.id === user.organisationId)?.slug ?? null,
    peopleByOrcid,
    peopleById,
    capabilityTitles,
  };
}

const keyOf = (row: number) => `row-${row}`;

function directoryLoadOf(records: ValidRecords): DirectoryLoad {
  const load: DirectoryLoad = { organisations: [], people: [], capabilities: [] };
  if (records.kind === 'organisations') {
    load.organisations = records.items.map(({ slug, input }) => ({ slug, ...input }));
  } else if (records.kind === 'people') {
    load.people = records.items.map(({ row, organisationSlug, input }) => ({
      key: keyOf(row),
      organisationSlug,
      fullName: input.fullName,
      jobTitle: input.jobTitle,
      expertise: input.expertise,
      orcid: input.orcid,
      keywords: input.keywords,
    }));
  } else {
    // People are linked afterwards, as they are already in the directory, not in this load.
    load.capabilities = records.items.map(({ row, organisationSlug, input }) => ({
      key: keyOf(row),
      organisationSlug,
      title: input.title,
      summary: input.summary,
      description: input.description,
      type: input.type,
      place: input.place,
      categories: input.categories,
      keywords: input.keywords,
      personKeys: [],
    }));
  }
  return load;
}

/** Whether a database error was caused by the data (a constraint or a bad value), not a fault. */
function isDataError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

/**
 * Bulk import of directory records from one CSV file: every row is checked first and, only if
 * all are good, all are written in one transaction with an audit event for each record and one
 * for the import itself. Site research offices import drafts for their own organisation; the
 * alliance office and administrators may import for any organisation and publish at once.
 */
export class DirectoryImporter {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditTrail,
  ) {}

  /** The status imported records get for `user`. */
  static statusFor(user: SignedInUser, publish: boolean): RecordStatus {
    return publish && actsForEveryOrganisation(user) ? 'published' : 'draft';
  }

  async import(user: SignedInUser, context: AuditContext, file: ImportFile): Promise<ImportResult> {
    if (file.kind === 'organisations' && !actsForEveryOrganisation(user)) {
      return {
        ok: false,
        records: 0,
        problems: [
          { row: null, column: null, message: 'Only the alliance office can import organisations' },
        ],
      };
    }
    const read = readCsv(file.content);
    if ('problems' in read) return { ok: false, problems: read.problems, records: 0 };
    const { table } = read;
    const header = checkHeader(file.kind, table.header);
    if (header.fatal) {
      return { ok: false, problems: header.problems, records: table.records.length };
    }
    const references = referencesOf(file.kind, table, header.columns);
    const status = DirectoryImporter.statusFor(user, file.publish);
    try {
      return await this.database.transaction(async (tx): Promise<ImportResult> => {
        await tx.query('select pg_advisory_xact_lock($1)', [importLock]);
        const facts = await directoryFacts(tx, file.kind, user, references);
        const checked = validateRecords(file.kind, table, header, user, facts);
        const problems = [...header.problems, ...checked.problems];
        if (problems.length) return { ok: false, problems, records: table.records.length };
        const created = await this.write(tx, checked.records, status);
        await this.recordAudit(tx, context, checked.records, created, status);
        await this.audit.record(tx, context, {
          action: 'import',
          entityType: 'directory-import',
          after: {
            recordType: file.kind,
            fileName: file.fileName,
            sha256: createHash('sha256').update(file.content).digest('hex'),
            records: created.length,
            status,
          },
        });
        return { ok: true, kind: file.kind, status, created };
      });
    } catch (error) {
      if (error instanceof ImportConflictError || isDataError(error)) {
        return {
          ok: false,
          records: table.records.length,
          failure: error,
          problems: [
            {
              row: null,
              column: null,
              message:
                error instanceof ImportConflictError
                  ? error.message
                  : 'The directory refused one of the records, perhaps because someone changed it at the same time. Try the import again',
            },
          ],
        };
      }
      throw error;
    }
  }

  /** Writes the records with the set-based loader; returns each record's id, in file order. */
  private async write(
    tx: Queryable,
    records: ValidRecords,
    status: RecordStatus,
  ): Promise<ImportedRecord[]> {
    const loaded = await loadDirectory(tx, directoryLoadOf(records), { status, isSample: false });
    const conflict = () =>
      new ImportConflictError(
        `Someone changed the directory while the ${importKindNames[records.kind].plural} were being imported. Nothing was imported: try again`,
      );
    if (records.kind === 'organisations') {
      // Existing slugs are skipped by the loader; rows it wrote have this transaction's time.
      const rows = await tx.query<{ id: string; slug: string }>(
        `select id::text as id, slug from organisation
         where slug = any($1::text[]) and created_at = now()`,
        [records.items.map((item) => item.slug)],
      );
      const ids = new Map(rows.map((row) => [row.slug, row.id]));
      return records.items.map((item) => {
        const id = ids.get(item.slug);
        if (!id) throw conflict();
        return { row: item.row, id, label: item.input.name };
      });
    }
    if (records.kind === 'people') {
      return records.items.map((item) => {
        const id = loaded.people.get(keyOf(item.row));
        if (!id) throw conflict();
        return { row: item.row, id, label: item.input.fullName };
      });
    }
    const created = records.items.map((item) => {
      const id = loaded.capabilities.get(keyOf(item.row));
      if (!id) throw conflict();
      return { row: item.row, id, label: item.input.title };
    });
    const links = records.items.flatMap((item, index) =>
      item.input.personIds.map((personId) => ({ c: created[index]?.id, p: personId })),
    );
    if (links.length) {
      await tx.query(
        `insert into capability_person (capability_id, person_id)
         select r.c, r.p from json_to_recordset($1::json) as r(c uuid, p uuid)
         on conflict do nothing`,
        [JSON.stringify(links)],
      );
    }
    return created;
  }

  private async recordAudit(
    tx: Queryable,
    context: AuditContext,
    records: ValidRecords,
    created: readonly ImportedRecord[],
    status: RecordStatus,
  ) {
    const entityType = importKindNames[records.kind].entityType;
    const afterOf = (index: number): unknown => {
      if (records.kind === 'organisations') {
        const item = records.items[index];
        return item && { slug: item.slug, ...item.input, status };
      }
      const item = records.items[index];
      return item && { ...item.input, status };
    };
    for (const [index, record] of created.entries()) {
      await this.audit.record(tx, context, {
        action: 'create',
        entityType,
        entityId: record.id,
        after: afterOf(index),
      });
    }
  }
}
