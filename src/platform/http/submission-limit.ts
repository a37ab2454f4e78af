import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Counts towards the per-address limit on public submissions (forms and APIs anyone may use). */
    limitSubmissions?: boolean;
  }
}

export interface SubmissionLimitOptions {
  /** Submissions one address may make in a window. */
  max: number;
  windowSeconds: number;
}

/** Keeps the map of addresses small: expired windows are dropped once it grows past this. */
const pruneAbove = 10_000;

/**
 * A fixed-window limit per client address on routes that anyone may POST to, so a script cannot
 * fill the front door with junk. Kept in memory: each instance limits on its own, which is enough
 * to stop a flood without storing addresses anywhere.
 */
async function submissionLimit(app: FastifyInstance, options: SubmissionLimitOptions) {
  const windows = new Map<string, { started: number; count: number }>();
  const windowMs = options.windowSeconds * 1_000;

  app.addHook('onRequest', async (request, reply) => {
    if (!request.routeOptions.config.limitSubmissions || request.method === 'GET') return;
    const now = Date.now();
    if (windows.size > pruneAbove) {
      for (const [key, window] of windows)
        if (now - window.started >= windowMs) windows.delete(key);
    }
    const key = `${request.routeOptions.url ?? ''} ${request.ip}`;
    const window = windows.get(key);
    if (!window || now - window.started >= windowMs) {
      windows.set(key, { started: now, count: 1 });
      return;
    }
    window.count += 1;
    if (window.count > options.max) {
      const retryAfter = Math.ceil((window.started + windowMs - now) / 1_000);
      reply.header('retry-after', String(retryAfter));
      throw Object.assign(
        new Error(
          `Too many submissions from your address. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
        ),
        { statusCode: 429, code: 'MHA_SUBMISSION_LIMIT' },
      );
    }
  });
}

export default fp(submissionLimit, { name: 'submission-limit' });
