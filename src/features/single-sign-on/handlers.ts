import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf, safeReturnPath } from '../../platform/http/authentication.js';
import { paths } from '../../platform/paths.js';
import { pendingSignInLifetimeMs } from './pending-sign-in.js';
import type { SingleSignOn, SignInProblem } from './service.js';

const problemTemplate = 'single-sign-on/views/problem.njk';
const noAccountTemplate = 'single-sign-on/views/no-account.njk';

// A return address longer than this would not fit in the cookie alongside the rest.
const longestReturnTo = 1_000;

const statusFor: Record<SignInProblem, number> = {
  expired: 400,
  denied: 400,
  'invalid-response': 400,
  'email-not-verified': 403,
  'no-email': 403,
};

export interface PendingCookie {
  name: string;
  options: CookieSerializeOptions;
}

type WithQuery = FastifyRequest<{ Querystring: Record<string, unknown> }>;

const tryAgainHref = (returnTo: string) =>
  `${paths.signInSso}?returnTo=${encodeURIComponent(returnTo)}`;

function requestDetails(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

/** The address the provider sent the browser to, rebuilt on the registered callback address. */
function callbackUrlFor(redirectUri: string, requestUrl: string): URL {
  const url = new URL(redirectUri);
  const queryStart = requestUrl.indexOf('?');
  url.search = queryStart === -1 ? '' : requestUrl.slice(queryStart);
  return url;
}

export function singleSignOnHandlers(
  signOn: SingleSignOn,
  redirectUri: string,
  pendingCookie: PendingCookie,
) {
  return {
    start: async (request: WithQuery, reply: FastifyReply) => {
      const wanted = safeReturnPath(request.query.returnTo);
      const returnTo = wanted.length <= longestReturnTo ? wanted : paths.account;
      if (request.user) return reply.redirect(returnTo, 303);
      reply.header('cache-control', 'no-store');
      const started = await signOn.start(returnTo);
      if (started.outcome === 'unavailable') {
        request.log.warn({ detail: started.detail }, 'identity provider unavailable');
        return reply.code(503).render(problemTemplate, {
          problem: 'unavailable',
          tryAgainHref: tryAgainHref(returnTo),
        });
      }
      reply.setCookie(pendingCookie.name, started.pendingCookie, {
        ...pendingCookie.options,
        maxAge: pendingSignInLifetimeMs / 1000,
      });
      return reply.redirect(started.authorizationUrl.href, 303);
    },

    callback: async (request: FastifyRequest, reply: FastifyReply) => {
      reply.header('cache-control', 'no-store');
      // Single use: whatever happens next, this attempt is over.
      reply.clearCookie(pendingCookie.name, pendingCookie.options);
      const result = await signOn.finish(
        callbackUrlFor(redirectUri, request.url),
        request.cookies[pendingCookie.name],
        request.sessionToken,
        requestDetails(request),
        auditContextOf(request),
      );
      switch (result.outcome) {
        case 'signed-in':
          reply.startSession(result.token);
          return reply.redirect(
            result.mustChangePassword ? paths.changePassword : safeReturnPath(result.returnTo),
            303,
          );
        case 'no-account':
          return reply.code(403).render(noAccountTemplate, { email: result.email });
        case 'refused':
          request.log.info({ problem: result.problem, detail: result.detail }, 'SSO refused');
          return reply.code(statusFor[result.problem]).render(problemTemplate, {
            problem: result.problem,
            tryAgainHref: tryAgainHref(paths.account),
          });
        case 'unavailable':
          request.log.warn({ detail: result.detail }, 'identity provider unavailable');
          return reply.code(503).render(problemTemplate, {
            problem: 'unavailable',
            tryAgainHref: tryAgainHref(paths.account),
          });
      }
    },
  };
}
