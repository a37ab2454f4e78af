import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../platform/http/authentication.js';
import { paths, pathTo } from '../../platform/paths.js';
import { formErrorsFrom, noFormErrors, type FormErrors } from '../../platform/views/form-errors.js';
import { newTokenFields, newTokenForm } from './schema.js';
import type { PersonalApiTokens } from './service.js';
import { formBody } from '../../platform/http/forms.js';

export function apiTokenHandlers(tokens: PersonalApiTokens) {
  const renderList = async (
    request: FastifyRequest,
    reply: FastifyReply,
    extra: {
      errors?: FormErrors;
      values?: Record<string, string>;
      created?: { name: string; secret: string };
      status?: number;
      revoked?: boolean;
    } = {},
  ) => {
    const user = request.user;
    if (!user) return reply.redirect(paths.signIn, 303);
    return reply.code(extra.status ?? 200).render('api-tokens/views/tokens.njk', {
      tokens: await tokens.list(user.id),
      errors: extra.errors ?? noFormErrors,
      values: extra.values ?? { name: '', lifetime: '90' },
      created: extra.created,
      revoked: extra.revoked ?? false,
      now: new Date(),
      pathTo,
      csrfToken: reply.generateCsrf(),
    });
  };

  return {
    list: (request: FastifyRequest, reply: FastifyReply) =>
      renderList(request, reply, {
        revoked: (request.query as Record<string, unknown>).revoked === '1',
      }),

    create: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = request.user;
      if (!user) return reply.redirect(paths.signIn, 303);
      const body = formBody(request);
      const parsed = newTokenForm.safeParse(body);
      if (!parsed.success) {
        return renderList(request, reply, {
          status: 422,
          errors: formErrorsFrom(parsed.error, newTokenFields),
          values: {
            name: typeof body.name === 'string' ? body.name.slice(0, 200) : '',
            lifetime: typeof body.lifetime === 'string' ? body.lifetime : '',
          },
        });
      }
      const { name, lifetime } = parsed.data;
      const { secret } = await tokens.create(
        user.id,
        name,
        lifetime === 'never' ? null : Number(lifetime),
        auditContextOf(request),
      );
      // Shown in this response only: the secret is not stored and cannot be shown again.
      reply.header('cache-control', 'no-store');
      return renderList(request, reply, { created: { name, secret } });
    },

    revoke: async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
      const user = request.user;
      if (!user) return reply.redirect(paths.signIn, 303);
      const revoked = await tokens.revoke(user.id, request.params.id, auditContextOf(request));
      if (!revoked) {
        reply.callNotFound();
        return reply;
      }
      return reply.redirect(`${paths.apiTokens}?revoked=1`, 303);
    },

    /** Who the API thinks you are: the simplest check that a token works. */
    whoAmI: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = request.user;
      if (!user) return reply.code(401).send();
      return {
        id: user.id,
        email: user.email,
        displayName: user.displayName,
        role: user.role,
        organisationId: user.organisationId,
        authenticatedWith: request.apiToken ? 'api-token' : 'session',
      };
    },
  };
}
