import type { FastifyReply, FastifyRequest } from 'fastify';

type Handler = (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>;

/**
 * Wraps handlers so that a feature's "no such thing" error shows the 404 page rather than the
 * error page.
 */
export function notFoundOn(isNotFound: (error: unknown) => boolean) {
  return (handler: Handler): Handler =>
    async (request, reply) => {
      try {
        return await handler(request, reply);
      } catch (error) {
        if (!isNotFound(error)) throw error;
        reply.callNotFound();
        return reply;
      }
    };
}
