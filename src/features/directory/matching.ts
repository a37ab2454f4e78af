import type { Queryable } from '../../platform/db/database.js';
import {
  capabilityTypeLabel,
  healthCategoryName,
  type CapabilityType,
  type HealthCategory,
} from './model.js';

/** What an enquiry says about itself, as far as matching needs it. */
export interface MatchRequest {
  /** The kind of work asked for, as the front door names it (e.g. 'commercial-trial'). */
  enquiryType: string;
  healthCategory: HealthCategory | null;
  /** Free text: the enquiry's description and title words. */
  text: string;
  /** How many of each kind of suggestion to return. */
  limit?: number;
}

export interface Suggestion {
  id: string;
  name: string;
  score: number;
  /** Plain-language reasons, most telling first. */
  reasons: string[];
}

export interface MatchResult {
  organisations: (Suggestion & { slug: string })[];
  people: (Suggestion & { jobTitle: string; organisationName: string })[];
  capabilities: (Suggestion & { type: CapabilityType; organisationName: string })[];
  /** The directory words taken from the enquiry's text and searched for. */
  searchedWords: string[];
}

/** The kinds of capability that usually answer each kind of enquiry. */
export const capabilityTypesForEnquiry: Record<string, readonly CapabilityType[]> = {
  'commercial-trial': ['trial-delivery', 'clinical-research-facility', 'clinical-expertise'],
  'device-evaluation': ['technology-platform', 'imaging', 'clinical-research-facility'],
  observational: ['cohort-dataset', 'clinical-expertise', 'laboratory-biobank'],
  'data-feasibility': ['cohort-dataset', 'technology-platform'],
  collaboration: ['clinical-expertise', 'training', 'technology-platform'],
  funding: ['clinical-expertise', 'cohort-dataset'],
};

// Words too common to say anything about what an enquiry needs.
const stopWords = new Set(
  `about above after again against all also among and any are because been before being
  between both but can could did does doing down during each few for from further had has have
  having her here hers him his how into its itself just more most much must need needs not now
  off once only other our ours out over own same she should some such than that the their theirs
  them then there these they this those through too under until very was were what when where
  which while who whom why will with within would you your yours study studies trial trials
  research patients patient people looking want wants like would company sponsor sites site
  plan planned planning across number please thank`.split(/\s+/),
);

const scoreWeights = { text: 10, category: 3, type: 2 };

/**
 * Suggests the capabilities, people and organisations of the published directory that best fit
 * an enquiry, each with the reasons it was suggested: words of the enquiry found in the record,
 * the same health category, and a kind of capability that suits the kind of enquiry.
 */
export class EnquiryMatcher {
  constructor(private readonly db: Queryable) {}

  /** Distinct words of `text` that occur somewhere in the directory, longest first. */
  async directoryWordsIn(text: string): Promise<string[]> {
    const words = [
      ...new Set(
        (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter(
          (word) => word.length >= 4 && !stopWords.has(word) && !/^\d+$/.test(word),
        ),
      ),
    ].slice(0, 60);
    if (words.length === 0) return [];
    const rows = await this.db.query<{ word: string }>(
      'select word from directory_word where word = any($1::text[])',
      [words],
    );
    const known = new Set(rows.map((row) => row.word));
    return words
      .filter((word) => known.has(word))
      .sort((a, b) => b.length - a.length)
      .slice(0, 12);
  }

  async match(request: MatchRequest): Promise<MatchResult> {
    const limit = request.limit ?? 8;
    const words = await this.directoryWordsIn(request.text);
    const types = capabilityTypesForEnquiry[request.enquiryType] ?? [];
    // Any of the words may match ("or"), each through its English stem.
    const query = words.join(' or ');
    const rows = await this.db.query<{
      id: string;
      title: string;
      type: CapabilityType;
      categories: HealthCategory[];
      organisation_id: string;
      organisation_slug: string;
      organisation_name: string;
      text_rank: number;
      matched_words: string[] | null;
    }>(
      `with q as (select websearch_to_tsquery('english', $1) as query)
       select c.id::text as id, c.title, c.type, c.categories, o.id::text as organisation_id,
         o.slug as organisation_slug, o.name as organisation_name,
         case when $1 = '' then 0 else ts_rank(c.search_vector, q.query) end as text_rank,
         (select array_agg(word) from unnest($3::text[]) as word
           where c.search_vector @@ plainto_tsquery('english', word)) as matched_words
       from capability c
       join organisation o on o.id = c.organisation_id and o.status = 'published'
       cross join q
       where c.status = 'published'
         and (($1 <> '' and c.search_vector @@ q.query)
           or ($2::text is not null and $2 = any(c.categories)))
       order by text_rank desc
       limit 400`,
      [query, request.healthCategory, words],
    );

    const capabilities = rows
      .map((row) => {
        const reasons: string[] = [];
        let score = row.text_rank * scoreWeights.text;
        const matched = row.matched_words ?? [];
        if (matched.length) {
          score += matched.length;
          reasons.push(`Mentions ${matched.slice(0, 4).join(', ')}`);
        }
        if (request.healthCategory && row.categories.includes(request.healthCategory)) {
          score += scoreWeights.category;
          reasons.push(`Works in ${healthCategoryName(request.healthCategory)}`);
        }
        if (types.includes(row.type)) {
          score += scoreWeights.type;
          reasons.push(`${capabilityTypeLabel(row.type)} suits this kind of enquiry`);
        }
        return { row, score, reasons };
      })
      .sort((a, b) => b.score - a.score || a.row.title.localeCompare(b.row.title));

    const organisations = new Map<
      string,
      { id: string; slug: string; name: string; score: number; count: number; reasons: Set<string> }
    >();
    for (const { row, score, reasons } of capabilities) {
      const entry = organisations.get(row.organisation_id) ?? {
        id: row.organisation_id,
        slug: row.organisation_slug,
        name: row.organisation_name,
        score: 0,
        count: 0,
        reasons: new Set<string>(),
      };
      // The best few capabilities say most about an organisation; a long tail adds little.
      if (entry.count < 3) entry.score += score;
      entry.count += 1;
      for (const reason of reasons) if (!reason.startsWith('Mentions')) entry.reasons.add(reason);
      organisations.set(row.organisation_id, entry);
    }

    const topCapabilityIds = capabilities.slice(0, 40).map(({ row }) => row.id);
    const people = topCapabilityIds.length
      ? await this.db.query<{
          id: string;
          full_name: string;
          job_title: string;
          organisation_name: string;
          capability_ids: string[];
        }>(
          `select p.id::text as id, p.full_name, p.job_title, o.name as organisation_name,
             array_agg(cp.capability_id::text) as capability_ids
           from capability_person cp
           join directory_person p on p.id = cp.person_id and p.status = 'published'
           join organisation o on o.id = p.organisation_id and o.status = 'published'
           where cp.capability_id = any($1::uuid[])
           group by p.id, p.full_name, p.job_title, o.name`,
          [topCapabilityIds],
        )
      : [];
    const capabilityScore = new Map(capabilities.map(({ row, score }) => [row.id, score]));
    const capabilityTitle = new Map(capabilities.map(({ row }) => [row.id, row.title]));

    return {
      searchedWords: words,
      capabilities: capabilities.slice(0, limit).map(({ row, score, reasons }) => ({
        id: row.id,
        name: row.title,
        type: row.type,
        organisationName: row.organisation_name,
        score: round(score),
        reasons,
      })),
      organisations: [...organisations.values()]
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, limit)
        .map((entry) => ({
          id: entry.id,
          slug: entry.slug,
          name: entry.name,
          score: round(entry.score),
          reasons: [
            `${entry.count} matching ${entry.count === 1 ? 'capability' : 'capabilities'}`,
            ...entry.reasons,
          ],
        })),
      people: people
        .map((person) => {
          const linked = person.capability_ids
            .filter((id) => capabilityScore.has(id))
            .sort((a, b) => (capabilityScore.get(b) ?? 0) - (capabilityScore.get(a) ?? 0));
          return {
            id: person.id,
            name: person.full_name,
            jobTitle: person.job_title,
            organisationName: person.organisation_name,
            score: round(linked.reduce((total, id) => total + (capabilityScore.get(id) ?? 0), 0)),
            reasons: linked.slice(0, 2).map((id) => `Named on ${capabilityTitle.get(id) ?? id}`),
          };
        })
        .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name))
        .slice(0, limit),
    };
  }
}

const round = (value: number) => Math.round(value * 100) / 100;
