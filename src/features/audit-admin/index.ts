import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import { paths } from '../../platform/paths.js';
import { auditAdminHandlers } from './handlers.js';

export interface AuditAdminRoutesOptions {
  audit: AuditTrail;
}

/** Administrators browse, filter and export the audit trail. It has no route that changes it. */
export default async function auditAdminRoutes(
  app: FastifyInstance,
  { audit }: AuditAdminRoutesOptions,
) {
  const handlers = auditAdminHandlers(audit);
  const adminsOnly = { access: ['admin'] } as const;
  app.get(paths.adminAudit, { config: adminsOnly }, handlers.browse);
  app.get(paths.adminAuditCsv, { config: adminsOnly }, handlers.exportCsv);
}
