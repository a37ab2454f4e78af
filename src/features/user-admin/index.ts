import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import type { AccountLinks } from '../accounts/links.js';
import type { PublicSite } from '../public-site/service.js';
import { userAdminHandlers } from './handlers.js';

export interface UserAdminRoutesOptions {
  links: AccountLinks;
  publicSite: PublicSite;
}

/** Administrators invite people, and deactivate or reactivate accounts. */
export default async function userAdminRoutes(
  app: FastifyInstance,
  { links, publicSite }: UserAdminRoutesOptions,
) {
  const handlers = userAdminHandlers(links, publicSite);
  const adminsOnly = { access: ['admin'] } as const;
  app.get(paths.adminUsers, { config: adminsOnly }, handlers.list);
  app.get(paths.adminInviteUser, { config: adminsOnly }, handlers.showInvite);
  app.post(paths.adminInviteUser, { config: adminsOnly }, handlers.invite);
  app.post(paths.adminDeactivateUser, { config: adminsOnly }, handlers.setActive(false));
  app.post(paths.adminReactivateUser, { config: adminsOnly }, handlers.setActive(true));
}
