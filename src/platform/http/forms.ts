import type { FastifyRequest } from 'fastify';

/** The submitted form's fields; an empty object when the body is missing or not a form. */
export function formBody(request: FastifyRequest): Record<string, unknown> {
  return typeof request.body === 'object' && request.body !== null
    ? (request.body as Record<string, unknown>)
    : {};
}
