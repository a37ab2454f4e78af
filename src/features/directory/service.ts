import type { Database } from '../../platform/db/database.js';
import { capabilityTypes, healthCategories, midlandsPlaces } from './model.js';
import {
  DirectoryRecordsRepository,
  type CapabilityRecord,
  type OrganisationRecord,
  type PersonRecord,
} from './records-repository.js';
import type {
  CapabilitySearchParameters,
  OrganisationSearchParameters,
  PersonSearchParameters,
} from './schema.js';
import {
  CapabilitySearchRepository,
  type CapabilityHit,
  type FacetName,
} from './search-repository.js';

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface CapabilitySearchResult {
  items: CapabilityHit[];
  total: number;
  page: number;
  pageSize: number;
  /** The words actually searched for, when a misspelt word was replaced; otherwise null. */
  correctedQuery: string | null;
  facets: Record<FacetName, FacetValue[]>;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

const wordPattern = /[\p{L}\p{N}]+/gu;
/** Shorter words are too easily "corrected" into a different word. */
const shortestCorrectableWord = 4;

/**
 * What the public can find in the directory: ranked, typo-tolerant capability search with facets,
 * and the published records behind each result.
 */
export class DirectorySearch {
  private readonly search: CapabilitySearchRepository;
  private readonly records: DirectoryRecordsRepository;

  constructor(database: Database) {
    this.search = new CapabilitySearchRepository(database);
    this.records = new DirectoryRecordsRepository(database);
  }

  /**
   * Replaces each word that appears nowhere in the directory with the most similar word that
   * does, so "sarcopnia" finds sarcopenia. Words in the vocabulary are left alone.
   */
  async correctSpelling(text: string): Promise<string> {
    const words = [...new Set((text.toLowerCase().match(wordPattern) ?? []).slice(0, 12))];
    const candidates = words.filter(
      (word) => word.length >= shortestCorrectableWord && !/^\d+$/.test(word),
    );
    if (candidates.length === 0) return text;
    const known = await this.search.knownWords(candidates);
    let corrected = text;
    for (const word of candidates) {
      if (known.has(word)) continue;
      const closest = await this.search.closestWord(word);
      if (closest && closest !== word) {
        corrected = corrected.replace(
          new RegExp(`(?<![\\p{L}\\p{N}])${word}(?![\\p{L}\\p{N}])`, 'giu'),
          closest,
        );
      }
    }
    return corrected;
  }

  async searchCapabilities(
    parameters: CapabilitySearchParameters,
  ): Promise<CapabilitySearchResult> {
    const text = parameters.q ? await this.correctSpelling(parameters.q) : '';
    const query = {
      text,
      types: parameters.type,
      categories: parameters.category,
      organisations: parameters.organisation,
      places: parameters.location,
      sort: parameters.sort ?? (text ? 'relevance' : 'title'),
      limit: parameters.pageSize,
      offset: (parameters.page - 1) * parameters.pageSize,
    } as const;
    const [counts, organisationNames] = await Promise.all([
      this.search.search(query),
      this.records.publishedOrganisationNames(),
    ]);
    const { items } = counts;
    const facet = (
      name: FacetName,
      values: readonly { value: string; label: string }[],
      selected: readonly string[],
    ): FacetValue[] =>
      values
        .map(({ value, label }) => ({
          value,
          label,
          count: counts.facets[name].get(value) ?? 0,
          selected: selected.includes(value),
        }))
        .filter((entry) => entry.count > 0 || entry.selected);
    return {
      items,
      total: counts.total,
      page: parameters.page,
      pageSize: parameters.pageSize,
      correctedQuery: text && text.toLowerCase() !== parameters.q.toLowerCase() ? text : null,
      facets: {
        type: facet(
          'type',
          capabilityTypes.map((type) => ({ value: type.slug, label: type.label })),
          parameters.type,
        ),
        category: facet(
          'category',
          healthCategories.map((category) => ({ value: category.slug, label: category.name })),
          parameters.category,
        ),
        organisation: facet(
          'organisation',
          [...organisationNames].map(([value, label]) => ({ value, label })),
          parameters.organisation,
        ),
        location: facet(
          'location',
          midlandsPlaces.map((place) => ({ value: place.slug, label: place.name })),
          parameters.location,
        ),
      },
    };
  }

  async searchPeople(parameters: PersonSearchParameters): Promise<Page<PersonRecord>> {
    const organisationIds = await this.organisationIds(parameters.organisation);
    if (organisationIds === null) {
      return { items: [], total: 0, page: parameters.page, pageSize: parameters.pageSize };
    }
    const text = parameters.q ? await this.correctSpelling(parameters.q) : '';
    const result = await this.records.listPeople({
      publicOnly: true,
      ...(text ? { q: text } : {}),
      organisationId: organisationIds[0],
      limit: parameters.pageSize,
      offset: (parameters.page - 1) * parameters.pageSize,
    });
    return { ...result, page: parameters.page, pageSize: parameters.pageSize };
  }

  async searchOrganisations(
    parameters: OrganisationSearchParameters,
  ): Promise<Page<OrganisationRecord>> {
    const result = await this.records.listOrganisations({
      publicOnly: true,
      types: parameters.type,
      ...(parameters.q ? { q: parameters.q } : {}),
      limit: parameters.pageSize,
      offset: (parameters.page - 1) * parameters.pageSize,
    });
    return { ...result, page: parameters.page, pageSize: parameters.pageSize };
  }

  /** The one organisation a people search may be narrowed to; null when it does not exist. */
  private async organisationIds(slugs: readonly string[]): Promise<string[] | null> {
    if (slugs.length === 0) return [];
    const [slug] = slugs;
    const organisation = slug ? await this.records.organisation({ slug }) : null;
    return organisation && organisation.status === 'published' ? [organisation.id] : null;
  }

  /** A capability as the public sees it; null unless it and its organisation are published. */
  async publishedCapability(id: string): Promise<CapabilityRecord | null> {
    const capability = await this.records.capability(id);
    if (!capability || !isPublic(capability)) return null;
    return {
      ...capability,
      people: capability.people.filter(
        (person) => person.status === 'published' && person.organisation.status === 'published',
      ),
    };
  }

  async publishedPerson(
    id: string,
  ): Promise<{ person: PersonRecord; capabilities: CapabilityRecord[] } | null> {
    const person = await this.records.person(id);
    if (!person || !isPublic(person)) return null;
    return { person, capabilities: await this.records.capabilitiesOfPerson(id, true) };
  }

  /** For the API, which takes an organisation's id or its slug. */
  async publishedOrganisationByIdOrSlug(key: string) {
    if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(key)) {
      const organisation = await this.records.organisation({ id: key });
      return organisation ? this.publishedOrganisation(organisation.slug) : null;
    }
    return /^[a-z0-9]+(-[a-z0-9]+)*$/.test(key) && key.length <= 80
      ? this.publishedOrganisation(key)
      : null;
  }

  async publishedOrganisation(slug: string): Promise<{
    organisation: OrganisationRecord;
    capabilities: Page<CapabilityRecord>;
    people: Page<PersonRecord>;
  } | null> {
    const organisation = await this.records.organisation({ slug });
    if (!organisation || organisation.status !== 'published') return null;
    const [capabilities, people] = await Promise.all([
      this.records.listCapabilities({
        publicOnly: true,
        organisationId: organisation.id,
        limit: 50,
        offset: 0,
      }),
      this.records.listPeople({
        publicOnly: true,
        organisationId: organisation.id,
        limit: 50,
        offset: 0,
      }),
    ]);
    return {
      organisation,
      capabilities: { ...capabilities, page: 1, pageSize: 50 },
      people: { ...people, page: 1, pageSize: 50 },
    };
  }
}

function isPublic(record: { status: string; organisation: { status: string } }): boolean {
  return record.status === 'published' && record.organisation.status === 'published';
}
