import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { siteContentHandlers } from './handlers.js';
import type { ContentEditor } from './service.js';

export interface SiteContentRoutesOptions {
  editor: ContentEditor;
}

/** The alliance office and administrators edit the public website's pages. */
export default async function siteContentRoutes(
  app: FastifyInstance,
  { editor }: SiteContentRoutesOptions,
) {
  const handlers = siteContentHandlers(editor);
  const editors = { access: ['admin', 'alliance-office'] } as const;
  app.get(paths.adminContent, { config: editors }, handlers.listPages);
  app.get(paths.adminContentEdit, { config: editors }, handlers.showEditor);
  app.post(paths.adminContentEdit, { config: editors }, handlers.submitEditor);
  app.get(paths.adminContentHistory, { config: editors }, handlers.history);
  app.get(paths.adminContentRevision, { config: editors }, handlers.revision);
  app.post(paths.adminContentRestore, { config: editors }, handlers.restore);
}
