import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/roles.js';
import { sendProblem } from '../../platform/http/errors.js';
import type { CriteriaProblem } from './criteria.js';
import { protectCount } from './disclosure.js';
import type { PopulationStatus } from './engine/population-engine.js';
import type { CountOutcome, FeasibilityService } from './service.js';

/** Criteria are small: 200 nodes of 200 concepts fit easily in this. */
export const countsBodyLimit = 256 * 1024;

const criteriaErrors = (problems: CriteriaProblem[]) =>
  problems.map((problem) => ({
    name: problem.path ? `criteria.${problem.path}` : 'criteria',
    reason: problem.message,
  }));

/** What a client may know about the population: nothing that is not disclosure-controlled. */
export function populationSummary(status: PopulationStatus) {
  if (status.state === 'ready' || status.state === 'indexing') {
    const { manifest } = status;
    return {
      state: status.state,
      description: manifest.description,
      size: protectCount(manifest.persons),
      referenceDate: manifest.referenceDate,
      synthetic: manifest.synthetic,
    };
  }
  if (status.state === 'generating') {
    return { state: status.state, description: 'A synthetic population is being generated.' };
  }
  if (status.state === 'failed') return { state: status.state, description: status.message };
  return { state: status.state, description: 'No population has been loaded.' };
}

export function sendCountFailure(
  reply: FastifyReply,
  outcome: Exclude<CountOutcome, { ok: true }>,
) {
  if (outcome.reason === 'invalid') {
    const errors = criteriaErrors(outcome.problems);
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'Invalid criteria',
      status: 422,
      detail: errors.map((error) => `${error.name}: ${error.reason}`).join('; '),
      errors,
    });
  }
  if (outcome.reason === 'rate-limited') {
    reply.header('retry-after', String(outcome.retryAfterSeconds));
    return sendProblem(reply, {
      type: 'about:blank',
      title: 'Too many requests',
      status: 429,
      detail: `You have run too many counts in the last minute. Try again in ${outcome.retryAfterSeconds} seconds.`,
    });
  }
  reply.header('retry-after', '30');
  return sendProblem(reply, {
    type: 'about:blank',
    title: 'Population not ready',
    status: 503,
    detail: populationSummary(outcome.status).description,
  });
}

/** The feasibility JSON API: counts, concept look-up, templates and the population. */
export function feasibilityApiHandlers(service: FeasibilityService) {
  return {
    counts: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = request.body;
      if (
        body === null ||
        typeof body !== 'object' ||
        Array.isArray(body) ||
        !('criteria' in body)
      ) {
        return sendProblem(reply, {
          type: 'about:blank',
          title: 'Invalid request',
          status: 422,
          detail: 'Send a JSON object with the criteria in "criteria": {"criteria": {...}}',
          errors: [{ name: 'criteria', reason: 'is required' }],
        });
      }
      const extra = Object.keys(body).filter((key) => key !== 'criteria');
      if (extra.length > 0) {
        return sendProblem(reply, {
          type: 'about:blank',
          title: 'Invalid request',
          status: 422,
          detail: `Unknown field ${extra.map((key) => `"${key.slice(0, 40)}"`).join(', ')}: send only "criteria"`,
          errors: extra.map((key) => ({
            name: key.slice(0, 40),
            reason: 'is not a field of this request',
          })),
        });
      }
      const outcome = await service.count(request.user as SignedInUser, body.criteria, 'api');
      if (!outcome.ok) return sendCountFailure(reply, outcome);
      return reply.header('cache-control', 'no-store').send(outcome.counts);
    },

    concepts: async (request: FastifyRequest, reply: FastifyReply) => {
      const { q } = request.query as { q?: unknown };
      if (typeof q !== 'string' || q.trim().length === 0 || q.length > 100) {
        return sendProblem(reply, {
          type: 'about:blank',
          title: 'Invalid request',
          status: 400,
          detail: 'q must be 1 to 100 characters: part of a concept name or code',
          errors: [{ name: 'q', reason: 'must be 1 to 100 characters' }],
        });
      }
      return reply.send({ query: q, items: service.concepts(q) });
    },

    templates: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.send({ items: service.templates() }),

    population: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.send({
        ...populationSummary(service.status()),
        careSites: service.careSites(),
        disclosureControl:
          'Counts from 1 to 7 are suppressed and all other counts are rounded to the nearest 5.',
      }),
  };
}
