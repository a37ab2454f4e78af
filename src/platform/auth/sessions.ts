import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { Role, SignedInUser } from './roles.js';

export const sessionIdleTimeoutMs = 30 * 60 * 1000;
export const sessionMaximumLifetimeMs = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request would turn every page view into a write.
const touchIntervalMs = 60 * 1000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

interface SessionRow {
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  must_change_password: boolean;
  last_seen_at: Date;
}

/** Sessions kept in the database, so any instance can serve any signed-in person. */
export class SessionStore {
  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a session and returns the token for the cookie; only its hash is stored. */
  async start(
    tx: Queryable,
    userId: string,
    details: { ipAddress: string | null; userAgent: string | null },
  ): Promise<string> {
    const token = newToken();
    const now = this.now();
    await tx.query(
      `insert into user_session (id_hash, user_id, created_at, last_seen_at, expires_at, ip_address, user_agent)
       values ($1, $2, $3, $3, $4, $5, $6)`,
      [
        hashToken(token),
        userId,
        now,
        new Date(now.getTime() + sessionMaximumLifetimeMs),
        details.ipAddress,
        details.userAgent?.slice(0, 400) ?? null,
      ],
    );
    return token;
  }

  /** The active user behind a session token, or null when it is unknown, idle too long or expired. */
  async find(token: string): Promise<SignedInUser | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const idHash = hashToken(token);
    const now = this.now();
    const rows = await this.db.query<SessionRow>(
      `select u.id as user_id, u.email, u.display_name, u.role, u.organisation_id, u.must_change_password,
              s.last_seen_at
         from user_session s join app_user u on u.id = s.user_id
        where s.id_hash = $1 and s.expires_at > $2 and s.last_seen_at > $3 and u.status = 'active'`,
      [idHash, now, new Date(now.getTime() - sessionIdleTimeoutMs)],
    );
    const row = rows[0];
    if (!row) return null;
    if (now.getTime() - new Date(row.last_seen_at).getTime() > touchIntervalMs) {
      await this.db.query('update user_session set last_seen_at = $2 where id_hash = $1', [
        idHash,
        now,
      ]);
    }
    return {
      id: row.user_id,
      email: row.email,
      displayName: row.display_name,
      role: row.role,
      organisationId: row.organisation_id,
      mustChangePassword: row.must_change_password,
    };
  }

  async end(tx: Queryable, token: string): Promise<void> {
    await tx.query('delete from user_session where id_hash = $1', [hashToken(token)]);
  }

  /** Ends every session of a user, for example after a password change or deactivation. */
  async endAllFor(tx: Queryable, userId: string, exceptToken?: string): Promise<void> {
    await tx.query('delete from user_session where user_id = $1 and id_hash <> $2', [
      userId,
      exceptToken ? hashToken(exceptToken) : '',
    ]);
  }
}
