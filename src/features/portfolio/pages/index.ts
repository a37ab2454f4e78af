import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../platform/auth/roles.js';
import { paths } from '../../../platform/paths.js';
import { portfolioStaff } from '../service.js';
import { challengeHandlers } from './handlers/challenges.js';
import type { PortfolioPageServices } from './handlers/common.js';
import { pipelineHandlers } from './handlers/pipelines.js';
import { portfolioHandlers } from './handlers/portfolio.js';
import { projectHandlers } from './handlers/projects.js';

const office: readonly Role[] = ['admin', 'alliance-office'];

/**
 * The portfolio pages: grand challenges for everyone (edited by the alliance office), and for
 * alliance and partner staff the projects with their similar-project check, the pipelines board
 * and the portfolio in numbers. Server-rendered; every form is a plain POST with a CSRF token.
 */
export default async function portfolioPageRoutes(
  app: FastifyInstance,
  services: PortfolioPageServices,
) {
  const staff = { access: portfolioStaff };
  const challenges = challengeHandlers(services);
  const projects = projectHandlers(services);
  const pipelines = pipelineHandlers(services);
  const portfolio = portfolioHandlers(services);

  app.get(paths.grandChallenges, challenges.list);
  app.get(paths.newGrandChallenge, { config: { access: office } }, challenges.newForm);
  app.post(paths.newGrandChallenge, { config: { access: office } }, challenges.create);
  app.get(paths.grandChallenge, challenges.show);
  app.get(paths.editGrandChallenge, { config: { access: office } }, challenges.editForm);
  app.post(paths.editGrandChallenge, { config: { access: office } }, challenges.update);

  app.get(paths.projects, { config: staff }, projects.list);
  app.get(paths.newProject, { config: staff }, projects.newForm);
  app.post(paths.newProject, { config: staff }, projects.create);
  app.get(paths.project, { config: staff }, projects.show);
  app.get(paths.editProject, { config: staff }, projects.editForm);
  app.post(paths.editProject, { config: staff }, projects.update);
  app.post(paths.projectStage, { config: staff }, projects.moveStage);
  app.post(paths.projectDecisions, { config: { access: office } }, projects.decide);

  app.get(paths.pipelines, { config: staff }, pipelines.board);
  app.get(paths.portfolio, { config: staff }, portfolio.show);
  app.get(paths.portfolioCsv, { config: staff }, portfolio.exportCsv);
}
