import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { ApiToken, ApiTokenStore } from '../../platform/auth/api-tokens.js';
import type { Database } from '../../platform/db/database.js';

const dayMs = 24 * 60 * 60 * 1000;

/** A person's own API tokens: make, list, revoke. Every change is audited, the secret never. */
export class PersonalApiTokens {
  constructor(
    private readonly database: Database,
    private readonly tokens: ApiTokenStore,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {}

  list(userId: string): Promise<ApiToken[]> {
    return this.tokens.listFor(userId);
  }

  async create(
    userId: string,
    name: string,
    lifetimeDays: number | null,
    context: AuditContext,
  ): Promise<{ token: ApiToken; secret: string }> {
    const expiresAt = lifetimeDays ? new Date(this.now().getTime() + lifetimeDays * dayMs) : null;
    return this.database.transaction(async (tx) => {
      const created = await this.tokens.create(tx, userId, name, expiresAt);
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'api-token',
        entityId: created.token.id,
        after: { name, tokenPrefix: created.token.tokenPrefix, expiresAt },
      });
      return created;
    });
  }

  async revoke(userId: string, tokenId: string, context: AuditContext): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      const revoked = await this.tokens.revoke(tx, userId, tokenId);
      if (!revoked) return false;
      await this.audit.record(tx, context, {
        action: 'revoke',
        entityType: 'api-token',
        entityId: tokenId,
        after: { name: revoked.name, revokedAt: revoked.revokedAt },
      });
      return true;
    });
  }
}
