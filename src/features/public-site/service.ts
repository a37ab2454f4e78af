import type { Database, Queryable } from '../../platform/db/database.js';
import { paths } from '../../platform/paths.js';
import { seedOrganisations, seedPages, seedRegionFacts } from './content/seed-content.js';
import {
  buildMidlandsMap,
  midlandsCities,
  midlandsMapAttribution,
  type MapMarker,
  type MidlandsMapView,
} from './midlands-map.js';
import { PublicSiteRepository } from './repository.js';
import type { Organisation, OrganisationType, RegionFact, SitePage } from './types.js';

/** The flagship programmes' pages and where each is published. */
const programmePaths: Record<string, string> = {
  'programmes/sarcopenia': paths.sarcopenia,
  'programmes/multimorbidity': paths.multimorbidity,
};
export const programmeSlugs = Object.keys(programmePaths);

/** A programme page as a card links to it. */
export type ProgrammeSummary = SitePage & { href: string };

function withHref(page: SitePage): ProgrammeSummary {
  return { ...page, href: programmePaths[page.slug] ?? paths.programmes };
}

const organisationGroupHeadings: Partial<Record<OrganisationType, string>> = {
  university: 'Universities',
  'nhs-trust': 'NHS trusts',
  'nihr-brc': 'NIHR Biomedical Research Centres',
};
const organisationGroupOrder: OrganisationType[] = ['university', 'nhs-trust', 'nihr-brc'];

export interface OrganisationGroup {
  type: OrganisationType;
  heading: string;
  organisations: Organisation[];
}

export class PageNotFoundError extends Error {
  constructor(readonly slug: string) {
    super(`No page has the slug "${slug}"`);
    this.name = 'PageNotFoundError';
  }
}

/** Groups partners by type in a fixed order (universities, trusts, BRCs, then any others). */
export function groupOrganisationsByType(
  organisations: readonly Organisation[],
): OrganisationGroup[] {
  const types = [
    ...organisationGroupOrder,
    ...new Set(organisations.map((o) => o.type).filter((t) => !organisationGroupOrder.includes(t))),
  ];
  return types
    .map((type) => ({
      type,
      heading: organisationGroupHeadings[type] ?? 'Other partners',
      organisations: organisations.filter((organisation) => organisation.type === type),
    }))
    .filter((group) => group.organisations.length > 0);
}

function mapMarkerFor(organisation: Organisation): MapMarker | null {
  const { type, latitude, longitude } = organisation;
  if (type !== 'university' && type !== 'nhs-trust') return null;
  if (latitude === null || longitude === null) return null;
  return { key: organisation.slug, label: organisation.shortName, kind: type, latitude, longitude };
}

/** The public website: pages, figures and partners, read from the database. */
export class PublicSite {
  constructor(
    private readonly database: Database,
    private readonly repository: PublicSiteRepository = new PublicSiteRepository(database),
  ) {}

  async page(slug: string): Promise<SitePage> {
    const page = await this.repository.findPage(slug);
    if (!page) throw new PageNotFoundError(slug);
    return page;
  }

  /** Every page, for the content editor. */
  listPages() {
    return this.repository.listPages();
  }

  /** Organisations people can belong to, for choosing one in a form. */
  organisationChoices() {
    return this.repository.listOrganisationChoices();
  }

  /** Where the public sees a page. */
  publicPathOf(slug: string): string {
    return slug === 'home' ? paths.home : `/${slug}`;
  }

  /**
   * Makes `page` the published version, inside the caller's transaction (so the editor can record
   * the revision and the audit event with it). Returns the words it replaced, or null.
   */
  publish(tx: Queryable, page: SitePage): Promise<SitePage | null> {
    return this.repository.replacePage(tx, page);
  }

  async homePage(): Promise<{
    page: SitePage;
    facts: RegionFact[];
    programmes: ProgrammeSummary[];
  }> {
    const [page, facts, programmes] = await Promise.all([
      this.page('home'),
      this.repository.listRegionFacts(),
      this.repository.findPages(programmeSlugs),
    ]);
    return { page, facts, programmes: programmes.map(withHref) };
  }

  async programmesPage(): Promise<{ page: SitePage; programmes: ProgrammeSummary[] }> {
    const [page, programmes] = await Promise.all([
      this.page('programmes'),
      this.repository.findPages(programmeSlugs),
    ]);
    return { page, programmes: programmes.map(withHref) };
  }

  async partnersPage(): Promise<{ page: SitePage; groups: OrganisationGroup[] }> {
    const [page, partners] = await Promise.all([
      this.page('partners'),
      this.repository.listPartnerOrganisations(),
    ]);
    return { page, groups: groupOrganisationsByType(partners) };
  }

  /**
   * The region page. BRCs are hosted by the trusts already on the map, so only universities and
   * trusts get markers; the text alternative lists every place the map shows.
   */
  async midlandsPage(): Promise<{
    page: SitePage;
    map: MidlandsMapView;
    mapAttribution: string;
    cities: MapMarker[];
    groups: OrganisationGroup[];
  }> {
    const [page, partners] = await Promise.all([
      this.page('midlands'),
      this.repository.listPartnerOrganisations(),
    ]);
    const markers = partners.flatMap((partner) => mapMarkerFor(partner) ?? []);
    const mappedPartners = partners.filter((partner) => mapMarkerFor(partner) !== null);
    return {
      page,
      map: buildMidlandsMap(markers),
      mapAttribution: midlandsMapAttribution,
      cities: midlandsCities,
      groups: groupOrganisationsByType(mappedPartners),
    };
  }

  /** Seeds the public content on first start; safe to run on every start. */
  async seedReferenceContent(): Promise<{ pages: number; facts: number; organisations: number }> {
    return this.database.transaction(async (tx) => ({
      pages: await this.repository.insertMissingPages(seedPages, tx),
      facts: await this.repository.insertMissingRegionFacts(seedRegionFacts, tx),
      organisations: await this.repository.insertMissingOrganisations(seedOrganisations, tx),
    }));
  }
}
