import type { Queryable } from '../../platform/db/database.js';
import type { Organisation, OrganisationType, RegionFact, SitePage } from './types.js';

interface SitePageRow {
  slug: string;
  title: string;
  summary: string;
  body_markdown: string;
  callout_heading: string | null;
  callout_markdown: string | null;
}

interface OrganisationRow {
  slug: string;
  name: string;
  short_name: string;
  type: OrganisationType;
  city: string;
  website_url: string | null;
  summary: string;
  latitude: number | null;
  longitude: number | null;
  is_partner: boolean;
}

const pageColumns = 'slug, title, summary, body_markdown, callout_heading, callout_markdown';

function toSitePage(row: SitePageRow): SitePage {
  return {
    slug: row.slug,
    title: row.title,
    summary: row.summary,
    bodyMarkdown: row.body_markdown,
    calloutHeading: row.callout_heading,
    calloutMarkdown: row.callout_markdown,
  };
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    slug: row.slug,
    name: row.name,
    shortName: row.short_name,
    type: row.type,
    city: row.city,
    websiteUrl: row.website_url,
    summary: row.summary,
    latitude: row.latitude,
    longitude: row.longitude,
    isPartner: row.is_partner,
  };
}

/** Runs an `insert … on conflict do nothing returning …` per item; counts the rows it added. */
async function insertEachIfMissing<Item>(
  db: Queryable,
  items: readonly Item[],
  insertSql: string,
  parametersOf: (item: Item) => unknown[],
): Promise<number> {
  let inserted = 0;
  for (const item of items) {
    inserted += (await db.query(insertSql, parametersOf(item))).length;
  }
  return inserted;
}

/** SQL for the public website's pages, figures and partner list. */
export class PublicSiteRepository {
  constructor(private readonly db: Queryable) {}

  async findPage(slug: string, db: Queryable = this.db): Promise<SitePage | null> {
    const rows = await db.query<SitePageRow>(
      `select ${pageColumns} from site_page where slug = $1`,
      [slug],
    );
    return rows[0] ? toSitePage(rows[0]) : null;
  }

  async findPages(slugs: readonly string[], db: Queryable = this.db): Promise<SitePage[]> {
    const rows = await db.query<SitePageRow>(
      `select ${pageColumns} from site_page where slug = any($1::text[])`,
      [slugs],
    );
    const bySlug = new Map(rows.map((row) => [row.slug, toSitePage(row)]));
    return slugs.flatMap((slug) => bySlug.get(slug) ?? []);
  }

  async listPages(db: Queryable = this.db): Promise<(SitePage & { updatedAt: Date })[]> {
    const rows = await db.query<SitePageRow & { updated_at: Date }>(
      `select ${pageColumns}, updated_at from site_page order by slug = 'home' desc, slug`,
    );
    return rows.map((row) => ({ ...toSitePage(row), updatedAt: new Date(row.updated_at) }));
  }

  /** Replaces a page's published words; returns the words it had before, or null if no page. */
  async replacePage(tx: Queryable, page: SitePage): Promise<SitePage | null> {
    const before = await this.findPage(page.slug, tx);
    if (!before) return null;
    await tx.query(
      `update site_page set title = $2, summary = $3, body_markdown = $4, callout_heading = $5,
              callout_markdown = $6, updated_at = now()
        where slug = $1`,
      [
        page.slug,
        page.title,
        page.summary,
        page.bodyMarkdown,
        page.calloutHeading,
        page.calloutMarkdown,
      ],
    );
    return before;
  }

  async listRegionFacts(db: Queryable = this.db): Promise<RegionFact[]> {
    return db.query<RegionFact>(
      'select key, position, qualifier, value, label from region_fact order by position, key',
    );
  }

  async listOrganisationChoices(
    db: Queryable = this.db,
  ): Promise<{ id: string; name: string; type: OrganisationType }[]> {
    return db.query<{ id: string; name: string; type: OrganisationType }>(
      'select id, name, type from organisation order by name',
    );
  }

  async listPartnerOrganisations(db: Queryable = this.db): Promise<Organisation[]> {
    const rows = await db.query<OrganisationRow>(
      `select slug, name, short_name, type, city, website_url, summary, latitude, longitude, is_partner
         from organisation where is_partner order by name`,
    );
    return rows.map(toOrganisation);
  }

  /** Adds pages that do not exist yet; never overwrites a page staff may have edited. */
  insertMissingPages(pages: readonly SitePage[], db: Queryable = this.db): Promise<number> {
    return insertEachIfMissing(
      db,
      pages,
      `insert into site_page (${pageColumns}) values ($1, $2, $3, $4, $5, $6)
         on conflict (slug) do nothing returning slug`,
      (page) => [
        page.slug,
        page.title,
        page.summary,
        page.bodyMarkdown,
        page.calloutHeading,
        page.calloutMarkdown,
      ],
    );
  }

  insertMissingRegionFacts(facts: readonly RegionFact[], db: Queryable = this.db): Promise<number> {
    return insertEachIfMissing(
      db,
      facts,
      `insert into region_fact (key, position, qualifier, value, label) values ($1, $2, $3, $4, $5)
         on conflict (key) do nothing returning key`,
      (fact) => [fact.key, fact.position, fact.qualifier, fact.value, fact.label],
    );
  }

  insertMissingOrganisations(
    organisations: readonly Organisation[],
    db: Queryable = this.db,
  ): Promise<number> {
    return insertEachIfMissing(
      db,
      organisations,
      `insert into organisation
         (slug, name, short_name, type, city, website_url, summary, latitude, longitude, is_partner)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       on conflict (slug) do nothing returning slug`,
      (organisation) => [
        organisation.slug,
        organisation.name,
        organisation.shortName,
        organisation.type,
        organisation.city,
        organisation.websiteUrl,
        organisation.summary,
        organisation.latitude,
        organisation.longitude,
        organisation.isPartner,
      ],
    );
  }
}
