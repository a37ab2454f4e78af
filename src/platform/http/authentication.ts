import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { AuditContext, AuditTrail } from '../audit/audit-trail.js';
import type { ApiTokenStore } from '../auth/api-tokens.js';
import { isAllowed, type Access, type SignedInUser } from '../auth/roles.js';
import type { SessionStore } from '../auth/sessions.js';
import { sessionMaximumLifetimeMs } from '../auth/sessions.js';
import { paths } from '../paths.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may use the route; GET routes without it are public, other methods must say. */
    access?: Access;
    /** True for the few routes a person who must change their password may still use. */
    allowedBeforePasswordChange?: boolean;
    /**
     * 'json-only': a public API route that needs no CSRF token because it takes only
     * application/json, which another site cannot make a browser send without a CORS preflight
     * (never granted). Any other content type still meets the CSRF check and is refused.
     */
    csrfExempt?: 'json-only' | 'json-or-csv';
  }
  interface FastifyRequest {
    /** The signed-in person, or null. Set from the session cookie before any handler runs. */
    user: SignedInUser | null;
    sessionToken: string | null;
    /** Set when the request was authenticated with a personal API token. */
    apiToken: { id: string; name: string } | null;
  }
  interface FastifyReply {
    startSession(token: string): FastifyReply;
    endSession(): FastifyReply;
  }
  interface FastifyInstance {
    /** Every route that declared who may use it, for the role-matrix test and the README. */
    accessRules: AccessRule[];
  }
}

export interface AccessRule {
  method: string;
  url: string;
  access: Access;
}

export interface AuthenticationOptions {
  sessions: SessionStore;
  apiTokens: ApiTokenStore;
  audit: AuditTrail;
  secureCookies: boolean;
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function auditContextOf(request: FastifyRequest): AuditContext {
  const email = request.user?.email;
  return {
    actorUserId: request.user?.id ?? null,
    actorLabel: !email
      ? 'anonymous'
      : request.apiToken
        ? `${email} (API token "${request.apiToken.name}")`
        : email,
    requestId: request.id,
    ipAddress: request.ip,
  };
}

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** Where to send someone after sign-in: only a path on this site, never another host. */
export function safeReturnPath(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[\x21-\x7e]*$/.test(value)
    ? value
    : paths.account;
}

function problem(reply: FastifyReply, status: number, title: string, detail?: string) {
  return reply
    .code(status)
    .type('application/problem+json; charset=utf-8')
    .send({ type: 'about:blank', title, status, ...(detail ? { detail } : {}) });
}

async function authentication(
  app: FastifyInstance,
  { sessions, apiTokens, audit, secureCookies }: AuthenticationOptions,
) {
  // The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only, path /.
  const sessionCookie = secureCookies ? '__Host-mha_session' : 'mha_session';
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: secureCookies,
  };

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: secureCookies ? '__Host-mha_csrf' : 'mha_csrf',
    cookieOpts: cookieOptions,
    getToken: (request) => {
      const body = request.body as Record<string, unknown> | undefined;
      return typeof body?._csrf === 'string' ? body._csrf : undefined;
    },
  });

  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('apiToken', null);
  app.decorateReply('startSession', function startSession(this: FastifyReply, token: string) {
    return this.setCookie(sessionCookie, token, {
      ...cookieOptions,
      maxAge: sessionMaximumLifetimeMs / 1000,
    });
  });
  app.decorateReply('endSession', function endSession(this: FastifyReply) {
    return this.clearCookie(sessionCookie, cookieOptions);
  });

  // Default-deny for changes: a route that changes anything must say who may use it.
  const accessRules: AccessRule[] = [];
  app.decorate('accessRules', accessRules);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const changes = methods.some((method) => unsafeMethods.has(method));
    const access = route.config?.access;
    if (changes && access === undefined) {
      throw new Error(`${methods.join(',')} ${route.url} must declare config.access`);
    }
    if (access !== undefined) {
      for (const method of methods) {
        if (method !== 'HEAD') accessRules.push({ method, url: route.url, access });
      }
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const authorization = request.headers.authorization;
    if (authorization !== undefined && request.url.startsWith('/api/')) {
      const bearer = /^Bearer ([^\s]+)$/i.exec(authorization)?.[1];
      const found = bearer ? await apiTokens.authenticate(bearer) : null;
      if (!found) {
        reply.header('www-authenticate', 'Bearer realm="mha", error="invalid_token"');
        return problem(
          reply,
          401,
          'Invalid token',
          'The API token is unknown, revoked or expired.',
        );
      }
      request.user = found.user;
      request.apiToken = { id: found.tokenId, name: found.tokenName };
    }
    const token = request.apiToken ? undefined : request.cookies[sessionCookie];
    if (token) {
      request.user = await sessions.find(token);
      request.sessionToken = request.user ? token : null;
      if (!request.user) reply.endSession();
    }
    const config = request.routeOptions.config;
    const access = config.access ?? 'public';
    if (!isAllowed(access, request.user)) {
      if (!request.user) {
        if (wantsJson(request) || request.method !== 'GET') {
          return problem(reply, 401, 'Sign in required');
        }
        return reply.redirect(`${paths.signIn}?returnTo=${encodeURIComponent(request.url)}`, 303);
      }
      request.log.info({ userId: request.user.id, url: request.url }, 'access refused');
      if (wantsJson(request)) return problem(reply, 403, 'Forbidden');
      return reply.code(403).render('errors/403.njk');
    }
    if (
      request.user?.mustChangePassword &&
      access !== 'public' &&
      !config.allowedBeforePasswordChange
    ) {
      return reply.redirect(paths.changePassword, 303);
    }
  });

  // Every state-changing form carries the _csrf field; requests that fail are refused with 403.
  // Every use of an API token is recorded before its answer leaves, so each call is
  // attributable to a person and a token.
  app.addHook('onSend', async (request, reply, payload) => {
    if (!request.apiToken) return payload;
    await audit
      .record(audit.database, auditContextOf(request), {
        action: 'api-request',
        entityType: 'api-token',
        entityId: request.apiToken.id,
        after: { method: request.method, url: request.url, status: reply.statusCode },
      })
      .catch((error: unknown) =>
        request.log.error({ err: error }, 'could not audit an API request'),
      );
    return payload;
  });

  // A bearer token is not sent by browsers on their own, so token requests need no CSRF token.
  app.addHook('preHandler', (request, reply, done) => {
    if (!unsafeMethods.has(request.method) || request.is404 || request.apiToken) {
      done();
      return;
    }
    const exempt = request.routeOptions.config.csrfExempt;
    if (exempt) {
      // text/csv, like JSON, cannot be sent by a form on another site without a CORS preflight.
      const accepted =
        exempt === 'json-or-csv'
          ? /^(application\/json|text\/csv)\s*(;|$)/i
          : /^application\/json\s*(;|$)/i;
      if (accepted.test(request.headers['content-type'] ?? '')) {
        done();
        return;
      }
      // Anything else could come from a form on another site, so it is never accepted.
      reply
        .code(415)
        .type('application/problem+json; charset=utf-8')
        .send({
          type: 'about:blank',
          title: 'Unsupported media type',
          status: 415,
          detail:
            exempt === 'json-or-csv'
              ? 'Send the request as JSON (Content-Type: application/json) or CSV (text/csv).'
              : 'Send the request as JSON, with Content-Type: application/json.',
          instance: request.url,
        });
      return;
    }
    app.csrfProtection(request, reply, done);
  });
}

export default fp(authentication, { name: 'authentication', dependencies: ['rendering'] });
