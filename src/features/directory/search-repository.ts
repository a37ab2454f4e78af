import type { Queryable } from '../../platform/db/database.js';
import type { CapabilityType, HealthCategory, MidlandsPlace } from './model.js';

/** Which published capabilities a search asks for. Empty lists mean "any". */
export interface CapabilityQuery {
  /** Text for `websearch_to_tsquery`, already spell-corrected; empty for no text condition. */
  text: string;
  types: readonly CapabilityType[];
  categories: readonly HealthCategory[];
  /** Organisation slugs. */
  organisations: readonly string[];
  places: readonly MidlandsPlace[];
  sort: 'relevance' | 'title' | 'updated';
  limit: number;
  offset: number;
}

export type FacetName = 'type' | 'category' | 'organisation' | 'location';

export interface CapabilityHit {
  id: string;
  title: string;
  summary: string;
  type: CapabilityType;
  place: MidlandsPlace;
  categories: HealthCategory[];
  keywords: string[];
  organisationSlug: string;
  organisationName: string;
  isSample: boolean;
  updatedAt: Date;
}

interface HitRow {
  id: string;
  title: string;
  summary: string;
  type: CapabilityType;
  place: MidlandsPlace;
  categories: HealthCategory[];
  keywords: string[];
  organisation_slug: string;
  organisation_name: string;
  is_sample: boolean;
  updated_at: Date;
}

const toHit = (row: HitRow): CapabilityHit => ({
  id: row.id,
  title: row.title,
  summary: row.summary,
  type: row.type,
  place: row.place,
  categories: row.categories,
  keywords: row.keywords,
  organisationSlug: row.organisation_slug,
  organisationName: row.organisation_name,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at),
});

const orderBy: Record<CapabilityQuery['sort'], string> = {
  relevance: 'rank desc, c.title, c.id',
  title: 'c.title, c.id',
  updated: 'c.updated_at desc, c.id',
};

/**
 * SQL for searching published capabilities. One statement counts every facet over the matching
 * set; each facet's counts apply every other facet's filter but not its own, so a count always
 * equals the total that choosing that value (alone within its facet) would show.
 */
export class CapabilitySearchRepository {
  constructor(private readonly db: Queryable) {}

  private params(query: CapabilityQuery): unknown[] {
    return [
      query.text,
      [...query.types],
      [...query.categories],
      [...query.organisations],
      [...query.places],
    ];
  }

  private static readonly matching = `
    with q as (select websearch_to_tsquery('english', $1) as query),
    flagged as materialized (
      select c.type, c.place, c.categories, o.slug as organisation,
        (cardinality($2::text[]) = 0 or c.type = any($2::text[])) as ok_type,
        (cardinality($3::text[]) = 0 or c.categories && $3::text[]) as ok_category,
        (cardinality($4::text[]) = 0 or o.slug = any($4::text[])) as ok_organisation,
        (cardinality($5::text[]) = 0 or c.place = any($5::text[])) as ok_location
      from capability c
      join organisation o on o.id = c.organisation_id and o.status = 'published'
      cross join q
      where c.status = 'published' and ($1 = '' or c.search_vector @@ q.query)
    )`;

  /** The number of matches and every facet's counts, as (facet, value, count) rows. */
  async countsFor(query: CapabilityQuery): Promise<{
    total: number;
    facets: Record<FacetName, Map<string, number>>;
  }> {
    const rows = await this.db.query<{ facet: FacetName | 'total'; value: string; n: number }>(
      `${CapabilitySearchRepository.matching}
      select 'total' as facet, '' as value, count(*)::int as n from flagged
        where ok_type and ok_category and ok_organisation and ok_location
      union all
      select 'type', type, count(*)::int from flagged
        where ok_category and ok_organisation and ok_location group by type
      union all
      select 'category', category, count(*)::int from flagged, unnest(categories) as category
        where ok_type and ok_organisation and ok_location group by category
      union all
      select 'organisation', organisation, count(*)::int from flagged
        where ok_type and ok_category and ok_location group by organisation
      union all
      select 'location', place, count(*)::int from flagged
        where ok_type and ok_category and ok_organisation group by place`,
      this.params(query),
    );
    const facets: Record<FacetName, Map<string, number>> = {
      type: new Map(),
      category: new Map(),
      organisation: new Map(),
      location: new Map(),
    };
    let total = 0;
    for (const row of rows) {
      if (row.facet === 'total') total = row.n;
      else facets[row.facet].set(row.value, row.n);
    }
    return { total, facets };
  }

  /** One page of matches, best first for relevance. */
  async page(query: CapabilityQuery): Promise<CapabilityHit[]> {
    const rows = await this.db.query<HitRow>(
      `with q as (select websearch_to_tsquery('english', $1) as query)
      select c.id::text as id, c.title, c.summary, c.type, c.place, c.categories, c.keywords,
        o.slug as organisation_slug, o.name as organisation_name, c.is_sample, c.updated_at,
        case when $1 = '' then 0 else ts_rank(c.search_vector, q.query) end as rank
      from capability c
      join organisation o on o.id = c.organisation_id and o.status = 'published'
      cross join q
      where c.status = 'published' and ($1 = '' or c.search_vector @@ q.query)
        and (cardinality($2::text[]) = 0 or c.type = any($2::text[]))
        and (cardinality($3::text[]) = 0 or c.categories && $3::text[])
        and (cardinality($4::text[]) = 0 or o.slug = any($4::text[]))
        and (cardinality($5::text[]) = 0 or c.place = any($5::text[]))
      order by ${orderBy[query.sort]}
      limit $6 offset $7`,
      [...this.params(query), query.limit, query.offset],
    );
    return rows.map(toHit);
  }

  /** The words of `words` that appear somewhere in the directory. */
  async knownWords(words: readonly string[]): Promise<Set<string>> {
    if (words.length === 0) return new Set();
    const rows = await this.db.query<{ word: string }>(
      'select word from directory_word where word = any($1::text[])',
      [[...words]],
    );
    return new Set(rows.map((row) => row.word));
  }

  /** The directory's word most like `word` by trigram similarity, if any is close enough. */
  async closestWord(word: string): Promise<string | null> {
    const rows = await this.db.query<{ word: string }>(
      `select word from directory_word where word % $1
       order by similarity(word, $1) desc, length(word), word limit 1`,
      [word],
    );
    return rows[0]?.word ?? null;
  }
}

/** Adds the words of `text` to the spelling vocabulary. */
export async function rememberWords(db: Queryable, text: string): Promise<void> {
  await db.query(
    `insert into directory_word (word)
     select distinct word from regexp_split_to_table(lower($1), '[^[:alnum:]]+') as word
     where length(word) between 3 and 40
     on conflict do nothing`,
    [text],
  );
}

/** Rebuilds the spelling vocabulary from every published record (after a bulk load). */
export async function rebuildVocabulary(db: Queryable): Promise<void> {
  await db.query(
    `insert into directory_word (word)
     select distinct word from (
       select title || ' ' || summary || ' ' || description || ' ' || directory_words(keywords) as text
         from capability where status = 'published'
       union all
       select full_name || ' ' || job_title || ' ' || expertise || ' ' || directory_words(keywords)
         from directory_person where status = 'published'
     ) as records, regexp_split_to_table(lower(records.text), '[^[:alnum:]]+') as word
     where length(word) between 3 and 40
     on conflict do nothing`,
  );
}
