import { randomBytes } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import type { Role, SignedInUser } from './roles.js';
import { hashToken } from './sessions.js';

export const apiTokenPrefix = 'mha_';
const tokenPattern = /^mha_[A-Za-z0-9_-]{43}$/;

export interface ApiToken {
  id: string;
  name: string;
  tokenPrefix: string;
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

interface ApiTokenRow {
  id: string;
  name: string;
  token_prefix: string;
  created_at: Date;
  expires_at: Date | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

interface TokenUserRow {
  token_id: string;
  token_name: string;
  user_id: string;
  email: string;
  display_name: string;
  role: Role;
  organisation_id: string | null;
}

const date = (value: Date | null) => (value ? new Date(value) : null);

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    tokenPrefix: row.token_prefix,
    createdAt: new Date(row.created_at),
    expiresAt: date(row.expires_at),
    lastUsedAt: date(row.last_used_at),
    revokedAt: date(row.revoked_at),
  };
}

/** Personal API tokens, sent as `Authorization: Bearer mha_…`, with their owner's rights. */
export class ApiTokenStore {
  constructor(
    private readonly db: Queryable,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Makes a token and returns its secret, which is never stored and cannot be shown again. */
  async create(
    tx: Queryable,
    userId: string,
    name: string,
    expiresAt: Date | null,
  ): Promise<{ token: ApiToken; secret: string }> {
    const secret = `${apiTokenPrefix}${randomBytes(32).toString('base64url')}`;
    const [row] = await tx.query<ApiTokenRow>(
      `insert into api_token (user_id, name, token_hash, token_prefix, expires_at)
       values ($1, $2, $3, $4, $5)
       returning id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at`,
      [userId, name, hashToken(secret), secret.slice(0, 10), expiresAt],
    );
    if (!row) throw new Error('insert returned no row');
    return { token: toApiToken(row), secret };
  }

  async listFor(userId: string): Promise<ApiToken[]> {
    const rows = await this.db.query<ApiTokenRow>(
      `select id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at
         from api_token where user_id = $1 order by created_at desc`,
      [userId],
    );
    return rows.map(toApiToken);
  }

  /** Revokes one of the user's own tokens; returns it as it was, or null if not theirs. */
  async revoke(tx: Queryable, userId: string, tokenId: string): Promise<ApiToken | null> {
    if (!/^[0-9a-f-]{36}$/.test(tokenId)) return null;
    const [row] = await tx.query<ApiTokenRow>(
      `update api_token set revoked_at = coalesce(revoked_at, $3)
        where id = $1::uuid and user_id = $2
        returning id, name, token_prefix, created_at, expires_at, last_used_at, revoked_at`,
      [tokenId, userId, this.now()],
    );
    return row ? toApiToken(row) : null;
  }

  /** The active user behind a token, or null when it is unknown, revoked, expired or inactive. */
  async authenticate(
    secret: string,
  ): Promise<{ user: SignedInUser; tokenId: string; tokenName: string } | null> {
    if (!tokenPattern.test(secret)) return null;
    const now = this.now();
    const [row] = await this.db.query<TokenUserRow>(
      `select t.id as token_id, t.name as token_name, u.id as user_id, u.email, u.display_name, u.role,
              u.organisation_id
         from api_token t join app_user u on u.id = t.user_id
        where t.token_hash = $1 and t.revoked_at is null and (t.expires_at is null or t.expires_at > $2)
          and u.status = 'active'`,
      [hashToken(secret), now],
    );
    if (!row) return null;
    await this.db.query('update api_token set last_used_at = $2 where id = $1', [
      row.token_id,
      now,
    ]);
    return {
      tokenId: row.token_id,
      tokenName: row.token_name,
      user: {
        id: row.user_id,
        email: row.email,
        displayName: row.display_name,
        role: row.role,
        organisationId: row.organisation_id,
        // A token cannot change passwords, so it never needs to stop for a password change.
        mustChangePassword: false,
      },
    };
  }
}
