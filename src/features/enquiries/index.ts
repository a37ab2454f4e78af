import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { enquiryApiHandlers } from './api-handlers.js';
import { enquiryPageHandlers } from './handlers.js';
import { EnquiryService } from './service.js';

import enquiryPerformanceRoutes from './performance/index.js';
import type { EnquiryFeatureServices } from './services.js';
import enquiryWorkflowRoutes from './workflow/index.js';

export interface EnquiryRoutesOptions {
  services: EnquiryFeatureServices;
  publicUrl: string;
}

/** An enquiry's JSON body is small; anything near the app's 1 MiB limit is not an enquiry. */
const apiBodyLimit = 64 * 1024;

/**
 * The single front door for industry enquiries: the public form, its confirmation page, the
 * enquirer's private status page, and the same submission as a JSON API.
 */
export default async function enquiryRoutes(
  app: FastifyInstance,
  { services, publicUrl }: EnquiryRoutesOptions,
) {
  const service = new EnquiryService(
    services.database,
    services.audit,
    services.mail.outbox,
    services.directorySearch,
    publicUrl,
  );
  const pages = enquiryPageHandlers(service);
  const api = enquiryApiHandlers(service);
  const anyone = { access: 'public' } as const;

  app.get(paths.newEnquiry, { config: anyone }, pages.showForm);
  app.post(paths.newEnquiry, { config: { ...anyone, limitSubmissions: true } }, pages.submitForm);
  app.get(paths.enquirySent, { config: anyone }, pages.sent);
  app.get(paths.enquiryStatus, { config: anyone }, pages.status);

  // JSON only, so no CSRF token: see `csrfExempt` in platform/http/authentication.ts.
  app.post(
    paths.apiEnquiries,
    {
      config: { ...anyone, csrfExempt: 'json-only', limitSubmissions: true },
      bodyLimit: apiBodyLimit,
    },
    api.submit,
  );

  await app.register(enquiryWorkflowRoutes, { services, publicUrl });
  await app.register(enquiryPerformanceRoutes, { services, publicUrl });
}
