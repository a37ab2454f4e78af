import type { FastifyInstance } from 'fastify';
import type { Role } from '../../platform/auth/roles.js';
import { paths } from '../../platform/paths.js';
import { studyApiHandlers } from './api-handlers.js';
import type { StudyForecasts } from './forecasting.js';
import studyPageRoutes from './pages/index.js';
import { type StudyService, studyViewerRoles } from './service.js';

export interface StudyRoutesOptions {
  service: StudyService;
  forecasts: StudyForecasts;
}

const office: readonly Role[] = ['admin', 'alliance-office'];
/** The service decides which sites a site office may change: its own organisation's. */
const siteUpdaters: readonly Role[] = ['admin', 'alliance-office', 'site-office'];

/** Study set-up and recruitment: the JSON API and the pages. */
export default async function studyRoutes(
  app: FastifyInstance,
  { service, forecasts }: StudyRoutesOptions,
) {
  // Recruitment may be posted as CSV, read as text and checked row by row by the handler.
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 },
    (_r, body, done) => {
      done(null, body);
    },
  );
  const api = studyApiHandlers(service, forecasts);
  const json = { csrfExempt: 'json-only' } as const;

  app.get(paths.apiStudies, { config: { access: studyViewerRoles } }, api.list);
  app.post(paths.apiStudies, { config: { access: office, ...json } }, api.create);
  app.get(paths.apiStudy, { config: { access: studyViewerRoles } }, api.show);
  app.post(paths.apiStudySites, { config: { access: office, ...json } }, api.addSite);
  app.put(paths.apiStudyMilestone, { config: { access: office, ...json } }, api.milestone);
  app.put(
    paths.apiStudySiteMilestone,
    { config: { access: siteUpdaters, ...json } },
    api.milestone,
  );
  app.post(
    paths.apiStudyRecruitment,
    { config: { access: siteUpdaters, csrfExempt: 'json-or-csv' }, bodyLimit: 2 * 1024 * 1024 },
    api.recruitment,
  );
  app.get(paths.apiStudyForecast, { config: { access: studyViewerRoles } }, api.forecast);

  await app.register(studyPageRoutes, { service, forecasts });
}
