import { randomBytes } from 'node:crypto';
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import { systemActor } from '../../platform/audit/audit-trail.js';
import {
  hashPassword,
  passwordProblems,
  spendTimeLikeAVerification,
  verifyPassword,
} from '../../platform/auth/passwords.js';
import type { SessionStore } from '../../platform/auth/sessions.js';
import type { Database } from '../../platform/db/database.js';
import { AccountRepository, type UserRecord } from './repository.js';

/** Failed sign-ins for one email address within the window that lock it for a while. */
export const lockoutThreshold = 10;
export const lockoutWindowMs = 15 * 60 * 1000;
/** Failed sign-ins from one address, across all emails, that pause that address. */
export const addressThreshold = 50;

export type SignInResult =
  | { outcome: 'signed-in'; token: string; user: UserRecord }
  | { outcome: 'wrong-credentials' }
  | { outcome: 'locked' };

export interface RequestDetails {
  ipAddress: string | null;
  userAgent: string | null;
}

function publicView(user: UserRecord) {
  const { passwordHash: _passwordHash, ...rest } = user;
  return rest;
}

/** Accounts: signing in and out, passwords, and the first administrator. */
export class AccountService {
  private readonly repository: AccountRepository;

  constructor(
    private readonly database: Database,
    private readonly sessions: SessionStore,
    private readonly audit: AuditTrail,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new AccountRepository(database);
  }

  /**
   * Checks an email and password. Unknown emails and wrong passwords get the same answer in about
   * the same time, so nobody can learn which addresses have accounts. Too many failures for an
   * email (whether or not it exists) or from one address lock further attempts for a while.
   */
  async signIn(
    email: string,
    password: string,
    details: RequestDetails,
    context: AuditContext,
  ): Promise<SignInResult> {
    const since = new Date(this.now().getTime() - lockoutWindowMs);
    const failures = await this.repository.recentFailures(email, details.ipAddress, since);
    if (failures.forEmail >= lockoutThreshold || failures.fromAddress >= addressThreshold) {
      await this.audit.record(this.database, context, {
        action: 'sign-in-refused',
        entityType: 'account',
        entityId: email,
        after: { reason: 'too many failed sign-ins', ...failures },
      });
      return { outcome: 'locked' };
    }

    const user = await this.repository.findByEmail(email);
    const usable = user?.status === 'active' && user.passwordHash !== null;
    const passwordMatches =
      usable && user.passwordHash
        ? await verifyPassword(user.passwordHash, password)
        : (await spendTimeLikeAVerification(password), false);

    if (!user || !usable || !passwordMatches) {
      await this.database.transaction(async (tx) => {
        await this.repository.recordFailure(tx, email, details.ipAddress);
        await this.audit.record(tx, context, {
          action: 'sign-in-failed',
          entityType: 'account',
          entityId: user?.id ?? email,
          after: {
            email,
            reason: !user ? 'unknown email' : !usable ? `account ${user.status}` : 'wrong password',
          },
        });
      });
      return { outcome: 'wrong-credentials' };
    }

    const token = await this.database.transaction(async (tx) => {
      const started = await this.sessions.start(tx, user.id, details);
      await this.repository.markSignedIn(tx, user.id);
      await this.repository.clearFailures(tx, email);
      await this.audit.record(
        tx,
        { ...context, actorUserId: user.id, actorLabel: user.email },
        { action: 'sign-in', entityType: 'account', entityId: user.id },
      );
      return started;
    });
    return { outcome: 'signed-in', token, user };
  }

  /**
   * Signs in someone whose email address an identity provider has verified (single sign-on).
   * Only existing, active accounts may sign in this way: the provider proves who someone is,
   * the alliance decides what they may do.
   */
  async signInWithVerifiedEmail(
    email: string,
    provider: string,
    details: RequestDetails,
    context: AuditContext,
  ): Promise<
    { outcome: 'signed-in'; token: string; user: UserRecord } | { outcome: 'no-account' }
  > {
    const user = await this.repository.findByEmail(email.toLowerCase());
    if (user?.status !== 'active') {
      await this.audit.record(this.database, context, {
        action: 'sign-in-failed',
        entityType: 'account',
        entityId: user?.id ?? email,
        after: {
          email,
          provider,
          reason: user ? `account ${user.status}` : 'no account for this email',
        },
      });
      return { outcome: 'no-account' };
    }
    const token = await this.database.transaction(async (tx) => {
      const started = await this.sessions.start(tx, user.id, details);
      await this.repository.markSignedIn(tx, user.id);
      await this.audit.record(
        tx,
        { ...context, actorUserId: user.id, actorLabel: user.email },
        { action: 'sign-in', entityType: 'account', entityId: user.id, after: { provider } },
      );
      return started;
    });
    return { outcome: 'signed-in', token, user };
  }

  async signOut(token: string, context: AuditContext): Promise<void> {
    await this.database.transaction(async (tx) => {
      await this.sessions.end(tx, token);
      await this.audit.record(tx, context, {
        action: 'sign-out',
        entityType: 'account',
        entityId: context.actorUserId,
      });
    });
  }

  /** Changes a password after checking the current one; ends the person's other sessions. */
  async changePassword(
    userId: string,
    currentPassword: string,
    newPassword: string,
    keepSessionToken: string | null,
    context: AuditContext,
  ): Promise<
    { ok: true } | { ok: false; field: 'currentPassword' | 'newPassword'; message: string }
  > {
    const user = await this.repository.findById(userId);
    if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, currentPassword))) {
      return {
        ok: false,
        field: 'currentPassword',
        message: 'Your current password is not correct',
      };
    }
    const [problem] = passwordProblems(newPassword, { email: user.email });
    if (problem) return { ok: false, field: 'newPassword', message: problem };
    if (await verifyPassword(user.passwordHash, newPassword)) {
      return {
        ok: false,
        field: 'newPassword',
        message: 'New password must be different from your current password',
      };
    }
    const newHash = await hashPassword(newPassword);
    await this.database.transaction(async (tx) => {
      await this.repository.setPassword(tx, userId, newHash);
      await this.sessions.endAllFor(tx, userId, keepSessionToken ?? undefined);
      await this.audit.record(tx, context, {
        action: 'update',
        entityType: 'account',
        entityId: userId,
        before: { passwordChanged: false, mustChangePassword: user.mustChangePassword },
        after: { passwordChanged: true, mustChangePassword: false },
      });
    });
    return { ok: true };
  }

  /**
   * First run: with no active administrator, create one from ADMIN_EMAIL and ADMIN_PASSWORD, or
   * with a one-time password that must be changed at first sign-in. Returns what the operator
   * must be told, or null when an administrator already exists.
   */
  async ensureFirstAdministrator(given: {
    email: string | undefined;
    password: string | undefined;
  }): Promise<{ email: string; oneTimePassword: string | null } | null> {
    if ((await this.repository.countActiveAdministrators()) > 0) return null;
    const email = given.email ?? 'admin@mha.local';
    if (given.password !== undefined) {
      const [problem] = passwordProblems(given.password, { email });
      if (problem) throw new Error(`ADMIN_PASSWORD is not acceptable: ${problem}`);
    }
    const oneTimePassword =
      given.password === undefined ? randomBytes(15).toString('base64url') : null;
    const passwordHash = await hashPassword(given.password ?? oneTimePassword ?? '');
    await this.database.transaction(async (tx) => {
      const existing = await this.repository.findByEmail(email, tx);
      if (existing) {
        throw new Error(`An account for ${email} exists but is not an active administrator`);
      }
      const created = await this.repository.insert(tx, {
        email,
        displayName: 'Administrator',
        role: 'admin',
        organisationId: null,
        passwordHash,
        mustChangePassword: oneTimePassword !== null,
        status: 'active',
      });
      await this.audit.record(tx, systemActor, {
        action: 'create',
        entityType: 'account',
        entityId: created.id,
        after: publicView(created),
      });
    });
    return { email, oneTimePassword };
  }
}
