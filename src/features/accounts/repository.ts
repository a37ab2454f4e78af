import type { Queryable } from '../../platform/db/database.js';
import type { Role } from '../../platform/auth/roles.js';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  passwordHash: string | null;
  mustChangePassword: boolean;
  status: 'invited' | 'active' | 'deactivated';
}

interface UserRow {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
  password_hash: string | null;
  must_change_password: boolean;
  status: UserRecord['status'];
}

const userColumns =
  'id, email, display_name, role, organisation_id, password_hash, must_change_password, status';

function toUser(row: UserRow): UserRecord {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    role: row.role,
    organisationId: row.organisation_id,
    passwordHash: row.password_hash,
    mustChangePassword: row.must_change_password,
    status: row.status,
  };
}

/** SQL for accounts and failed sign-ins. */
export class AccountRepository {
  constructor(private readonly db: Queryable) {}

  async findByEmail(email: string, db: Queryable = this.db): Promise<UserRecord | null> {
    const rows = await db.query<UserRow>(`select ${userColumns} from app_user where email = $1`, [
      email,
    ]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async findById(id: string, db: Queryable = this.db): Promise<UserRecord | null> {
    const rows = await db.query<UserRow>(`select ${userColumns} from app_user where id = $1`, [id]);
    return rows[0] ? toUser(rows[0]) : null;
  }

  async countActiveAdministrators(db: Queryable = this.db): Promise<number> {
    const [row] = await db.query<{ count: number }>(
      "select count(*)::int as count from app_user where role = 'admin' and status = 'active'",
    );
    return row?.count ?? 0;
  }

  async insert(tx: Queryable, user: Omit<UserRecord, 'id'>): Promise<UserRecord> {
    const rows = await tx.query<UserRow>(
      `insert into app_user (email, display_name, role, organisation_id, password_hash, must_change_password, status)
       values ($1, $2, $3, $4, $5, $6, $7) returning ${userColumns}`,
      [
        user.email,
        user.displayName,
        user.role,
        user.organisationId,
        user.passwordHash,
        user.mustChangePassword,
        user.status,
      ],
    );
    const row = rows[0];
    if (!row) throw new Error('insert returned no row');
    return toUser(row);
  }

  async setPassword(tx: Queryable, userId: string, passwordHash: string): Promise<void> {
    await tx.query(
      `update app_user set password_hash = $2, must_change_password = false, updated_at = now()
        where id = $1`,
      [userId, passwordHash],
    );
  }

  async markSignedIn(tx: Queryable, userId: string): Promise<void> {
    await tx.query('update app_user set last_signed_in_at = now() where id = $1', [userId]);
  }

  async recordFailure(tx: Queryable, email: string, ipAddress: string | null): Promise<void> {
    await tx.query('insert into sign_in_failure (email, ip_address) values ($1, $2)', [
      email,
      ipAddress,
    ]);
  }

  async recentFailures(
    email: string,
    ipAddress: string | null,
    since: Date,
  ): Promise<{ forEmail: number; fromAddress: number }> {
    const [row] = await this.db.query<{ for_email: number; from_address: number }>(
      `select count(*) filter (where email = $1)::int as for_email,
              count(*) filter (where ip_address = $2)::int as from_address
         from sign_in_failure
        where attempted_at > $3 and (email = $1 or ip_address = $2)`,
      [email, ipAddress, since],
    );
    return { forEmail: row?.for_email ?? 0, fromAddress: row?.from_address ?? 0 };
  }

  async clearFailures(tx: Queryable, email: string): Promise<void> {
    await tx.query('delete from sign_in_failure where email = $1', [email]);
  }

  async createLink(
    tx: Queryable,
    userId: string,
    purpose: LinkPurpose,
    tokenHash: string,
    expiresAt: Date,
  ): Promise<void> {
    await tx.query(
      'insert into account_link (user_id, purpose, token_hash, expires_at) values ($1, $2, $3, $4)',
      [userId, purpose, tokenHash, expiresAt],
    );
  }

  async countRecentLinks(userId: string, purpose: LinkPurpose, since: Date): Promise<number> {
    const [row] = await this.db.query<{ count: number }>(
      `select count(*)::int as count from account_link
        where user_id = $1 and purpose = $2 and created_at > $3`,
      [userId, purpose, since],
    );
    return row?.count ?? 0;
  }

  /** The user a link is for, when it is unused and unexpired; locks it within `tx` when given. */
  async findUsableLink(
    tokenHash: string,
    purpose: LinkPurpose,
    now: Date,
    db: Queryable = this.db,
  ): Promise<{ linkId: string; user: UserRecord } | null> {
    const rows = await db.query<UserRow & { link_id: string }>(
      `select l.id as link_id, u.id, u.email, u.display_name, u.role, u.organisation_id, u.password_hash,
              u.must_change_password, u.status
         from account_link l join app_user u on u.id = l.user_id
        where l.token_hash = $1 and l.purpose = $2 and l.used_at is null and l.expires_at > $3
          and u.status <> 'deactivated'
        for update of l`,
      [tokenHash, purpose, now],
    );
    const row = rows[0];
    return row ? { linkId: row.link_id, user: toUser(row) } : null;
  }

  /** Marks a link used, and every other open link of the same kind for that user with it. */
  async useLinks(tx: Queryable, userId: string, purpose: LinkPurpose): Promise<void> {
    await tx.query(
      'update account_link set used_at = now() where user_id = $1 and purpose = $2 and used_at is null',
      [userId, purpose],
    );
  }

  async activateWithPassword(tx: Queryable, userId: string, passwordHash: string): Promise<void> {
    await tx.query(
      `update app_user set password_hash = $2, must_change_password = false, status = 'active',
              updated_at = now()
        where id = $1`,
      [userId, passwordHash],
    );
  }

  async list(db: Queryable = this.db): Promise<(UserRecord & { lastSignedInAt: Date | null })[]> {
    const rows = await db.query<UserRow & { last_signed_in_at: Date | null }>(
      `select ${userColumns}, last_signed_in_at from app_user order by status = 'deactivated', email`,
    );
    return rows.map((row) => ({
      ...toUser(row),
      lastSignedInAt: row.last_signed_in_at ? new Date(row.last_signed_in_at) : null,
    }));
  }

  async setStatus(tx: Queryable, userId: string, status: UserRecord['status']): Promise<void> {
    await tx.query('update app_user set status = $2, updated_at = now() where id = $1', [
      userId,
      status,
    ]);
  }
}

export type LinkPurpose = 'password-reset' | 'invitation';
