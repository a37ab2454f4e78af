import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { portfolioApiHandlers } from './api-handlers.js';
import portfolioPageRoutes from './pages/index.js';
import { type PortfolioService, portfolioStaff } from './service.js';

export interface PortfolioRoutesOptions {
  service: PortfolioService;
}

/** Grand challenges, research projects, pipelines and duplication alerts: the JSON API and pages. */
export default async function portfolioRoutes(
  app: FastifyInstance,
  { service }: PortfolioRoutesOptions,
) {
  const api = portfolioApiHandlers(service);
  const staff = { access: portfolioStaff };
  const office = { access: ['admin', 'alliance-office'] } as const;
  const json = { csrfExempt: 'json-only' } as const;

  app.get(paths.apiProjects, { config: staff }, api.list);
  app.post(paths.apiProjects, { config: { ...staff, ...json } }, api.create);
  app.post(paths.apiProjectsSimilar, { config: { ...staff, ...json } }, api.similarToDraft);
  app.get(paths.apiProject, { config: staff }, api.show);
  app.put(paths.apiProject, { config: { ...staff, ...json } }, api.update);
  app.get(paths.apiProjectSimilar, { config: staff }, api.similar);
  app.post(paths.apiProjectDecisions, { config: { ...office, ...json } }, api.decide);
  app.post(paths.apiProjectStage, { config: { ...staff, ...json } }, api.move);
  app.get(paths.apiGrandChallenges, { config: { access: 'public' } }, api.challenges);

  await app.register(portfolioPageRoutes, { service });
}
