import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf, safeReturnPath } from '../../platform/http/authentication.js';
import { minimumPasswordLength } from '../../platform/auth/passwords.js';
import { roleNames } from '../../platform/auth/roles.js';
import { paths } from '../../platform/paths.js';
import { formErrorsFor, formErrorsFrom, noFormErrors } from '../../platform/views/form-errors.js';
import { changePasswordFields, changePasswordForm, signInFields, signInForm } from './schema.js';
import type { AccountService } from './service.js';
import { formBody } from '../../platform/http/forms.js';

const signInTemplate = 'accounts/views/sign-in.njk';
const changePasswordTemplate = 'accounts/views/change-password.njk';

function requestDetails(request: FastifyRequest) {
  const userAgent = request.headers['user-agent'];
  return { ipAddress: request.ip, userAgent: typeof userAgent === 'string' ? userAgent : null };
}

export function accountHandlers(accounts: AccountService) {
  return {
    showSignIn: async (
      request: FastifyRequest<{ Querystring: { returnTo?: string } }>,
      reply: FastifyReply,
    ) => {
      if (request.user) return reply.redirect(paths.account, 303);
      return reply.render(signInTemplate, {
        errors: noFormErrors,
        values: {},
        returnTo: safeReturnPath(request.query.returnTo),
        signedOut: (request.query as Record<string, unknown>).signedOut === '1',
        done: (request.query as Record<string, unknown>).done,
        csrfToken: reply.generateCsrf(),
      });
    },

    signIn: async (request: FastifyRequest, reply: FastifyReply) => {
      const body = formBody(request);
      const returnTo = safeReturnPath(body.returnTo);
      const parsed = signInForm.safeParse(body);
      const values = { email: typeof body.email === 'string' ? body.email.slice(0, 320) : '' };
      const again = (status: number, errors: ReturnType<typeof formErrorsFor>) =>
        reply.code(status).render(signInTemplate, {
          errors,
          values,
          returnTo,
          csrfToken: reply.generateCsrf(),
        });
      if (!parsed.success) return again(422, formErrorsFrom(parsed.error, signInFields));

      const result = await accounts.signIn(
        parsed.data.email,
        parsed.data.password,
        requestDetails(request),
        auditContextOf(request),
      );
      if (result.outcome === 'locked') {
        return again(
          429,
          formErrorsFor(
            { email: 'You have tried to sign in too many times. Wait 15 minutes, then try again' },
            signInFields,
          ),
        );
      }
      if (result.outcome === 'wrong-credentials') {
        return again(
          422,
          formErrorsFor({ email: 'Enter a correct email address and password' }, signInFields),
        );
      }
      // A new session id at every sign-in: an id planted before sign-in is worthless after it.
      if (request.sessionToken)
        await accounts.signOut(request.sessionToken, auditContextOf(request));
      reply.startSession(result.token);
      return reply.redirect(result.user.mustChangePassword ? paths.changePassword : returnTo, 303);
    },

    showSignOut: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.render('accounts/views/sign-out.njk', { csrfToken: reply.generateCsrf() }),

    signOut: async (request: FastifyRequest, reply: FastifyReply) => {
      if (request.sessionToken)
        await accounts.signOut(request.sessionToken, auditContextOf(request));
      reply.endSession();
      return reply.redirect(`${paths.signIn}?signedOut=1`, 303);
    },

    account: async (request: FastifyRequest, reply: FastifyReply) =>
      reply.render('accounts/views/account.njk', {
        roleName: request.user ? roleNames[request.user.role] : '',
        passwordChanged: (request.query as Record<string, unknown>).passwordChanged === '1',
      }),

    showChangePassword: async (request: FastifyRequest, reply: FastifyReply) =>
      reply.render(changePasswordTemplate, {
        errors: noFormErrors,
        mustChange: request.user?.mustChangePassword ?? false,
        minimumPasswordLength,
        csrfToken: reply.generateCsrf(),
      }),

    changePassword: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = request.user;
      if (!user) return reply.redirect(paths.signIn, 303);
      const again = (errors: ReturnType<typeof formErrorsFor>) =>
        reply.code(422).render(changePasswordTemplate, {
          errors,
          mustChange: user.mustChangePassword,
          minimumPasswordLength,
          csrfToken: reply.generateCsrf(),
        });
      const parsed = changePasswordForm.safeParse(formBody(request));
      if (!parsed.success) return again(formErrorsFrom(parsed.error, changePasswordFields));
      const result = await accounts.changePassword(
        user.id,
        parsed.data.currentPassword,
        parsed.data.newPassword,
        request.sessionToken,
        auditContextOf(request),
      );
      if (!result.ok)
        return again(formErrorsFor({ [result.field]: result.message }, changePasswordFields));
      return reply.redirect(`${paths.account}?passwordChanged=1`, 303);
    },
  };
}
