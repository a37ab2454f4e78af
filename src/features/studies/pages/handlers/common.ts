import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../../platform/auth/roles.js';
import type { StudyForecasts } from '../../forecasting.js';
import type { SiteView, StudyService, StudyView } from '../../service.js';

export interface StudyPageServices {
  service: StudyService;
  forecasts: StudyForecasts;
}

/** The signed-in user; every study page declares who may use it, so there always is one. */
export function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('a study page was reached without a signed-in user');
  return request.user;
}

export const paramsOf = (request: FastifyRequest) =>
  request.params as { id?: string; siteId?: string; milestone?: string };

export const queryOf = (request: FastifyRequest) =>
  (request.query ?? {}) as Record<string, unknown>;

/** The study the address names, by reference or id; null when there is none. */
export async function studyOf(
  service: StudyService,
  request: FastifyRequest,
): Promise<StudyView | null> {
  const id = paramsOf(request).id ?? '';
  // Longer than any reference or id: cannot be one.
  if (id.length === 0 || id.length > 64) return null;
  return service.study(id);
}

/** The study's site the address names, by its trust's short code (uhb) or the site's id. */
export function siteOf(study: StudyView, request: FastifyRequest): SiteView | null {
  const key = paramsOf(request).siteId ?? '';
  return study.sites.find((site) => site.organisationSlug === key || site.id === key) ?? null;
}

export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

export function forbidden(reply: FastifyReply): FastifyReply {
  return reply.code(403).render('errors/403.njk');
}

/** The sites of the study this user may record milestones and recruitment for. */
export const sitesUserMayUpdate = (service: StudyService, user: SignedInUser, study: StudyView) =>
  study.sites.filter((site) => service.canUpdateSite(user, site));
