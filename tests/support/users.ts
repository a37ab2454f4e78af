import { AccountRepository } from '../../src/features/accounts/repository.js';
import { hashPassword } from '../../src/platform/auth/passwords.js';
import type { Role } from '../../src/platform/auth/roles.js';
import { SessionStore } from '../../src/platform/auth/sessions.js';
import type { Database } from '../../src/platform/db/database.js';

export const testPassword = 'copper kettle whistles at noon';
let passwordHash: Promise<string> | undefined;

/** Adds an active user of a role; site-office and industry users belong to an organisation. */
export async function createUser(
  database: Database,
  role: Role,
  options: { email?: string; organisationSlug?: string } = {},
) {
  passwordHash ??= hashPassword(testPassword);
  let organisationId: string | null = null;
  if (role === 'site-office' || role === 'industry') {
    const [organisation] = await database.query<{ id: string }>(
      'select id from organisation where slug = $1',
      [options.organisationSlug ?? 'uhb'],
    );
    organisationId = organisation?.id ?? null;
  }
  return database.transaction((tx) =>
    new AccountRepository(database)
      .insert(tx, {
        email: options.email ?? `${role}-${Math.random().toString(36).slice(2, 8)}@example.org`,
        displayName: `Test ${role}`,
        role,
        organisationId,
        passwordHash: null,
        mustChangePassword: false,
        status: 'active',
      })
      .then(async (user) => {
        await tx.query('update app_user set password_hash = $2 where id = $1', [
          user.id,
          await passwordHash,
        ]);
        return user;
      }),
  );
}

/** A session cookie value for a user, as if they had just signed in. */
export async function sessionFor(database: Database, userId: string): Promise<string> {
  return database.transaction((tx) =>
    new SessionStore(database).start(tx, userId, { ipAddress: '127.0.0.1', userAgent: 'test' }),
  );
}
