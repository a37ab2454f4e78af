import * as openid from 'openid-client';
import type { AuditContext, AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { PendingSignInSeal } from './pending-sign-in.js';

/** The part of the accounts service that single sign-on needs; AccountService provides it. */
export interface VerifiedEmailAccounts {
  signInWithVerifiedEmail(
    email: string,
    provider: string,
    details: RequestDetails,
    context: AuditContext,
  ): Promise<
    | { outcome: 'signed-in'; token: string; user: { mustChangePassword: boolean } }
    | { outcome: 'no-account' }
  >;
  signOut(token: string, context: AuditContext): Promise<void>;
}

export interface RequestDetails {
  ipAddress: string | null;
  userAgent: string | null;
}

export interface SingleSignOnSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The callback address registered with the provider. */
  redirectUri: string;
  /** Only for a provider on plain http, as in tests; a real provider is always https. */
  allowInsecureIssuer: boolean;
}

/** Why a sign-in was refused, in terms the pages explain to the person. */
export type SignInProblem =
  'expired' | 'denied' | 'invalid-response' | 'email-not-verified' | 'no-email';

export type StartResult =
  | { outcome: 'redirect'; authorizationUrl: URL; pendingCookie: string }
  | { outcome: 'unavailable'; detail: string };

export type FinishResult =
  | { outcome: 'signed-in'; token: string; mustChangePassword: boolean; returnTo: string }
  | { outcome: 'no-account'; email: string }
  | { outcome: 'refused'; problem: SignInProblem; detail: string }
  | { outcome: 'unavailable'; detail: string };

const scope = 'openid email';
// Long enough for a slow provider, short enough that a person is not left waiting on a dead one.
const providerTimeoutSeconds = 10;
const longestEmail = 320;

/**
 * Signing in through the organisation's OpenID Connect provider: the authorization code flow
 * with PKCE, state and nonce. The provider proves who someone is (a verified email address);
 * the accounts service decides whether that person has an account here.
 */
export class SingleSignOn {
  private readonly seal: PendingSignInSeal;
  private configuration: Promise<openid.Configuration> | undefined;

  constructor(
    private readonly settings: SingleSignOnSettings,
    private readonly accounts: VerifiedEmailAccounts,
    private readonly audit: AuditTrail,
    private readonly database: Database,
  ) {
    this.seal = new PendingSignInSeal(
      settings.clientSecret,
      `${settings.issuer} ${settings.clientId}`,
    );
  }

  /** What the audit trail names as the way someone signed in. */
  get provider(): string {
    return this.settings.issuer;
  }

  /** Builds the address to send the browser to, and the sealed cookie that must travel with it. */
  async start(returnTo: string): Promise<StartResult> {
    let configuration: openid.Configuration;
    try {
      configuration = await this.discover();
    } catch (error) {
      return { outcome: 'unavailable', detail: describeError(error) };
    }
    const codeVerifier = openid.randomPKCECodeVerifier();
    const state = openid.randomState();
    const nonce = openid.randomNonce();
    const authorizationUrl = openid.buildAuthorizationUrl(configuration, {
      redirect_uri: this.settings.redirectUri,
      scope,
      response_type: 'code',
      code_challenge: await openid.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return {
      outcome: 'redirect',
      authorizationUrl,
      pendingCookie: this.seal.seal({ state, nonce, codeVerifier, returnTo }),
    };
  }

  /**
   * Finishes a sign-in from the provider's redirect: checks it against the sealed cookie,
   * exchanges the code, validates the ID token and signs in the account for the verified email.
   */
  async finish(
    callbackUrl: URL,
    pendingCookie: string | undefined,
    previousSessionToken: string | null,
    details: RequestDetails,
    context: AuditContext,
  ): Promise<FinishResult> {
    const pending = this.seal.open(pendingCookie);
    if (!pending) {
      return { outcome: 'refused', problem: 'expired', detail: 'no usable pending sign-in' };
    }

    let identity: { subject: string; email: unknown; emailVerified: unknown };
    try {
      const configuration = await this.discover();
      const tokens = await openid.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims) {
        return { outcome: 'refused', problem: 'invalid-response', detail: 'no ID token' };
      }
      identity = { subject: claims.sub, email: claims.email, emailVerified: claims.email_verified };
      // Many providers put email only in the UserInfo response unless asked for it in the ID token.
      if (identity.email === undefined || identity.emailVerified === undefined) {
        const userInfo = await openid.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        identity = {
          subject: claims.sub,
          email: userInfo.email,
          emailVerified: userInfo.email_verified,
        };
      }
    } catch (error) {
      return failureOf(error);
    }

    const email = identity.email;
    if (typeof email !== 'string' || !email.includes('@') || email.length > longestEmail) {
      await this.recordRefusal(context, identity.subject, null, 'no email address from provider');
      return {
        outcome: 'refused',
        problem: 'no-email',
        detail: 'the provider sent no usable email',
      };
    }
    // Only a provider's explicit true counts: an address it has not checked proves nothing.
    if (identity.emailVerified !== true) {
      await this.recordRefusal(context, identity.subject, email, 'email not verified by provider');
      return {
        outcome: 'refused',
        problem: 'email-not-verified',
        detail: 'email_verified is not true',
      };
    }

    const result = await this.accounts.signInWithVerifiedEmail(
      email,
      this.provider,
      details,
      context,
    );
    if (result.outcome === 'no-account') return { outcome: 'no-account', email };
    // A new session at every sign-in: a session planted before sign-in is worthless after it.
    if (previousSessionToken) await this.accounts.signOut(previousSessionToken, context);
    return {
      outcome: 'signed-in',
      token: result.token,
      mustChangePassword: result.user.mustChangePassword,
      returnTo: pending.returnTo,
    };
  }

  /**
   * Reads the provider's metadata on first use rather than at start-up, so the site starts
   * while the provider is down; a failed attempt is forgotten, so the next sign-in tries again.
   */
  private discover(): Promise<openid.Configuration> {
    this.configuration ??= openid
      .discovery(
        new URL(this.settings.issuer),
        this.settings.clientId,
        this.settings.clientSecret,
        // client_secret_basic is what OpenID Connect assumes when a client registers no method.
        openid.ClientSecretBasic(this.settings.clientSecret),
        {
          timeout: providerTimeoutSeconds,
          // Deprecated only as a warning sign: it is used solely for a test's http:// provider.
          // eslint-disable-next-line @typescript-eslint/no-deprecated
          execute: this.settings.allowInsecureIssuer ? [openid.allowInsecureRequests] : [],
        },
      )
      .catch((error: unknown) => {
        this.configuration = undefined;
        throw error;
      });
    return this.configuration;
  }

  private async recordRefusal(
    context: AuditContext,
    subject: string,
    email: string | null,
    reason: string,
  ) {
    await this.audit.record(this.database, context, {
      action: 'sign-in-failed',
      entityType: 'account',
      entityId: email ?? `${this.provider} ${subject}`,
      after: { email, provider: this.provider, subject, reason },
    });
  }
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.name}: ${error.message}${cause}`;
}

/**
 * Turns what openid-client throws into a refusal (the provider or the browser sent something we
 * must not accept) or unavailability (the provider could not be reached). Anything else is a
 * fault of ours and is rethrown.
 */
function failureOf(error: unknown): FinishResult {
  if (error instanceof openid.AuthorizationResponseError) {
    const detail = `${error.error}${error.error_description ? `: ${error.error_description}` : ''}`;
    const denied = ['access_denied', 'login_required', 'consent_required', 'interaction_required'];
    return {
      outcome: 'refused',
      problem: denied.includes(error.error) ? 'denied' : 'invalid-response',
      detail,
    };
  }
  if (
    error instanceof openid.ResponseBodyError ||
    error instanceof openid.WWWAuthenticateChallengeError
  ) {
    return { outcome: 'refused', problem: 'invalid-response', detail: describeError(error) };
  }
  if (error instanceof openid.ClientError) {
    const unreachable = error.code === 'OAUTH_TIMEOUT' || error.code === 'OAUTH_ABORT';
    return unreachable
      ? { outcome: 'unavailable', detail: describeError(error) }
      : { outcome: 'refused', problem: 'invalid-response', detail: describeError(error) };
  }
  // fetch() reports a refused connection or a failed DNS lookup as this TypeError.
  if (error instanceof TypeError && error.message === 'fetch failed') {
    return { outcome: 'unavailable', detail: describeError(error) };
  }
  throw error;
}
