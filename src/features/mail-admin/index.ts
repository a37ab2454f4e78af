import type { FastifyInstance } from 'fastify';
import type { MailOutbox } from '../../platform/mail/index.js';
import { mailAdminHandlers } from './handlers.js';
import { paths } from '../../platform/paths.js';

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
  app.get(paths.adminMail, { config: adminsOnly }, handlers.list);
  app.get(paths.adminMailMessage, { config: adminsOnly }, handlers.message);
}
