import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type nunjucks from 'nunjucks';
import { assetUrls, layoutContext } from '../views/environment.js';

/** An RFC 9457 problem body, the shape every API error takes. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: { name: string; reason: string }[];
}

function wantsJson(request: FastifyRequest): boolean {
  if (request.url.startsWith('/api/')) return true;
  const accept = request.headers.accept ?? '';
  return accept.includes('application/json') && !accept.includes('text/html');
}

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json; charset=utf-8')
    .send({ ...problem, instance: reply.request.url });
}

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign in required',
  403: 'Forbidden',
  414: 'Address too long',
  404: 'Page not found',
  405: 'Method not allowed',
  413: 'Request too large',
  415: 'Unsupported media type',
  429: 'Too many requests',
};

// Framework errors (a malformed address) are answered before any hook runs, so no nonce exists:
// the page is sent with a policy that allows no script at all, and works without it.
const noScriptPolicy =
  "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Answers requests Fastify rejects before routing (a malformed or over-long address). Such
 * replies carry none of the app's decorators, so the page is rendered straight from the views.
 */
export function malformedRequestResponder(views: nunjucks.Environment) {
  const assets = assetUrls();
  const respond = (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    const status =
      error.statusCode && error.statusCode >= 400 && error.statusCode < 500
        ? error.statusCode
        : 400;
    const title = titles[status] ?? 'Bad request';
    request.log.info({ err: { message: error.message, code: error.code } }, 'malformed request');
    reply
      .header('x-request-id', request.id)
      .header('x-content-type-options', 'nosniff')
      .header('content-security-policy', noScriptPolicy);
    if (wantsJson(request)) {
      void sendProblem(reply, {
        type: 'about:blank',
        title,
        status,
        detail: 'The address is not valid.',
      });
      return;
    }
    const html = views.render('errors/problem.njk', {
      ...layoutContext(assets, '/', ''),
      status,
      title,
    });
    void reply.code(status).type('text/html; charset=utf-8').send(html);
  };
  // Nothing catches an exception thrown here, so it would end the process: fall back to text.
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): void => {
    try {
      respond(error, request, reply);
    } catch (failure) {
      request.log.error({ err: failure }, 'could not render the bad request page');
      if (!reply.sent) void reply.code(400).type('text/plain; charset=utf-8').send('Bad request');
    }
  };
}

async function errorPages(app: FastifyInstance) {
  app.setNotFoundHandler((request, reply) => {
    if (wantsJson(request)) {
      return sendProblem(reply, {
        type: 'about:blank',
        title: 'Not found',
        status: 404,
        detail: `Nothing exists at ${request.url.split('?')[0] ?? ''}`,
      });
    }
    return reply.code(404).render('errors/404.njk');
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      // The details go to the log, with the request id; the user sees a plain apology.
      request.log.error({ err: error }, 'request failed');
    } else {
      request.log.info({ err: { message: error.message, code: error.code } }, 'request rejected');
    }
    if (wantsJson(request)) {
      return sendProblem(reply, {
        type: 'about:blank',
        title: titles[status] ?? (status >= 500 ? 'Internal server error' : 'Request rejected'),
        status,
        ...(status < 500 ? { detail: error.message } : {}),
      });
    }
    if (status >= 500) {
      return reply.code(status).render('errors/500.njk', { requestId: request.id });
    }
    // Errors raised by our own code may carry no code at all.
    if (typeof error.code === 'string' && error.code.startsWith('FST_CSRF_')) {
      return reply.code(403).render('errors/csrf.njk');
    }
    return reply
      .code(status)
      .render('errors/problem.njk', { status, title: titles[status] ?? 'There is a problem' });
  });
}

export default fp(errorPages, { name: 'error-pages', dependencies: ['rendering'] });
