import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { countsBodyLimit, feasibilityApiHandlers } from './api-handlers.js';
import feasibilityPageRoutes from './pages/index.js';
import type { FeasibilityService } from './service.js';

export interface FeasibilityRoutesOptions {
  service: FeasibilityService;
}

/** Patient feasibility for signed-in users: the JSON API and the pages. */
export default async function feasibilityRoutes(
  app: FastifyInstance,
  { service }: FeasibilityRoutesOptions,
) {
  const api = feasibilityApiHandlers(service);
  const signedIn = { access: 'signed-in' } as const;

  // JSON only, so no CSRF token: see `csrfExempt` in platform/http/authentication.ts.
  app.post(
    paths.apiFeasibilityCounts,
    { config: { ...signedIn, csrfExempt: 'json-only' }, bodyLimit: countsBodyLimit },
    api.counts,
  );
  app.get(paths.apiFeasibilityConcepts, { config: signedIn }, api.concepts);
  app.get(paths.apiFeasibilityTemplates, { config: signedIn }, api.templates);
  app.get(paths.apiFeasibilityPopulation, { config: signedIn }, api.population);

  await app.register(feasibilityPageRoutes, { service });
}
