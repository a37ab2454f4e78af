import type { Queryable } from '../db/database.js';

/** Who did something, and from where: taken from the request that caused the change. */
export interface AuditContext {
  actorUserId: string | null;
  /** A readable name for the actor: an email address, "system" or "anonymous". */
  actorLabel: string;
  requestId: string | null;
  ipAddress: string | null;
}

export const systemActor: AuditContext = {
  actorUserId: null,
  actorLabel: 'system',
  requestId: null,
  ipAddress: null,
};

export interface AuditEventInput {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEvent {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ipAddress: string | null;
}

export interface AuditFilter {
  actor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

interface AuditEventRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_value: unknown;
  after_value: unknown;
  request_id: string | null;
  ip_address: string | null;
}

// Secrets never enter the audit trail, whatever record they travel in.
const secretKeys = /^(password|password_?hash|passwordHash|token|token_?hash|tokenHash|secret)$/i;

export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        secretKeys.test(key) ? '[redacted]' : withoutSecrets(inner),
      ]),
    );
  }
  return value;
}

function whereClause(filter: AuditFilter): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (condition: string, value: unknown) => {
    params.push(value);
    conditions.push(condition.replace('?', `$${params.length}`));
  };
  if (filter.actor) add('actor_label ilike ?', `%${filter.actor.replace(/[\\%_]/g, '\\$&')}%`);
  if (filter.action) add('action = ?', filter.action);
  if (filter.entityType) add('entity_type = ?', filter.entityType);
  if (filter.from) add('occurred_at >= ?', filter.from);
  if (filter.to) add('occurred_at < ?', filter.to);
  return { sql: conditions.length ? `where ${conditions.join(' and ')}` : '', params };
}

function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    occurredAt: new Date(row.occurred_at),
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: row.before_value,
    after: row.after_value,
    requestId: row.request_id,
    ipAddress: row.ip_address,
  };
}

/**
 * The append-only record of every change and sign-in event. `record` takes the transaction of
 * the change itself, so a change and its audit event are saved together or not at all. There is
 * no method to change or delete an event, and the database refuses it too.
 */
export class AuditTrail {
  constructor(private readonly db: Queryable) {}

  /** For events that belong to no other change (sign-in failures, API calls). */
  get database(): Queryable {
    return this.db;
  }

  async record(tx: Queryable, context: AuditContext, event: AuditEventInput): Promise<void> {
    await tx.query(
      `insert into audit_event
         (actor_user_id, actor_label, action, entity_type, entity_id, before_value, after_value, request_id, ip_address)
       values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
      [
        context.actorUserId,
        context.actorLabel,
        event.action,
        event.entityType,
        event.entityId ?? null,
        event.before === undefined ? null : JSON.stringify(withoutSecrets(event.before)),
        event.after === undefined ? null : JSON.stringify(withoutSecrets(event.after)),
        context.requestId,
        context.ipAddress,
      ],
    );
  }

  async search(
    filter: AuditFilter,
    page: number,
    pageSize: number,
  ): Promise<{ events: AuditEvent[]; total: number }> {
    const { sql, params } = whereClause(filter);
    const [count] = await this.db.query<{ total: number }>(
      `select count(*)::int as total from audit_event ${sql}`,
      params,
    );
    const rows = await this.db.query<AuditEventRow>(
      `select id::text as id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id,
              before_value, after_value, request_id, ip_address
         from audit_event ${sql}
         order by occurred_at desc, id desc
         limit $${params.length + 1} offset $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    );
    return { events: rows.map(toAuditEvent), total: count?.total ?? 0 };
  }

  /** Every matching event, oldest first, in pages of 1,000 so memory stays flat. */
  async *each(filter: AuditFilter): AsyncGenerator<AuditEvent> {
    const { sql, params } = whereClause(filter);
    let afterId = '0';
    for (;;) {
      const rows = await this.db.query<AuditEventRow>(
        `select id::text as id, occurred_at, actor_user_id, actor_label, action, entity_type, entity_id,
                before_value, after_value, request_id, ip_address
           from audit_event ${sql ? `${sql} and` : 'where'} id > $${params.length + 1}::bigint
           order by id limit 1000`,
        [...params, afterId],
      );
      if (rows.length === 0) return;
      for (const row of rows) yield toAuditEvent(row);
      afterId = String(rows[rows.length - 1]?.id);
    }
  }

  async distinctActions(): Promise<string[]> {
    const rows = await this.db.query<{ action: string }>(
      'select distinct action from audit_event order by action',
    );
    return rows.map((row) => row.action);
  }

  async distinctEntityTypes(): Promise<string[]> {
    const rows = await this.db.query<{ entity_type: string }>(
      'select distinct entity_type from audit_event order by entity_type',
    );
    return rows.map((row) => row.entity_type);
  }
}
