import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/database.js';
import { paths } from '../paths.js';

export interface HealthOptions {
  database: Database;
  /** How long /readyz waits for the database before answering 503. */
  readinessTimeoutMs?: number;
}

async function healthChecks(
  app: FastifyInstance,
  { database, readinessTimeoutMs = 2_000 }: HealthOptions,
) {
  // Liveness: the process is up and serving; says nothing about its dependencies.
  app.get(paths.healthz, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return { status: 'ok' };
  });

  // Readiness: asks the database each time, so it recovers as soon as the database returns.
  app.get(paths.readyz, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    try {
      await database.ping(readinessTimeoutMs);
      return { status: 'ready', database: 'ok' };
    } catch (error) {
      request.log.warn({ err: error }, 'database not reachable');
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });
}

export default fp(healthChecks, { name: 'health-checks' });
