import type { FastifyInstance } from 'fastify';
import { paths } from '../../../platform/paths.js';
import type { EnquiryFeatureServices } from '../services.js';
import { enquiryWorkflowHandlers } from './handlers.js';
import { EnquiryWorkflow } from './service.js';

/**
 * The alliance office's queue and enquiry pages, and each site office's inbox. The office moves
 * an enquiry through its stages; a site office sees and answers only its own organisation's
 * requests (any other is not found).
 */
export default async function enquiryWorkflowRoutes(
  app: FastifyInstance,
  { services, publicUrl }: { services: EnquiryFeatureServices; publicUrl: string },
) {
  const workflow = new EnquiryWorkflow(
    services.database,
    services.audit,
    services.mail.outbox,
    publicUrl,
  );
  const handlers = enquiryWorkflowHandlers(
    workflow,
    services.enquiryMatcher,
    services.accountLinks,
  );
  const office = { access: ['admin', 'alliance-office'] } as const;
  const sites = { access: ['site-office'] } as const;

  app.get(paths.officeEnquiries, { config: office }, handlers.queue);
  app.get(paths.officeEnquiry, { config: office }, handlers.showEnquiry);
  app.post(paths.officeEnquiryTriage, { config: office }, handlers.triage);
  app.post(paths.officeEnquiryConsult, { config: office }, handlers.consult);
  app.post(paths.officeEnquiryAdvance, { config: office }, handlers.advance);
  app.post(paths.officeEnquiryClose, { config: office }, handlers.close);

  app.get(paths.siteRequests, { config: sites }, handlers.inbox);
  app.get(paths.siteRequest, { config: sites }, handlers.showRequest);
  app.post(paths.siteRequest, { config: sites }, handlers.respond);
}
