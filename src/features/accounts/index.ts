import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { accountHandlers } from './handlers.js';
import { accountLinkHandlers } from './link-handlers.js';
import type { AccountLinks } from './links.js';
import type { AccountService } from './service.js';

export interface AccountRoutesOptions {
  accounts: AccountService;
  links: AccountLinks;
}

/** Signing in and out, and a person's own account. */
export default async function accountRoutes(
  app: FastifyInstance,
  { accounts, links }: AccountRoutesOptions,
) {
  const handlers = accountHandlers(accounts);
  const linkHandlers = accountLinkHandlers(links);
  const anyone = { access: 'public', allowedBeforePasswordChange: true } as const;
  const signedIn = { access: 'signed-in', allowedBeforePasswordChange: true } as const;
  app.get(paths.signIn, { config: anyone }, handlers.showSignIn);
  app.post(paths.signIn, { config: anyone }, handlers.signIn);
  app.get(paths.signOut, { config: signedIn }, handlers.showSignOut);
  app.post(paths.signOut, { config: signedIn }, handlers.signOut);
  app.get(paths.account, { config: { access: 'signed-in' } }, handlers.account);
  app.get(paths.changePassword, { config: signedIn }, handlers.showChangePassword);
  app.post(paths.changePassword, { config: signedIn }, handlers.changePassword);
  app.get(paths.forgottenPassword, { config: anyone }, linkHandlers.showForgottenPassword);
  app.post(paths.forgottenPassword, { config: anyone }, linkHandlers.requestReset);
  app.get(paths.resetPassword, { config: anyone }, linkHandlers.showReset);
  app.post(paths.resetPassword, { config: anyone }, linkHandlers.completeReset);
  app.get(paths.acceptInvitation, { config: anyone }, linkHandlers.showInvitation);
  app.post(paths.acceptInvitation, { config: anyone }, linkHandlers.acceptInvitation);
}
