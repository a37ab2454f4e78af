import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import { csvRow } from '../../platform/audit/csv.js';
import { formErrorsFrom, noFormErrors } from '../../platform/views/form-errors.js';
import { auditFilterFields, auditFilterQuery } from './schema.js';

const pageSize = 50;
const csvColumns = [
  'id',
  'occurred_at',
  'actor_user_id',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'before',
  'after',
  'request_id',
  'ip_address',
];

function queryOf(request: FastifyRequest): Record<string, unknown> {
  return (request.query ?? {}) as Record<string, unknown>;
}

function textValues(query: Record<string, unknown>) {
  return Object.fromEntries(
    auditFilterFields.map((field) => [field, typeof query[field] === 'string' ? query[field] : '']),
  );
}

export function auditAdminHandlers(audit: AuditTrail) {
  return {
    browse: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = queryOf(request);
      const [actions, entityTypes] = await Promise.all([
        audit.distinctActions(),
        audit.distinctEntityTypes(),
      ]);
      const parsed = auditFilterQuery.safeParse(query);
      if (!parsed.success) {
        return reply.code(422).render('audit-admin/views/audit.njk', {
          errors: formErrorsFrom(parsed.error, auditFilterFields),
          values: textValues(query),
          actions,
          entityTypes,
          events: [],
          total: 0,
        });
      }
      const { page, ...filter } = parsed.data;
      const { events, total } = await audit.search(filter, page, pageSize);
      const exportQuery = new URLSearchParams(
        Object.entries(textValues(query)).filter(([key, value]) => key !== 'page' && value !== ''),
      ).toString();
      return reply.render('audit-admin/views/audit.njk', {
        errors: noFormErrors,
        values: textValues(query),
        actions,
        entityTypes,
        events,
        total,
        page,
        pageCount: Math.max(1, Math.ceil(total / pageSize)),
        exportQuery,
        pageQuery: (target: number) =>
          new URLSearchParams({
            ...Object.fromEntries(new URLSearchParams(exportQuery)),
            page: String(target),
          }).toString(),
      });
    },

    exportCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = auditFilterQuery.safeParse(queryOf(request));
      if (!parsed.success) {
        return reply
          .code(400)
          .type('application/problem+json; charset=utf-8')
          .send({
            type: 'about:blank',
            title: 'Invalid filter',
            status: 400,
            errors: parsed.error.issues.map((issue) => ({
              name: String(issue.path[0] ?? ''),
              reason: issue.message,
            })),
          });
      }
      const { page: _page, ...filter } = parsed.data;
      async function* rows() {
        yield csvRow(csvColumns);
        for await (const event of audit.each(filter)) {
          yield csvRow([
            event.id,
            event.occurredAt,
            event.actorUserId,
            event.actorLabel,
            event.action,
            event.entityType,
            event.entityId,
            event.before,
            event.after,
            event.requestId,
            event.ipAddress,
          ]);
        }
      }
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-trail-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(rows()));
    },
  };
}
