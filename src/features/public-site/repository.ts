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
  latitude: number;
  longitude: number;
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

  async listRegionFacts(db: Queryable = this.db): Promise<RegionFact[]> {
    return db.query<RegionFact>(
      'select key, position, qualifier, value, label from region_fact order by position, key',
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
  async insertMissingPages(pages: readonly SitePage[], db: Queryable = this.db): Promise<number> {
    let inserted = 0;
    for (const page of pages) {
      const rows = await db.query(
        `insert into site_page (${pageColumns}) values ($1, $2, $3, $4, $5, $6)
           on conflict (slug) do nothing returning slug`,
        [
          page.slug,
          page.title,
          page.summary,
          page.bodyMarkdown,
          page.calloutHeading,
          page.calloutMarkdown,
        ],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  async insertMissingRegionFacts(
    facts: readonly RegionFact[],
    db: Queryable = this.db,
  ): Promise<number> {
    let inserted = 0;
    for (const fact of facts) {
      const rows = await db.query(
        `insert into region_fact (key, position, qualifier, value, label) values ($1, $2, $3, $4, $5)
           on conflict (key) do nothing returning key`,
        [fact.key, fact.position, fact.qualifier, fact.value, fact.label],
      );
      inserted += rows.length;
    }
    return inserted;
  }

  async insertMissingOrganisations(
    organisations: readonly Organisation[],
    db: Queryable = this.db,
  ): Promise<number> {
    let inserted = 0;
    for (const organisation of organisations) {
      const rows = await db.query(
        `insert into organisation
           (slug, name, short_name, type, city, website_url, summary, latitude, longitude, is_partner)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         on conflict (slug) do nothing returning slug`,
        [
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
      inserted += rows.length;
    }
    return inserted;
  }
}
