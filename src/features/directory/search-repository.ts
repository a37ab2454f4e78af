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

/** Orders of the matching rows (columns of the `matched` set below). */
const orderOfMatches: Record<CapabilityQuery['sort'], string> = {
  relevance: 'rank desc, title, id',
  title: 'title, id',
  updated: 'updated_at desc, id',
};

const orderOfRows: Record<CapabilityQuery['sort'], string> = {
  relevance: 'c.title, c.id',
  title: 'c.title, c.id',
  updated: 'c.updated_at desc, c.id',
};

/** The four filters as booleans, $2..$5, over columns type, categories, organisation, place. */
const filterFlags = `
  (cardinality($2::text[]) = 0 or type = any($2::text[])) as ok_type,
  (cardinality($3::text[]) = 0 or categories && $3::text[]) as ok_category,
  (cardinality($4::text[]) = 0 or organisation = any($4::text[])) as ok_organisation,
  (cardinality($5::text[]) = 0 or place = any($5::text[])) as ok_location`;

/**
 * Every facet's counts from a set `flagged` of (type, place, categories, organisation, n, flags)
 * rows, where n is how many capabilities each row stands for. Each facet applies every other
 * facet's filter but not its own.
 */
const facetCounts = `
  select 'total' as kind, '' as value, coalesce(sum(n), 0)::int as n from flagged
    where ok_type and ok_category and ok_organisation and ok_location
  union all
  select 'type', type, sum(n)::int from flagged
    where ok_category and ok_organisation and ok_location group by type
  union all
  select 'category', category, sum(n)::int from flagged, unnest(categories) as category
    where ok_type and ok_organisation and ok_location group by category
  union all
  select 'organisation', organisation, sum(n)::int from flagged
    where ok_type and ok_category and ok_location group by organisation
  union all
  select 'location', place, sum(n)::int from flagged
    where ok_type and ok_category and ok_organisation group by place`;

const hitColumns = `c.id::text as id, c.title, c.summary, c.type, c.place, c.categories,
  c.keywords, o.slug as organisation_slug, o.name as organisation_name, c.is_sample, c.updated_at`;

export interface CapabilitySearchRows {
  total: number;
  facets: Record<FacetName, Map<string, number>>;
  items: CapabilityHit[];
}

/**
 * SQL for searching published capabilities. A count is always the total that choosing that
 * value (alone within its facet) would show. Searches without words count facets from the
 * pre-aggregated `capability_facet_combination`; searches with words find, rank and count their
 * matches in one statement, then read the page's rows by id.
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

  async search(query: CapabilityQuery): Promise<CapabilitySearchRows> {
    return query.text ? this.searchWords(query) : this.searchFacetsOnly(query);
  }

  private static collect(rows: { kind: string; value: string; n: number }[]) {
    const facets: Record<FacetName, Map<string, number>> = {
      type: new Map(),
      category: new Map(),
      organisation: new Map(),
      location: new Map(),
    };
    let total = 0;
    const page: { id: string; position: number }[] = [];
    for (const row of rows) {
      if (row.kind === 'total') total = row.n;
      else if (row.kind === 'item') page.push({ id: row.value, position: row.n });
      else facets[row.kind as FacetName].set(row.value, row.n);
    }
    page.sort((a, b) => a.position - b.position);
    return { total, facets, ids: page.map((entry) => entry.id) };
  }

  private async searchFacetsOnly(query: CapabilityQuery): Promise<CapabilitySearchRows> {
    const params = this.params(query);
    const counts = await this.db.query<{ kind: string; value: string; n: number }>(
      `with flagged as materialized (
        select type, place, categories, organisation, n, ${filterFlags}
        from capability_facet_combination where $1::text = ''
      )
      ${facetCounts}`,
      params,
    );
    const rows = await this.db.query<HitRow>(
      `select ${hitColumns}
      from capability c
      join organisation o on o.id = c.organisation_id and o.status = 'published'
      where c.status = 'published'
        and (cardinality($2::text[]) = 0 or c.type = any($2::text[]))
        and (cardinality($3::text[]) = 0 or c.categories && $3::text[])
        and (cardinality($4::text[]) = 0 or o.slug = any($4::text[]))
        and (cardinality($5::text[]) = 0 or c.place = any($5::text[]))
        and $1::text = ''
      order by ${orderOfRows[query.sort]}
      limit $6 offset $7`,
      [...params, query.limit, query.offset],
    );
    const { total, facets } = CapabilitySearchRepository.collect(counts);
    return { total, facets, items: rows.map(toHit) };
  }

  private async searchWords(query: CapabilityQuery): Promise<CapabilitySearchRows> {
    const rows = await this.db.query<{ kind: string; value: string; n: number }>(
      `with q as (select websearch_to_tsquery('english', $1) as query),
      matched as materialized (
        select m.*, ${filterFlags} from (
          select c.id, c.title, c.updated_at, c.type, c.place, c.categories,
            o.slug as organisation, ts_rank(c.search_vector, q.query) as rank
          from capability c
          join organisation o on o.id = c.organisation_id and o.status = 'published'
          cross join q
          where c.status = 'published' and c.search_vector @@ q.query
        ) as m
      ),
      flagged as materialized (
        select type, place, categories, organisation, ok_type, ok_category, ok_organisation,
          ok_location, count(*)::int as n
        from matched
        group by type, place, categories, organisation, ok_type, ok_category, ok_organisation,
          ok_location
      ),
      page as (
        select id::text as value, (row_number() over (order by ${orderOfMatches[query.sort]}))::int as n
        from matched
        where ok_type and ok_category and ok_organisation and ok_location
        order by ${orderOfMatches[query.sort]}
        limit $6 offset $7
      )
      ${facetCounts}
      union all
      select 'item', value, n from page`,
      [...this.params(query), query.limit, query.offset],
    );
    const { total, facets, ids } = CapabilitySearchRepository.collect(rows);
    if (ids.length === 0) return { total, facets, items: [] };
    const hits = await this.db.query<HitRow>(
      `select ${hitColumns} from capability c join organisation o on o.id = c.organisation_id
       where c.id = any($1::uuid[])`,
      [ids],
    );
    const byId = new Map(hits.map((hit) => [hit.id, toHit(hit)]));
    return {
      total,
      facets,
      items: ids.flatMap((id) => {
        const hit = byId.get(id);
        return hit ? [hit] : [];
      }),
    };
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

/** Brings the facet counts of searches without words up to date; call after publishing changes. */
export async function refreshFacetCounts(db: Queryable): Promise<void> {
  await db.query('refresh materialized view capability_facet_combination');
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
