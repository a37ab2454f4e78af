import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import { hashPassword, passwordProblems } from '../../platform/auth/passwords.js';
import type { Role } from '../../platform/auth/roles.js';
import { hashToken, newToken, type SessionStore } from '../../platform/auth/sessions.js';
import type { Database } from '../../platform/db/database.js';
import type { OutgoingMail } from '../../platform/mail/message.js';
import type { Queryable } from '../../platform/db/database.js';
import { AccountRepository, type LinkPurpose, type UserRecord } from './repository.js';

export const passwordResetLifetimeMs = 60 * 60 * 1000;
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;
/** More reset requests than this in an hour are quietly ignored, so nobody can flood a mailbox. */
const resetRequestsPerHour = 3;

/** Anything that queues mail in the caller's transaction (the platform's outbox). */
export interface MailQueue {
  enqueue(tx: Queryable, message: OutgoingMail): Promise<string>;
}

export type LinkResult = { ok: true } | { ok: false; field: 'newPassword'; message: string };

export interface Invitation {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
}

function publicView(user: UserRecord) {
  const { passwordHash: _passwordHash, ...rest } = user;
  return rest;
}

/**
 * Everything done through a link sent by email: resetting a forgotten password and accepting an
 * invitation; plus the administrator's side of invitations and deactivation.
 */
export class AccountLinks {
  private readonly repository: AccountRepository;

  constructor(
    private readonly database: Database,
    private readonly sessions: SessionStore,
    private readonly audit: AuditTrail,
    private readonly mail: MailQueue,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.repository = new AccountRepository(database);
  }

  /**
   * Sends a reset link when an active account has this email. The caller shows the same
   * message whatever happens, so the answer never reveals whether an account exists.
   */
  async requestPasswordReset(email: string, context: AuditContext): Promise<void> {
    const user = await this.repository.findByEmail(email);
    if (user?.status !== 'active') {
      await this.audit.record(this.database, context, {
        action: 'password-reset-requested',
        entityType: 'account',
        entityId: email,
        after: { sent: false, reason: user ? `account ${user.status}` : 'no account' },
      });
      return;
    }
    const since = new Date(this.now().getTime() - 60 * 60 * 1000);
    if (
      (await this.repository.countRecentLinks(user.id, 'password-reset', since)) >=
      resetRequestsPerHour
    ) {
      await this.audit.record(this.database, context, {
        action: 'password-reset-requested',
        entityType: 'account',
        entityId: user.id,
        after: { sent: false, reason: 'too many requests in an hour' },
      });
      return;
    }
    await this.database.transaction(async (tx) => {
      const link = await this.createLink(tx, user.id, 'password-reset', passwordResetLifetimeMs);
      await this.mail.enqueue(tx, {
        to: user.email,
        subject: 'Reset your Midlands Health Alliance password',
        text: [
          `Hello ${user.displayName},`,
          '',
          'Someone asked to reset the password for your Midlands Health Alliance account.',
          'To choose a new password, open this link within 1 hour:',
          '',
          `${this.publicUrl}/account/reset-password/${link}`,
          '',
          'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
        ].join('\n'),
      });
      await this.audit.record(tx, context, {
        action: 'password-reset-requested',
        entityType: 'account',
        entityId: user.id,
        after: { sent: true },
      });
    });
  }

  /** The person a reset or invitation link is for, or null when it is expired, used or unknown. */
  async personFor(token: string, purpose: LinkPurpose): Promise<UserRecord | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const found = await this.repository.findUsableLink(hashToken(token), purpose, this.now());
    return found?.user ?? null;
  }

  /** Sets a new password through a reset or invitation link; the link then stops working. */
  async completeLink(
    token: string,
    purpose: LinkPurpose,
    newPassword: string,
    context: AuditContext,
  ): Promise<LinkResult | { ok: false; field: 'link'; message: string }> {
    const person = await this.personFor(token, purpose);
    if (!person)
      return {
        ok: false,
        field: 'link',
        message: 'This link has expired or has already been used',
      };
    const [problem] = passwordProblems(newPassword, { email: person.email });
    if (problem) return { ok: false, field: 'newPassword', message: problem };
    const passwordHash = await hashPassword(newPassword);
    return this.database.transaction(async (tx) => {
      // Checked again under a row lock: two tabs submitting the same link succeed only once.
      const found = await this.repository.findUsableLink(hashToken(token), purpose, this.now(), tx);
      if (!found)
        return {
          ok: false,
          field: 'link',
          message: 'This link has expired or has already been used',
        };
      await this.repository.activateWithPassword(tx, found.user.id, passwordHash);
      await this.repository.useLinks(tx, found.user.id, purpose);
      await this.sessions.endAllFor(tx, found.user.id);
      await this.audit.record(
        tx,
        { ...context, actorUserId: found.user.id, actorLabel: found.user.email },
        {
          action: purpose === 'invitation' ? 'invitation-accepted' : 'password-reset',
          entityType: 'account',
          entityId: found.user.id,
          before: { status: found.user.status },
          after: { status: 'active', passwordChanged: true },
        },
      );
      return { ok: true as const };
    });
  }

  async listUsers() {
    return this.repository.list();
  }

  /** Creates an invited account and emails its link. Returns false when the email is taken. */
  async invite(invitation: Invitation, invitedBy: string, context: AuditContext): Promise<boolean> {
    return this.database.transaction(async (tx) => {
      if (await this.repository.findByEmail(invitation.email, tx)) return false;
      const user = await this.repository.insert(tx, {
        ...invitation,
        passwordHash: null,
        mustChangePassword: false,
        status: 'invited',
      });
      const link = await this.createLink(tx, user.id, 'invitation', invitationLifetimeMs);
      await this.mail.enqueue(tx, {
        to: user.email,
        subject: 'You are invited to the Midlands Health Alliance platform',
        text: [
          `Hello ${user.displayName},`,
          '',
          `${invitedBy} has invited you to the Midlands Health Alliance platform.`,
          'To accept, choose your password within 7 days at:',
          '',
          `${this.publicUrl}/account/accept-invitation/${link}`,
          '',
          'The link works once. If you were not expecting this, you can ignore this email.',
        ].join('\n'),
      });
      await this.audit.record(tx, context, {
        action: 'create',
        entityType: 'account',
        entityId: user.id,
        after: { ...publicView(user), invited: true },
      });
      return true;
    });
  }

  /** Deactivates or reactivates an account; deactivation ends its sessions at once. */
  async setActive(userId: string, active: boolean, context: AuditContext): Promise<boolean> {
    if (!/^[0-9a-f-]{36}$/.test(userId) || userId === context.actorUserId) return false;
    return this.database.transaction(async (tx) => {
      const user = await this.repository.findById(userId, tx);
      if (!user) return false;
      const status = active ? (user.passwordHash ? 'active' : 'invited') : 'deactivated';
      if (status === user.status) return true;
      await this.repository.setStatus(tx, userId, status);
      if (!active) await this.sessions.endAllFor(tx, userId);
      await this.audit.record(tx, context, {
        action: active ? 'reactivate' : 'deactivate',
        entityType: 'account',
        entityId: userId,
        before: { status: user.status },
        after: { status },
      });
      return true;
    });
  }

  private async createLink(
    tx: Queryable,
    userId: string,
    purpose: LinkPurpose,
    lifetimeMs: number,
  ) {
    const token = newToken();
    await this.repository.createLink(
      tx,
      userId,
      purpose,
      hashToken(token),
      new Date(this.now().getTime() + lifetimeMs),
    );
    return token;
  }
}
