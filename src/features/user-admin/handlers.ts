import type { FastifyReply, FastifyRequest } from 'fastify';
import { roleNames, roles } from '../../platform/auth/roles.js';
import { auditContextOf } from '../../platform/http/authentication.js';
import { paths, pathTo } from '../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../platform/views/form-errors.js';
import type { AccountLinks } from '../accounts/links.js';
import type { PublicSite } from '../public-site/service.js';
import { inviteFields, inviteForm } from './schema.js';
import { formBody } from '../../platform/http/forms.js';

const notices: Record<string, string> = {
  invited: 'The invitation has been sent. It can be seen in the mail outbox.',
  deactivated: 'The account has been deactivated and its sessions ended.',
  reactivated: 'The account has been reactivated.',
};

export function userAdminHandlers(links: AccountLinks, site: PublicSite) {
  const renderInvite = async (
    reply: FastifyReply,
    values: Record<string, string>,
    errors: FormErrors,
    status = 200,
  ) => {
    const organisations = await site.organisationChoices();
    return reply.code(status).render('user-admin/views/invite.njk', {
      values,
      errors,
      roleItems: roles.map((role) => ({
        value: role,
        text: roleNames[role],
        checked: values.role === role,
      })),
      organisationItems: [
        { value: '', text: 'Not needed for this role' },
        ...organisations.map((organisation) => ({
          value: organisation.id,
          text: organisation.name,
          selected: values.organisationId === organisation.id,
        })),
      ],
      csrfToken: reply.generateCsrf(),
    });
  };

  return {
    list: async (request: FastifyRequest, reply: FastifyReply) =>
      reply.render('user-admin/views/users.njk', {
        users: await links.listUsers(),
        roleNames,
        pathTo,
        notice: ((done) => (typeof done === 'string' ? notices[done] : undefined))(
          (request.query as Record<string, unknown>).done,
        ),
        csrfToken: reply.generateCsrf(),
      }),

    showInvite: (_request: FastifyRequest, reply: FastifyReply) =>
      renderInvite(reply, {}, noFormErrors),

    invite: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = formBody(request);
      const values = Object.fromEntries(
        inviteFields.map((field) => [
          field,
          typeof body[field] === 'string' ? body[field].slice(0, 400) : '',
        ]),
      );
      const parsed = inviteForm.safeParse(body);
      if (!parsed.success)
        return renderInvite(reply, values, formErrorsFrom(parsed.error, inviteFields), 422);
      const { organisationId, ...rest } = parsed.data;
      const organisations = await site.organisationChoices();
      if (
        organisationId &&
        !organisations.some((organisation) => organisation.id === organisationId)
      ) {
        return renderInvite(
          reply,
          values,
          formErrorsFor({ organisationId: 'Choose an organisation from the list' }, inviteFields),
          422,
        );
      }
      const needsOrganisation = rest.role === 'site-office' || rest.role === 'industry';
      const invited = await links.invite(
        { ...rest, organisationId: needsOrganisation ? organisationId : null },
        request.user?.displayName ?? 'The alliance office',
        auditContextOf(request),
      );
      if (!invited) {
        return renderInvite(
          reply,
          values,
          formErrorsFor(
            { email: 'An account already exists for this email address' },
            inviteFields,
          ),
          422,
        );
      }
      return reply.redirect(`${paths.adminUsers}?done=invited`, 303);
    },

    setActive:
      (active: boolean) =>
      async (request: FastifyRequest<{ Params: { id: string } }>, reply: FastifyReply) => {
        const changed = await links.setActive(request.params.id, active, auditContextOf(request));
        if (!changed) {
          reply.callNotFound();
          return reply;
        }
        return reply.redirect(
          `${paths.adminUsers}?done=${active ? 'reactivated' : 'deactivated'}`,
          303,
        );
      },
  };
}
