import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { paths } from '../../platform/paths.js';
import { directoryApiHandlers } from './api-handlers.js';
import directoryImportRoutes from './import/index.js';
import directoryManageRoutes from './manage/index.js';
import { directoryPublicHandlers } from './public-handlers.js';
import type { DirectoryRecords } from './records.js';
import type { DirectorySearch } from './service.js';

export interface DirectoryRoutesOptions {
  search: DirectorySearch;
  records: DirectoryRecords;
  database: Database;
  audit: AuditTrail;
  publicUrl: string;
}

/** The capability directory: public search and pages, the JSON API, and staff maintenance. */
export default async function directoryRoutes(
  app: FastifyInstance,
  options: DirectoryRoutesOptions,
) {
  const pages = directoryPublicHandlers(options.search);
  app.get(paths.capabilities, pages.searchPage);
  app.get(paths.capability, pages.capabilityPage);
  app.get(paths.person, pages.personPage);
  app.get(paths.organisation, pages.organisationPage);

  const api = directoryApiHandlers(options.search, options.publicUrl);
  app.get(paths.apiCapabilities, api.searchCapabilities);
  app.get(paths.apiCapabilitiesCsv, api.searchCapabilitiesCsv);
  app.get(paths.apiCapability, api.capability);
  app.get(paths.apiPeople, api.searchPeople);
  app.get(paths.apiPerson, api.person);
  app.get(paths.apiOrganisations, api.searchOrganisations);
  app.get(paths.apiOrganisation, api.organisation);

  await app.register(directoryManageRoutes, { records: options.records });
  await app.register(directoryImportRoutes, {
    database: options.database,
    audit: options.audit,
    records: options.records,
  });
}
