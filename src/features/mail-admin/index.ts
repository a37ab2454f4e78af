import type { FastifyInstance } from 'fastify';
import type { MailOutbox } from '../../platform/mail/index.js';
import { mailAdminHandlers } from './handlers.js';
import { mailAdminPaths } from './paths.js';

export interface MailAdminRoutesOptions {
  outbox: MailOutbox;
}

/** Administrators see every outgoing message, sent or not. Nothing here changes the outbox. */
export default async function mailAdminRoutes(
  app: FastifyInstance,
  { outbox }: MailAdminRoutesOptions,
) {
  const handlers = mailAdminHandlers(outbox);
  const adminsOnly = { access: ['admin'] } as const;
  app.get(mailAdminPaths.list, { config: adminsOnly }, handlers.list);
  app.get(mailAdminPaths.message, { config: adminsOnly }, handlers.message);
}
