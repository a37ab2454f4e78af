import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { publicSiteHandlers } from './handlers.js';
import type { PublicSite } from './service.js';

export interface PublicSiteRoutesOptions {
  publicSite: PublicSite;
}

/** The alliance's public website: read-only pages anyone can see. */
export default async function publicSiteRoutes(
  app: FastifyInstance,
  { publicSite }: PublicSiteRoutesOptions,
) {
  const handlers = publicSiteHandlers(publicSite);
  app.get(paths.home, handlers.home);
  app.get(paths.about, handlers.contentPage('about'));
  app.get(paths.midlands, handlers.midlands);
  app.get(paths.partners, handlers.partners);
  app.get(paths.programmes, handlers.programmes);
  app.get(paths.sarcopenia, handlers.programme('programmes/sarcopenia'));
  app.get(paths.multimorbidity, handlers.programme('programmes/multimorbidity'));
  app.get(paths.accessibility, handlers.contentPage('accessibility'));
}
