import type { FastifyInstance } from 'fastify';
import { paths } from '../../../platform/paths.js';
import type { FeasibilityService } from '../service.js';
import { feasibilityPageHandlers } from './handlers.js';

export interface FeasibilityPageRoutesOptions {
  service: FeasibilityService;
}

/**
 * The patient feasibility pages for signed-in users: start, the query builder (every button a
 * POST to /feasibility that carries the criteria in a hidden field), results, saved queries and
 * the CSV export. They work without JavaScript.
 */
export default async function feasibilityPageRoutes(
  app: FastifyInstance,
  { service }: FeasibilityPageRoutesOptions,
) {
  const handlers = feasibilityPageHandlers(service);
  const signedIn = { access: 'signed-in' } as const;

  app.get(paths.feasibility, { config: signedIn }, handlers.start);
  app.post(paths.feasibility, { config: signedIn }, handlers.act);
  // A POST, not a GET: it runs (and logs) a count, and criteria can be longer than an address.
  app.post(paths.feasibilityCsv, { config: signedIn }, handlers.exportCsv);
  app.get(paths.feasibilitySavedQuery, { config: signedIn }, handlers.openSaved);
  app.get(paths.feasibilityDeleteSavedQuery, { config: signedIn }, handlers.confirmDelete);
  app.post(paths.feasibilityDeleteSavedQuery, { config: signedIn }, handlers.deleteSaved);
}
