import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database, Queryable } from '../../platform/db/database.js';
import type { PublicSite } from '../public-site/service.js';
import type { SitePage } from '../public-site/types.js';
import { RevisionRepository, type PageRevision } from './repository.js';

export class ContentNotFoundError extends Error {
  constructor(what: string) {
    super(`${what} does not exist`);
    this.name = 'ContentNotFoundError';
  }
}

export interface PageListing {
  slug: string;
  title: string;
  publicPath: string;
  updatedAt: Date;
  /** The newest revision when it has not been published yet. */
  draft: PageRevision | null;
}

function contentOf(page: SitePage): SitePage {
  return {
    slug: page.slug,
    title: page.title,
    summary: page.summary,
    bodyMarkdown: page.bodyMarkdown,
    calloutHeading: page.calloutHeading,
    calloutMarkdown: page.calloutMarkdown,
  };
}

/**
 * Staff editing of the public pages: drafts, publishing, and a full history with restore. Every
 * save is a new revision; nothing is overwritten. The public site shows only what is published.
 */
export class ContentEditor {
  private readonly revisions: RevisionRepository;

  constructor(
    private readonly database: Database,
    private readonly site: PublicSite,
    private readonly audit: AuditTrail,
    /** Called after a publish commits, so cached public pages are rendered afresh. */
    private readonly onPublished: () => void,
  ) {
    this.revisions = new RevisionRepository(database);
  }

  async pages(): Promise<PageListing[]> {
    const [pages, latest] = await Promise.all([
      this.site.listPages(),
      this.revisions.latestForEachPage(),
    ]);
    return pages.map((page) => {
      const newest = latest.get(page.slug);
      return {
        slug: page.slug,
        title: page.title,
        publicPath: this.site.publicPathOf(page.slug),
        updatedAt: page.updatedAt,
        draft: newest && !newest.publishedAt ? newest : null,
      };
    });
  }

  /** What the editor form starts from: the unpublished draft if there is one, else the live page. */
  async editorState(
    slug: string,
  ): Promise<{ published: SitePage; draft: PageRevision | null; publicPath: string }> {
    const published = await this.findPublished(slug);
    const newest = await this.revisions.latest(slug);
    return {
      published,
      draft: newest && !newest.publishedAt ? newest : null,
      publicPath: this.site.publicPathOf(slug),
    };
  }

  async history(slug: string): Promise<{ published: SitePage; revisions: PageRevision[] }> {
    const published = await this.findPublished(slug);
    return { published, revisions: await this.revisions.list(slug) };
  }

  async revision(id: string): Promise<PageRevision> {
    const revision = /^\d{1,18}$/.test(id) ? await this.revisions.find(id) : null;
    if (!revision) throw new ContentNotFoundError(`Revision ${id}`);
    return revision;
  }

  async saveDraft(content: SitePage, context: AuditContext): Promise<PageRevision> {
    const current = await this.findPublished(content.slug);
    return this.database.transaction(async (tx) => {
      await this.keepOriginal(tx, current);
      const draft = await this.revisions.insert(tx, contentOf(content), this.authorOf(context));
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'site-page-revision',
        entityId: draft.id,
        after: { page: draft.slug, revision: draft.revisionNumber, ...contentOf(draft) },
      });
      return draft;
    });
  }

  async publish(content: SitePage, context: AuditContext): Promise<PageRevision> {
    const current = await this.findPublished(content.slug);
    const revision = await this.database.transaction(async (tx) => {
      await this.keepOriginal(tx, current);
      const published = await this.revisions.insert(
        tx,
        contentOf(content),
        this.authorOf(context),
        {
          publishedByLabel: context.actorLabel,
        },
      );
      const before = await this.site.publish(tx, contentOf(content));
      await this.audit.record(tx, context, {
        action: 'publish',
        entityType: 'site-page',
        entityId: content.slug,
        before: before ? contentOf(before) : null,
        after: { ...contentOf(content), revision: published.revisionNumber },
      });
      return published;
    });
    this.onPublished();
    return revision;
  }

  /** Makes an older revision the new draft, to check and then publish. */
  async restore(revisionId: string, context: AuditContext): Promise<PageRevision> {
    const old = await this.revision(revisionId);
    return this.database.transaction(async (tx) => {
      const draft = await this.revisions.insert(tx, contentOf(old), this.authorOf(context), {
        restoredFromId: old.id,
      });
      await this.audit.record(tx, context, {
        action: 'restore',
        entityType: 'site-page-revision',
        entityId: draft.id,
        after: {
          page: draft.slug,
          revision: draft.revisionNumber,
          restoredFromRevision: old.revisionNumber,
        },
      });
      return draft;
    });
  }

  private async findPublished(slug: string): Promise<SitePage> {
    const page = (await this.site.listPages()).find((candidate) => candidate.slug === slug);
    if (!page) throw new ContentNotFoundError(`Page ${slug}`);
    return page;
  }

  /**
   * The first edit of a page records the words it had until then as revision 1. Everything here
   * goes through `tx`: the embedded database serves one connection, so a query outside an open
   * transaction would wait for it for ever.
   */
  private async keepOriginal(tx: Queryable, current: SitePage): Promise<void> {
    if (await this.revisions.latest(current.slug, tx)) return;
    await this.revisions.insert(
      tx,
      contentOf(current),
      { userId: null, label: 'system' },
      {
        publishedByLabel: 'system',
      },
    );
  }

  private authorOf(context: AuditContext) {
    return { userId: context.actorUserId, label: context.actorLabel };
  }
}
