import type { FastifyInstance } from 'fastify';
import type { AuditTrail } from '../../platform/audit/audit-trail.js';
import type { Database } from '../../platform/db/database.js';
import { singleSignOnHandlers } from './handlers.js';
import { paths } from '../../platform/paths.js';
import { SingleSignOn, type VerifiedEmailAccounts } from './service.js';

export interface SingleSignOnRoutesOptions {
  oidc: { issuer: string; clientId: string; clientSecret: string };
  /** The site's own address, without a trailing slash; the callback address is built on it. */
  publicUrl: string;
  accounts: VerifiedEmailAccounts;
  /** Refusals the accounts service never sees (an unverified email) are recorded here. */
  audit: AuditTrail;
  database: Database;
  secureCookies: boolean;
  /** Lets the site talk to a provider on plain http: for a provider started by a test only. */
  allowInsecureIssuer?: boolean;
}

/** Signing in with an organisation's account through its OpenID Connect provider. */
export default async function singleSignOnRoutes(
  app: FastifyInstance,
  options: SingleSignOnRoutesOptions,
) {
  const redirectUri = `${options.publicUrl}${paths.signInSsoCallback}`;
  const signOn = new SingleSignOn(
    { ...options.oidc, redirectUri, allowInsecureIssuer: options.allowInsecureIssuer ?? false },
    options.accounts,
    options.audit,
    options.database,
  );
  const handlers = singleSignOnHandlers(signOn, redirectUri, {
    // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only, path /.
    name: options.secureCookies ? '__Host-mha_sso' : 'mha_sso',
    // Lax, not Strict: the provider's redirect back is a cross-site top-level navigation.
    options: { path: '/', httpOnly: true, sameSite: 'lax', secure: options.secureCookies },
  });
  const anyone = { access: 'public', allowedBeforePasswordChange: true } as const;
  app.get(paths.signInSso, { config: anyone }, handlers.start);
  app.get(paths.signInSsoCallback, { config: anyone }, handlers.callback);
}
