import type { FastifyReply, FastifyRequest } from 'fastify';
import { minimumPasswordLength } from '../../platform/auth/passwords.js';
import { auditContextOf } from '../../platform/http/authentication.js';
import { paths } from '../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../platform/views/form-errors.js';
import type { LinkPurpose } from './repository.js';
import type { AccountLinks } from './links.js';
import {
  forgottenPasswordFields,
  forgottenPasswordForm,
  newPasswordFields,
  newPasswordForm,
} from './schema.js';
import { formBody } from '../../platform/http/forms.js';

function tokenOf(request: FastifyRequest): string {
  return (request.params as Record<string, string | undefined>).token ?? '';
}

const wording: Record<LinkPurpose, { title: string; buttonText: string; done: string }> = {
  'password-reset': {
    title: 'Choose a new password',
    buttonText: 'Save new password',
    done: 'reset',
  },
  invitation: { title: 'Accept your invitation', buttonText: 'Create my account', done: 'invited' },
};

export function accountLinkHandlers(links: AccountLinks) {
  const renderNewPassword = (
    reply: FastifyReply,
    purpose: LinkPurpose,
    token: string,
    email: string,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) =>
    reply.code(status).render('accounts/views/new-password.njk', {
      ...wording[purpose],
      email,
      errors,
      minimumPasswordLength,
      formAction: `${purpose === 'invitation' ? '/account/accept-invitation' : '/account/reset-password'}/${token}`,
      csrfToken: reply.generateCsrf(),
    });

  const expired = (reply: FastifyReply) =>
    reply.code(410).render('accounts/views/link-expired.njk');

  const showLink =
    (purpose: LinkPurpose) => async (request: FastifyRequest, reply: FastifyReply) => {
      // The secret stays out of logs and other sites' Referer headers.
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      const token = tokenOf(request);
      const person = await links.personFor(token, purpose);
      if (!person) return expired(reply);
      return renderNewPassword(reply, purpose, token, person.email);
    };

  const completeLink =
    (purpose: LinkPurpose) => async (request: FastifyRequest, reply: FastifyReply) => {
      reply.header('referrer-policy', 'no-referrer').header('cache-control', 'no-store');
      const token = tokenOf(request);
      const person = await links.personFor(token, purpose);
      if (!person) return expired(reply);
      const parsed = newPasswordForm.safeParse(formBody(request));
      if (!parsed.success) {
        return renderNewPassword(
          reply,
          purpose,
          token,
          person.email,
          formErrorsFrom(parsed.error, newPasswordFields),
          422,
        );
      }
      const result = await links.completeLink(
        token,
        purpose,
        parsed.data.newPassword,
        auditContextOf(request),
      );
      if (!result.ok) {
        if (result.field === 'link') return expired(reply);
        return renderNewPassword(
          reply,
          purpose,
          token,
          person.email,
          formErrorsFor({ [result.field]: result.message }, newPasswordFields),
          422,
        );
      }
      return reply.redirect(`${paths.signIn}?done=${wording[purpose].done}`, 303);
    };

  return {
    showForgottenPassword: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.render('accounts/views/forgotten-password.njk', {
        errors: noFormErrors,
        values: {},
        csrfToken: reply.generateCsrf(),
      }),

    requestReset: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = formBody(request);
      const parsed = forgottenPasswordForm.safeParse(body);
      if (!parsed.success) {
        return reply.code(422).render('accounts/views/forgotten-password.njk', {
          errors: formErrorsFrom(parsed.error, forgottenPasswordFields),
          values: { email: typeof body.email === 'string' ? body.email.slice(0, 320) : '' },
          csrfToken: reply.generateCsrf(),
        });
      }
      await links.requestPasswordReset(parsed.data.email, auditContextOf(request));
      // The same answer whether or not an account exists.
      return reply.render('accounts/views/reset-sent.njk', { email: parsed.data.email });
    },

    showReset: showLink('password-reset'),
    completeReset: completeLink('password-reset'),
    showInvitation: showLink('invitation'),
    acceptInvitation: completeLink('invitation'),
  };
}
