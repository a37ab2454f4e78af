import type { FastifyInstance } from 'fastify';
import { paths } from '../../platform/paths.js';
import { apiTokenHandlers } from './handlers.js';
import type { PersonalApiTokens } from './service.js';

export interface ApiTokenRoutesOptions {
  tokens: PersonalApiTokens;
}

/** Personal API tokens and the API's "who am I" endpoint. */
export default async function apiTokenRoutes(
  app: FastifyInstance,
  { tokens }: ApiTokenRoutesOptions,
) {
  const handlers = apiTokenHandlers(tokens);
  const signedIn = { access: 'signed-in' } as const;
  app.get(paths.apiTokens, { config: signedIn }, handlers.list);
  app.post(paths.apiTokens, { config: signedIn }, handlers.create);
  app.post(paths.revokeApiToken, { config: signedIn }, handlers.revoke);
  app.get(paths.apiMe, { config: signedIn }, handlers.whoAmI);
}
