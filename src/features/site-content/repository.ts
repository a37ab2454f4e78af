import type { Queryable } from '../../platform/db/database.js';
import type { SitePage } from '../public-site/types.js';

export interface PageRevision extends SitePage {
  id: string;
  revisionNumber: number;
  createdByLabel: string;
  createdAt: Date;
  publishedAt: Date | null;
  publishedByLabel: string | null;
  restoredFromId: string | null;
}

interface RevisionRow {
  id: string;
  page_slug: string;
  revision_number: number;
  title: string;
  summary: string;
  body_markdown: string;
  callout_heading: string | null;
  callout_markdown: string | null;
  created_by_label: string;
  created_at: Date;
  published_at: Date | null;
  published_by_label: string | null;
  restored_from_id: string | null;
}

const revisionColumns = `id::text as id, page_slug, revision_number, title, summary, body_markdown,
  callout_heading, callout_markdown, created_by_label, created_at, published_at,
  published_by_label, restored_from_id::text as restored_from_id`;

function toRevision(row: RevisionRow): PageRevision {
  return {
    id: row.id,
    slug: row.page_slug,
    revisionNumber: row.revision_number,
    title: row.title,
    summary: row.summary,
    bodyMarkdown: row.body_markdown,
    calloutHeading: row.callout_heading,
    calloutMarkdown: row.callout_markdown,
    createdByLabel: row.created_by_label,
    createdAt: new Date(row.created_at),
    publishedAt: row.published_at ? new Date(row.published_at) : null,
    publishedByLabel: row.published_by_label,
    restoredFromId: row.restored_from_id,
  };
}

/** SQL for page revisions. */
export class RevisionRepository {
  constructor(private readonly db: Queryable) {}

  async list(slug: string, db: Queryable = this.db): Promise<PageRevision[]> {
    const rows = await db.query<RevisionRow>(
      `select ${revisionColumns} from site_page_revision where page_slug = $1 order by revision_number desc`,
      [slug],
    );
    return rows.map(toRevision);
  }

  async find(id: string, db: Queryable = this.db): Promise<PageRevision | null> {
    const rows = await db.query<RevisionRow>(
      `select ${revisionColumns} from site_page_revision where id = $1::bigint`,
      [id],
    );
    return rows[0] ? toRevision(rows[0]) : null;
  }

  async latest(slug: string, db: Queryable = this.db): Promise<PageRevision | null> {
    const rows = await db.query<RevisionRow>(
      `select ${revisionColumns} from site_page_revision where page_slug = $1
        order by revision_number desc limit 1`,
      [slug],
    );
    return rows[0] ? toRevision(rows[0]) : null;
  }

  /** Latest revision per page, for the list of pages. */
  async latestForEachPage(db: Queryable = this.db): Promise<Map<string, PageRevision>> {
    const rows = await db.query<RevisionRow>(
      `select distinct on (page_slug) ${revisionColumns} from site_page_revision
        order by page_slug, revision_number desc`,
    );
    return new Map(rows.map((row) => [row.page_slug, toRevision(row)]));
  }

  async insert(
    tx: Queryable,
    page: SitePage,
    author: { userId: string | null; label: string },
    options: { restoredFromId?: string; publishedByLabel?: string } = {},
  ): Promise<PageRevision> {
    // Serialise numbering per page: two editors saving at once get consecutive numbers.
    await tx.query('select slug from site_page where slug = $1 for update', [page.slug]);
    const rows = await tx.query<RevisionRow>(
      `insert into site_page_revision
         (page_slug, revision_number, title, summary, body_markdown, callout_heading, callout_markdown,
          created_by, created_by_label, published_at, published_by_label, restored_from_id)
       values ($1,
               (select coalesce(max(revision_number), 0) + 1 from site_page_revision where page_slug = $1),
               $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::bigint)
       returning ${revisionColumns}`,
      [
        page.slug,
        page.title,
        page.summary,
        page.bodyMarkdown,
        page.calloutHeading,
        page.calloutMarkdown,
        author.userId,
        author.label,
        options.publishedByLabel ? new Date() : null,
        options.publishedByLabel ?? null,
        options.restoredFromId ?? null,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return toRevision(row);
  }

  async markPublished(tx: Queryable, id: string, byLabel: string): Promise<void> {
    await tx.query(
      'update site_page_revision set published_at = now(), published_by_label = $2 where id = $1::bigint',
      [id, byLabel],
    );
  }
}
