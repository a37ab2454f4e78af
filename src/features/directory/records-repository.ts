import type { Queryable } from '../../platform/db/database.js';
import type {
  CapabilityInput,
  CapabilityType,
  HealthCategory,
  MidlandsPlace,
  OrganisationInput,
  OrganisationType,
  PersonInput,
  RecordKind,
  RecordStatus,
} from './model.js';

export interface OrganisationSummary {
  id: string;
  slug: string;
  name: string;
  shortName: string;
  type: OrganisationType;
  city: string;
  status: RecordStatus;
}

export interface OrganisationRecord extends OrganisationSummary {
  websiteUrl: string | null;
  summary: string;
  description: string;
  isPartner: boolean;
  isSample: boolean;
  updatedAt: Date;
}

export interface PersonSummary {
  id: string;
  fullName: string;
  jobTitle: string;
  status: RecordStatus;
  organisation: OrganisationSummary;
}

export interface PersonRecord extends PersonSummary {
  expertise: string;
  orcid: string | null;
  keywords: string[];
  isSample: boolean;
  updatedAt: Date;
}

export interface CapabilitySummary {
  id: string;
  title: string;
  summary: string;
  type: CapabilityType;
  place: MidlandsPlace;
  status: RecordStatus;
  organisation: OrganisationSummary;
  updatedAt: Date;
}

export interface CapabilityRecord extends CapabilitySummary {
  description: string;
  categories: HealthCategory[];
  keywords: string[];
  people: PersonSummary[];
  isSample: boolean;
}

const organisationColumns = (alias: string, prefix = '') =>
  `${alias}.id::text as ${prefix}id, ${alias}.slug as ${prefix}slug, ${alias}.name as ${prefix}name,
   ${alias}.short_name as ${prefix}short_name, ${alias}.type as ${prefix}type,
   ${alias}.city as ${prefix}city, ${alias}.status as ${prefix}status`;

type OrganisationSummaryRow = {
  id: string;
  slug: string;
  name: string;
  short_name: string;
  type: OrganisationType;
  city: string;
  status: RecordStatus;
};
type Prefixed<P extends string, T> = { [K in keyof T as `${P}${K & string}`]: T[K] };

function organisationSummaryFrom<P extends string>(
  row: Prefixed<P, OrganisationSummaryRow>,
  prefix: P,
): OrganisationSummary {
  const value = (key: keyof OrganisationSummaryRow) =>
    (row as Record<string, unknown>)[`${prefix}${key}`];
  return {
    id: value('id') as string,
    slug: value('slug') as string,
    name: value('name') as string,
    shortName: value('short_name') as string,
    type: value('type') as OrganisationType,
    city: value('city') as string,
    status: value('status') as RecordStatus,
  };
}

type OrganisationRow = OrganisationSummaryRow & {
  website_url: string | null;
  summary: string;
  description: string;
  is_partner: boolean;
  is_sample: boolean;
  updated_at: Date;
};

type PersonRow = Prefixed<'org_', OrganisationSummaryRow> & {
  id: string;
  full_name: string;
  job_title: string;
  status: RecordStatus;
  expertise: string;
  orcid: string | null;
  keywords: string[];
  is_sample: boolean;
  updated_at: Date;
};

type CapabilityRow = Prefixed<'org_', OrganisationSummaryRow> & {
  id: string;
  title: string;
  summary: string;
  description: string;
  type: CapabilityType;
  place: MidlandsPlace;
  categories: HealthCategory[];
  keywords: string[];
  status: RecordStatus;
  is_sample: boolean;
  updated_at: Date;
};

const toOrganisation = (row: OrganisationRow): OrganisationRecord => ({
  ...organisationSummaryFrom(row, ''),
  websiteUrl: row.website_url,
  summary: row.summary,
  description: row.description,
  isPartner: row.is_partner,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

const toPerson = (row: PersonRow): PersonRecord => ({
  id: row.id,
  fullName: row.full_name,
  jobTitle: row.job_title,
  status: row.status,
  organisation: organisationSummaryFrom(row, 'org_'),
  expertise: row.expertise,
  orcid: row.orcid,
  keywords: row.keywords,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

const toCapability = (row: CapabilityRow, people: PersonSummary[] = []): CapabilityRecord => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  description: row.description,
  type: row.type,
  place: row.place,
  categories: row.categories,
  keywords: row.keywords,
  status: row.status,
  organisation: organisationSummaryFrom(row, 'org_'),
  people,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

const personSelect = `select p.id::text as id, p.full_name, p.job_title, p.status, p.expertise,
    p.orcid, p.keywords, p.is_sample, p.updated_at, ${organisationColumns('o', 'org_')}
  from directory_person p join organisation o on o.id = p.organisation_id`;

const capabilitySelect = `select c.id::text as id, c.title, c.summary, c.description, c.type,
    c.place, c.categories, c.keywords, c.status, c.is_sample, c.updated_at,
    ${organisationColumns('o', 'org_')}
  from capability c join organisation o on o.id = c.organisation_id`;

const organisationSelect = `select ${organisationColumns('o')}, o.website_url, o.summary,
    o.description, o.is_partner, o.is_sample, o.updated_at from organisation o`;

export interface ListFilter {
  status?: RecordStatus | undefined;
  organisationId?: string | undefined;
  /** Published records only, of published organisations: what the public may see. */
  publicOnly?: boolean;
  q?: string;
  limit: number;
  offset: number;
}

const tables: Record<RecordKind, string> = {
  capability: 'capability',
  person: 'directory_person',
  organisation: 'organisation',
};

/** SQL for reading and writing directory records, whatever their state. */
export class DirectoryRecordsRepository {
  constructor(private readonly db: Queryable) {}

  async organisation(
    key: { id: string } | { slug: string },
    db = this.db,
  ): Promise<OrganisationRecord | null> {
    const [row] =
      'id' in key
        ? await db.query<OrganisationRow>(`${organisationSelect} where o.id = $1`, [key.id])
        : await db.query<OrganisationRow>(`${organisationSelect} where o.slug = $1`, [key.slug]);
    return row ? toOrganisation(row) : null;
  }

  async person(id: string, db = this.db): Promise<PersonRecord | null> {
    const [row] = await db.query<PersonRow>(`${personSelect} where p.id = $1`, [id]);
    return row ? toPerson(row) : null;
  }

  async capability(id: string, db = this.db): Promise<CapabilityRecord | null> {
    const [row] = await db.query<CapabilityRow>(`${capabilitySelect} where c.id = $1`, [id]);
    if (!row) return null;
    const people = await db.query<PersonRow>(
      `${personSelect} join capability_person cp on cp.person_id = p.id
       where cp.capability_id = $1 order by p.full_name`,
      [id],
    );
    return toCapability(row, people.map(toPerson));
  }

  private static where(filter: ListFilter, alias: string, textColumn: string) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replaceAll('?', `$${params.length}`));
    };
    if (filter.publicOnly) {
      conditions.push(`${alias}.status = 'published'`);
      if (alias !== 'o') conditions.push(`o.status = 'published'`);
    }
    if (filter.status) add(`${alias}.status = ?`, filter.status);
    if (filter.organisationId) add('o.id = ?::uuid', filter.organisationId);
    let textParameter: number | null = null;
    if (filter.q) {
      params.push(filter.q, `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
      textParameter = params.length - 1;
      conditions.push(
        `(${alias}.search_vector @@ websearch_to_tsquery('english', $${textParameter}) or ${textColumn} ilike $${params.length})`,
      );
    }
    return {
      sql: conditions.length ? `where ${conditions.join(' and ')}` : '',
      params,
      textParameter,
    };
  }

  async listCapabilities(
    filter: ListFilter,
  ): Promise<{ items: CapabilityRecord[]; total: number }> {
    const { sql, params } = DirectoryRecordsRepository.where(filter, 'c', 'c.title');
    const n = params.length;
    const [rows, [count]] = await Promise.all([
      this.db.query<CapabilityRow>(
        `${capabilitySelect} ${sql} order by c.title, c.id limit $${n + 1} offset $${n + 2}`,
        [...params, filter.limit, filter.offset],
      ),
      this.db.query<{ n: number }>(
        `select count(*)::int as n from capability c join organisation o on o.id = c.organisation_id ${sql}`,
        params,
      ),
    ]);
    return { items: rows.map((row) => toCapability(row)), total: count?.n ?? 0 };
  }

  async listPeople(filter: ListFilter): Promise<{ items: PersonRecord[]; total: number }> {
    const { sql, params, textParameter } = DirectoryRecordsRepository.where(
      filter,
      'p',
      'p.full_name',
    );
    const n = params.length;
    const order = textParameter
      ? `ts_rank(p.search_vector, websearch_to_tsquery('english', $${textParameter})) desc, p.full_name, p.id`
      : 'p.full_name, p.id';
    const [rows, [count]] = await Promise.all([
      this.db.query<PersonRow>(
        `${personSelect} ${sql} order by ${order} limit $${n + 1} offset $${n + 2}`,
        [...params, filter.limit, filter.offset],
      ),
      this.db.query<{ n: number }>(
        `select count(*)::int as n from directory_person p join organisation o on o.id = p.organisation_id ${sql}`,
        params,
      ),
    ]);
    return { items: rows.map(toPerson), total: count?.n ?? 0 };
  }

  async listOrganisations(
    filter: ListFilter & { types?: readonly string[] },
  ): Promise<{ items: OrganisationRecord[]; total: number }> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (filter.publicOnly) conditions.push(`o.status = 'published'`);
    if (filter.status) {
      params.push(filter.status);
      conditions.push(`o.status = $${params.length}`);
    }
    if (filter.organisationId) {
      params.push(filter.organisationId);
      conditions.push(`o.id = $${params.length}::uuid`);
    }
    if (filter.types?.length) {
      params.push([...filter.types]);
      conditions.push(`o.type = any($${params.length}::text[])`);
    }
    if (filter.q) {
      params.push(`%${filter.q.replace(/[\\%_]/g, '\\$&')}%`);
      conditions.push(
        `(o.name ilike $${params.length} or o.short_name ilike $${params.length} or o.summary ilike $${params.length})`,
      );
    }
    const where = conditions.length ? `where ${conditions.join(' and ')}` : '';
    const n = params.length;
    const [rows, [count]] = await Promise.all([
      this.db.query<OrganisationRow>(
        `${organisationSelect} ${where} order by o.name limit $${n + 1} offset $${n + 2}`,
        [...params, filter.limit, filter.offset],
      ),
      this.db.query<{ n: number }>(
        `select count(*)::int as n from organisation o ${where}`,
        params,
      ),
    ]);
    return { items: rows.map(toOrganisation), total: count?.n ?? 0 };
  }

  async capabilitiesOfPerson(personId: string, publicOnly: boolean): Promise<CapabilityRecord[]> {
    const rows = await this.db.query<CapabilityRow>(
      `${capabilitySelect} join capability_person cp on cp.capability_id = c.id
       where cp.person_id = $1 ${publicOnly ? `and c.status = 'published' and o.status = 'published'` : ''}
       order by c.title`,
      [personId],
    );
    return rows.map((row) => toCapability(row));
  }

  /** Published organisations by slug, for facet labels. */
  async publishedOrganisationNames(): Promise<Map<string, string>> {
    const rows = await this.db.query<{ slug: string; name: string }>(
      `select slug, name from organisation where status = 'published' order by name`,
    );
    return new Map(rows.map((row) => [row.slug, row.name]));
  }

  async insertCapability(
    db: Queryable,
    input: CapabilityInput,
    status: RecordStatus,
    isSample = false,
  ): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `insert into capability (organisation_id, title, summary, description, type, place,
         categories, keywords, status, is_sample, published_at)
       values ($1, $2, $3, $4, $5, $6, $7::text[], $8::text[], $9, $10,
         case when $9 = 'published' then now() end)
       returning id::text as id`,
      [
        input.organisationId,
        input.title,
        input.summary,
        input.description,
        input.type,
        input.place,
        input.categories,
        input.keywords,
        status,
        isSample,
      ],
    );
    if (!row) throw new Error('insert returned no id');
    await this.linkPeople(db, row.id, input.personIds);
    return row.id;
  }

  async updateCapability(db: Queryable, id: string, input: CapabilityInput): Promise<void> {
    await db.query(
      `update capability set organisation_id = $2, title = $3, summary = $4, description = $5,
         type = $6, place = $7, categories = $8::text[], keywords = $9::text[], updated_at = now()
       where id = $1`,
      [
        id,
        input.organisationId,
        input.title,
        input.summary,
        input.description,
        input.type,
        input.place,
        input.categories,
        input.keywords,
      ],
    );
    await db.query('delete from capability_person where capability_id = $1', [id]);
    await this.linkPeople(db, id, input.personIds);
  }

  private async linkPeople(db: Queryable, capabilityId: string, personIds: readonly string[]) {
    if (personIds.length === 0) return;
    await db.query(
      `insert into capability_person (capability_id, person_id)
       select $1, person_id from unnest($2::uuid[]) as person_id on conflict do nothing`,
      [capabilityId, [...personIds]],
    );
  }

  async insertPerson(
    db: Queryable,
    input: PersonInput,
    status: RecordStatus,
    isSample = false,
  ): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `insert into directory_person (organisation_id, full_name, job_title, expertise, orcid,
         keywords, status, is_sample, published_at)
       values ($1, $2, $3, $4, $5, $6::text[], $7, $8, case when $7 = 'published' then now() end)
       returning id::text as id`,
      [
        input.organisationId,
        input.fullName,
        input.jobTitle,
        input.expertise,
        input.orcid,
        input.keywords,
        status,
        isSample,
      ],
    );
    if (!row) throw new Error('insert returned no id');
    return row.id;
  }

  async updatePerson(db: Queryable, id: string, input: PersonInput): Promise<void> {
    await db.query(
      `update directory_person set organisation_id = $2, full_name = $3, job_title = $4,
         expertise = $5, orcid = $6, keywords = $7::text[], updated_at = now()
       where id = $1`,
      [
        id,
        input.organisationId,
        input.fullName,
        input.jobTitle,
        input.expertise,
        input.orcid,
        input.keywords,
      ],
    );
  }

  async insertOrganisation(
    db: Queryable,
    slug: string,
    input: OrganisationInput,
    status: RecordStatus,
    isSample = false,
  ): Promise<string> {
    const [row] = await db.query<{ id: string }>(
      `insert into organisation (slug, name, short_name, type, city, website_url, summary,
         description, status, is_sample, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, case when $9 = 'published' then now() end)
       returning id::text as id`,
      [
        slug,
        input.name,
        input.shortName,
        input.type,
        input.city,
        input.websiteUrl,
        input.summary,
        input.description,
        status,
        isSample,
      ],
    );
    if (!row) throw new Error('insert returned no id');
    return row.id;
  }

  async updateOrganisation(db: Queryable, id: string, input: OrganisationInput): Promise<void> {
    await db.query(
      `update organisation set name = $2, short_name = $3, type = $4, city = $5,
         website_url = $6, summary = $7, description = $8, updated_at = now()
       where id = $1`,
      [
        id,
        input.name,
        input.shortName,
        input.type,
        input.city,
        input.websiteUrl,
        input.summary,
        input.description,
      ],
    );
  }

  async setStatus(db: Queryable, kind: RecordKind, id: string, status: RecordStatus) {
    await db.query(
      `update ${tables[kind]} set status = $2, updated_at = now(),
         published_at = case when $2 = 'published' then coalesce(published_at, now()) else published_at end
       where id = $1`,
      [id, status],
    );
  }

  async slugTaken(db: Queryable, slug: string): Promise<boolean> {
    const rows = await db.query('select 1 from organisation where slug = $1', [slug]);
    return rows.length > 0;
  }

  /** The people among `ids` that exist, with their organisation and status. */
  async existingPeople(
    db: Queryable,
    ids: readonly string[],
  ): Promise<Map<string, { organisationId: string; status: RecordStatus }>> {
    if (ids.length === 0) return new Map();
    const rows = await db.query<{ id: string; organisation_id: string; status: RecordStatus }>(
      `select id::text as id, organisation_id::text as organisation_id, status
       from directory_person where id = any($1::uuid[])`,
      [[...ids]],
    );
    return new Map(
      rows.map((row) => [row.id, { organisationId: row.organisation_id, status: row.status }]),
    );
  }

  async orcidTaken(db: Queryable, orcid: string, exceptId: string | null): Promise<boolean> {
    const rows = await db.query(
      'select 1 from directory_person where orcid = $1 and ($2::uuid is null or id <> $2::uuid)',
      [orcid, exceptId],
    );
    return rows.length > 0;
  }

  async countSampleRecords(): Promise<number> {
    const [row] = await this.db.query<{ n: number }>(
      'select (select count(*) from capability where is_sample)::int as n',
    );
    return row?.n ?? 0;
  }
}
