import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Whether a parsed body, query or path holds a NUL character anywhere, however deep. */
function holdsNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 64 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => holdsNul(item, depth + 1));
  return Object.entries(value).some(
    ([key, item]) => key.includes('\u0000') || holdsNul(item, depth + 1),
  );
}

/**
 * PostgreSQL cannot store the NUL character in text or JSON, so an API request carrying one is
 * refused here with a 400 problem before any feature sees it, instead of failing as a 500 in the
 * database. Pages handle it themselves, naming the field in the error summary.
 */
async function nulGuard(app: FastifyInstance) {
  app.addHook('preValidation', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    if (holdsNul(request.query) || holdsNul(request.params) || holdsNul(request.body)) {
      throw Object.assign(
        new Error('The request contains a NUL character (U+0000), which cannot be stored.'),
        { statusCode: 400, code: 'MHA_NUL_CHARACTER' },
      );
    }
  });
}

export default fp(nulGuard, { name: 'nul-guard' });
