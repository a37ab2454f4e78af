import type { Queryable } from '../../platform/db/database.js';
import type { CapabilityInput, OrganisationInput, PersonInput, RecordStatus } from './model.js';
import { rebuildVocabulary, refreshFacetCounts } from './search-repository.js';

/** An organisation as a bulk load writes it: its details and the slug in its web address. */
export type LoadedOrganisation = OrganisationInput & { slug: string };

/** A person keyed by the load's own key, under an organisation named by its slug. */
export type LoadedPerson = Omit<PersonInput, 'organisationId'> & {
  key: string;
  organisationSlug: string;
};

/** A capability keyed by the load's own key, linking people by their keys in the same load. */
export type LoadedCapability = Omit<CapabilityInput, 'organisationId' | 'personIds'> & {
  key: string;
  organisationSlug: string;
  personKeys: string[];
};

/** Records keyed by the loader's own keys, so people and capabilities can refer to each other. */
export interface DirectoryLoad {
  organisations: LoadedOrganisation[];
  people: LoadedPerson[];
  capabilities: LoadedCapability[];
}

export interface LoadOptions {
  status: RecordStatus;
  isSample: boolean;
  /** Rows per statement: large enough to be quick, small enough for PGlite's memory. */
  batchSize?: number;
}

function* batches<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let start = 0; start < items.length; start += size) yield items.slice(start, start + size);
}

/**
 * Writes many records in a few set-based statements (JSON in, rows out), for sample data, bulk
 * import and benchmarks. Organisations that already exist (by slug) are kept as they are.
 * Returns the ids given to each key.
 */
export async function loadDirectory(
  db: Queryable,
  load: DirectoryLoad,
  options: LoadOptions,
): Promise<{ people: Map<string, string>; capabilities: Map<string, string> }> {
  const batchSize = options.batchSize ?? 2_000;
  for (const batch of batches(load.organisations, batchSize)) {
    await db.query(
      `insert into organisation (slug, name, short_name, type, city, website_url, summary,
         description, status, is_sample, published_at)
       select r.slug, r.name, r."shortName", r.type, r.city, r."websiteUrl", r.summary,
         r.description, $2, $3, case when $2 = 'published' then now() end
       from json_to_recordset($1::json) as r(slug text, name text, "shortName" text, type text,
         city text, "websiteUrl" text, summary text, description text)
       on conflict (slug) do nothing`,
      [JSON.stringify(batch), options.status, options.isSample],
    );
  }
  const people = new Map<string, string>();
  for (const batch of batches(load.people, batchSize)) {
    const rows = await db.query<{ key: string; id: string }>(
      `with input as (
         select r.*, o.id as organisation_id, gen_random_uuid() as id
         from json_to_recordset($1::json) as r(key text, "organisationSlug" text,
           "fullName" text, "jobTitle" text, expertise text, orcid text, keywords text[])
         join organisation o on o.slug = r."organisationSlug"
       ), inserted as (
         insert into directory_person (id, organisation_id, full_name, job_title, expertise,
           orcid, keywords, status, is_sample, published_at)
         select id, organisation_id, "fullName", "jobTitle", expertise, orcid, keywords, $2, $3,
           case when $2 = 'published' then now() end
         from input
         returning id
       )
       select input.key, input.id::text as id from input join inserted on inserted.id = input.id`,
      [JSON.stringify(batch), options.status, options.isSample],
    );
    for (const row of rows) people.set(row.key, row.id);
  }
  const capabilities = new Map<string, string>();
  for (const batch of batches(load.capabilities, batchSize)) {
    const rows = await db.query<{ key: string; id: string }>(
      `with input as (
         select r.*, o.id as organisation_id, gen_random_uuid() as id
         from json_to_recordset($1::json) as r(key text, "organisationSlug" text, title text,
           summary text, description text, type text, place text, categories text[],
           keywords text[])
         join organisation o on o.slug = r."organisationSlug"
       ), inserted as (
         insert into capability (id, organisation_id, title, summary, description, type, place,
           categories, keywords, status, is_sample, published_at)
         select id, organisation_id, title, summary, description, type, place, categories,
           keywords, $2, $3, case when $2 = 'published' then now() end
         from input
         returning id
       )
       select input.key, input.id::text as id from input join inserted on inserted.id = input.id`,
      [JSON.stringify(batch), options.status, options.isSample],
    );
    for (const row of rows) capabilities.set(row.key, row.id);
  }
  const links = load.capabilities.flatMap((capability) =>
    capability.personKeys.flatMap((personKey) => {
      const capabilityId = capabilities.get(capability.key);
      const personId = people.get(personKey);
      return capabilityId && personId ? [{ c: capabilityId, p: personId }] : [];
    }),
  );
  for (const batch of batches(links, batchSize * 2)) {
    await db.query(
      `insert into capability_person (capability_id, person_id)
       select r.c, r.p from json_to_recordset($1::json) as r(c uuid, p uuid)
       on conflict do nothing`,
      [JSON.stringify(batch)],
    );
  }
  if (options.status === 'published') {
    await rebuildVocabulary(db);
    await refreshFacetCounts(db);
  }
  return { people, capabilities };
}
