import type { Queryable } from '../../platform/db/database.js';
import type { CriteriaNode } from './criteria.js';

export interface QueryLogEntry {
  userId: string;
  userEmail: string;
  via: 'page' | 'api';
  criteria: CriteriaNode;
  populationId: string;
  totalShown: number | null;
  totalSuppressed: boolean;
  durationMs: number;
}

export interface SavedQuery {
  id: string;
  name: string;
  criteria: CriteriaNode;
  createdAt: Date;
  updatedAt: Date;
}

interface SavedQueryRow {
  id: string;
  name: string;
  criteria: CriteriaNode;
  created_at: Date;
  updated_at: Date;
}

const toSavedQuery = (row: SavedQueryRow): SavedQuery => ({
  id: row.id,
  name: row.name,
  criteria: row.criteria,
  createdAt: new Date(row.created_at),
  updatedAt: new Date(row.updated_at),
});

const savedColumns = 'id::text as id, name, criteria, created_at, updated_at';

/** The feasibility tables' SQL, and nothing else. */
export class FeasibilityRepository {
  constructor(private readonly db: Queryable) {}

  async logQuery(entry: QueryLogEntry): Promise<void> {
    await this.db.query(
      `insert into feasibility_query_log
         (user_id, user_email, via, criteria, population_id, total_shown, total_suppressed, duration_ms)
       values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8)`,
      [
        entry.userId,
        entry.userEmail,
        entry.via,
        JSON.stringify(entry.criteria),
        entry.populationId,
        entry.totalShown,
        entry.totalSuppressed,
        entry.durationMs,
      ],
    );
  }

  async recentQueries(userId: string, limit: number) {
    return this.db.query<{ run_at: Date; criteria: CriteriaNode; total_shown: number | null }>(
      `select run_at, criteria, total_shown from feasibility_query_log
       where user_id = $1 order by run_at desc, id desc limit $2`,
      [userId, limit],
    );
  }

  async savedQueries(userId: string): Promise<SavedQuery[]> {
    const rows = await this.db.query<SavedQueryRow>(
      `select ${savedColumns} from feasibility_saved_query where user_id = $1 order by lower(name)`,
      [userId],
    );
    return rows.map(toSavedQuery);
  }

  async savedQuery(
    userId: string,
    id: string,
    db: Queryable = this.db,
  ): Promise<SavedQuery | null> {
    const [row] = await db.query<SavedQueryRow>(
      `select ${savedColumns} from feasibility_saved_query
       where user_id = $1 and id::text = $2`,
      [userId, id],
    );
    return row ? toSavedQuery(row) : null;
  }

  /** Saves under a name, replacing the user's query of the same name; the row as it was before. */
  async saveQuery(
    tx: Queryable,
    userId: string,
    name: string,
    criteria: CriteriaNode,
  ): Promise<{ saved: SavedQuery; before: SavedQuery | null }> {
    const [previous] = await tx.query<SavedQueryRow>(
      `select ${savedColumns} from feasibility_saved_query where user_id = $1 and name = $2 for update`,
      [userId, name],
    );
    const [row] = await tx.query<SavedQueryRow>(
      `insert into feasibility_saved_query (user_id, name, criteria) values ($1, $2, $3::jsonb)
       on conflict (user_id, name) do update set criteria = excluded.criteria, updated_at = now()
       returning ${savedColumns}`,
      [userId, name, JSON.stringify(criteria)],
    );
    return {
      saved: toSavedQuery(row as SavedQueryRow),
      before: previous ? toSavedQuery(previous) : null,
    };
  }

  async deleteQuery(tx: Queryable, userId: string, id: string): Promise<SavedQuery | null> {
    const [row] = await tx.query<SavedQueryRow>(
      `delete from feasibility_saved_query where user_id = $1 and id::text = $2
       returning ${savedColumns}`,
      [userId, id],
    );
    return row ? toSavedQuery(row) : null;
  }
}
