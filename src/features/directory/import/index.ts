import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../../../platform/audit/audit-trail.js';
import type { Database } from '../../../platform/db/database.js';
import { paths } from '../../../platform/paths.js';
import type { DirectoryRecords } from '../records.js';
import { maxImportBytes } from './columns.js';
import { directoryImportHandlers } from './handlers.js';
import { DirectoryImporter } from './service.js';
import { readUpload } from './upload.js';

export interface DirectoryImportRoutesOptions {
  database: Database;
  audit: AuditTrail;
  records: DirectoryRecords;
}

/**
 * Bulk import of directory records from CSV files, for the research offices. Multipart bodies
 * are understood only inside this plugin, and only up to one file of 2 MB.
 */
export default async function directoryImportRoutes(
  app: FastifyInstance,
  { database, audit }: DirectoryImportRoutesOptions,
) {
  await app.register(multipart, {
    limits: {
      files: 1,
      fileSize: maxImportBytes,
      fields: 10,
      fieldSize: 1_000,
      parts: 12,
      headerPairs: 50,
    },
  });
  // Before the CSRF check (a preHandler), so it finds the form's _csrf field in request.body.
  app.addHook('preValidation', readUpload);

  const handlers = directoryImportHandlers(new DirectoryImporter(database, audit));
  const offices = { access: ['admin', 'alliance-office', 'site-office'] } as const;
  app.get(paths.manageImport, { config: offices }, handlers.showForm);
  app.post(paths.manageImport, { config: offices }, handlers.importFile);
}
