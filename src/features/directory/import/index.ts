import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../../../platform/audit/audit-trail.js';
import type { Database } from '../../../platform/db/database.js';
import type { DirectoryRecords } from '../records.js';

export interface DirectoryImportRoutesOptions {
  database: Database;
  audit: AuditTrail;
  records: DirectoryRecords;
}

/** Bulk import of directory records from CSV (being written). */
export default async function directoryImportRoutes(
  _app: FastifyInstance,
  _options: DirectoryImportRoutesOptions,
) {}
