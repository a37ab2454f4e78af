import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { Role } from '../../../platform/auth/roles.js';
import { paths } from '../../../platform/paths.js';
import { studyViewerRoles } from '../service.js';
import type { StudyPageServices } from './handlers/common.js';
import { performanceHandlers } from './handlers/performance.js';
import { portfolioHandlers } from './handlers/portfolio.js';
import { recruitmentHandlers } from './handlers/recruitment.js';
import { setUpHandlers } from './handlers/set-up.js';
import { studyPageHandlers } from './handlers/study.js';
import { maxUploadBytes, readUpload } from './upload.js';

const office: readonly Role[] = ['admin', 'alliance-office'];
/** Route-level access only: the handlers let a site office change its own organisation's sites. */
const siteUpdaters: readonly Role[] = ['admin', 'alliance-office', 'site-office'];

/**
 * The study pages: the portfolio, each study with its milestones, measures, recruitment chart and
 * forecast, the forms that record them, a site office's own list, and the alliance dashboard.
 * Server-rendered; every form is a plain POST with a CSRF token.
 */
export default async function studyPageRoutes(app: FastifyInstance, services: StudyPageServices) {
  const viewers = { access: studyViewerRoles };
  const portfolio = portfolioHandlers(services);
  const study = studyPageHandlers(services);
  const setUp = setUpHandlers(services);
  const recruitment = recruitmentHandlers(services);
  const performance = performanceHandlers(services);

  app.get(paths.studies, { config: viewers }, portfolio.list);
  app.get(paths.siteStudies, { config: { access: ['site-office'] } }, portfolio.siteStudies);
  app.get(paths.studiesPerformance, { config: viewers }, performance.show);
  app.get(paths.studiesPerformanceCsv, { config: viewers }, performance.exportCsv);

  app.get(paths.newStudy, { config: { access: office } }, setUp.newStudy);
  app.post(paths.newStudy, { config: { access: office } }, setUp.createStudy);
  app.get(paths.study, { config: viewers }, study.show);
  app.post(paths.studyStatus, { config: { access: office } }, study.setStatus);
  app.get(paths.newStudySite, { config: { access: office } }, setUp.newSite);
  app.post(paths.newStudySite, { config: { access: office } }, setUp.addSite);

  app.get(paths.studyMilestone, { config: { access: office } }, setUp.milestoneForm('study'));
  app.post(paths.studyMilestone, { config: { access: office } }, setUp.recordMilestone('study'));
  app.get(
    paths.studySiteMilestone,
    { config: { access: siteUpdaters } },
    setUp.milestoneForm('site'),
  );
  app.post(
    paths.studySiteMilestone,
    { config: { access: siteUpdaters } },
    setUp.recordMilestone('site'),
  );

  app.get(paths.studySiteRecruitment, { config: { access: siteUpdaters } }, recruitment.form);
  app.post(paths.studySiteRecruitment, { config: { access: siteUpdaters } }, recruitment.record);
  app.get(
    paths.studyRecruitmentTemplate,
    { config: { access: siteUpdaters } },
    recruitment.template,
  );

  // Multipart bodies are understood only here, for one CSV file of at most 2 MB.
  await app.register(async (uploads) => {
    await uploads.register(multipart, {
      limits: {
        files: 1,
        fileSize: maxUploadBytes,
        fields: 5,
        fieldSize: 1_000,
        parts: 6,
        headerPairs: 50,
      },
    });
    // Before the CSRF check (a preHandler), so that it finds the form's _csrf field.
    uploads.addHook('preValidation', readUpload);
    uploads.get(
      paths.studyRecruitmentUpload,
      { config: { access: siteUpdaters } },
      recruitment.uploadForm,
    );
    uploads.post(
      paths.studyRecruitmentUpload,
      { config: { access: siteUpdaters } },
      recruitment.upload,
    );
  });
}
