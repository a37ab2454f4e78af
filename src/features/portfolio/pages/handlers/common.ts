// What every portfolio page handler shares: who is asking, what the address names, the answers
// for "no such thing" and "not for you", and the small presenters every page shows the same way.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../../platform/auth/roles.js';
import { healthCategories } from '../../../directory/model.js';
import { challengeStatuses, type ChallengeStatus } from '../../model.js';
import type { Project } from '../../repository.js';
import type { PortfolioService, ProjectStage } from '../../service.js';
import type { ProjectFacts } from '../figures.js';

export interface PortfolioPageServices {
  service: PortfolioService;
}

/** The signed-in user of a page that declares who may use it, so there always is one. */
export function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('a portfolio page was reached without a signed-in user');
  return request.user;
}

export const paramsOf = (request: FastifyRequest) =>
  (request.params ?? {}) as { id?: string; slug?: string };

export const queryOf = (request: FastifyRequest) =>
  (request.query ?? {}) as Record<string, unknown>;

/** The project the address names, by reference or id; null when there is none. */
export async function projectOf(
  service: PortfolioService,
  request: FastifyRequest,
): Promise<Project | null> {
  const key = paramsOf(request).id ?? '';
  // Longer than any reference or id: cannot be one.
  if (key.length === 0 || key.length > 64) return null;
  return service.project(key);
}

export function notFound(reply: FastifyReply): FastifyReply {
  reply.callNotFound();
  return reply;
}

export function forbidden(reply: FastifyReply): FastifyReply {
  return reply.code(403).render('errors/403.njk');
}

export interface Tag {
  text: string;
  colour: string;
}

const statusColours: Record<ChallengeStatus, string> = {
  proposed: 'blue',
  active: 'green',
  closed: 'grey',
};

export const challengeStatusTag = (status: ChallengeStatus): Tag => ({
  text: challengeStatuses.find((s) => s.slug === status)?.label ?? status,
  colour: statusColours[status],
});

export const categoryName = (slug: string) =>
  healthCategories.find((category) => category.slug === slug)?.name ?? slug;

const longDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "3 March 2026" for 2026-03-03. */
export const dayText = (iso: string | null) =>
  iso ? longDate.format(new Date(`${iso}T00:00:00Z`)) : '';

/** Where a project stands, in words: its current stage, or why it has none. */
export function stageText(stage: ProjectStage | undefined): string {
  if (!stage) return 'Not in a pipeline';
  if (!stage.current) return 'Not started';
  const current = stage.current.stage;
  return stage.pipeline.stages.find((s) => s.slug === current)?.name ?? current;
}

/** A stage's name in a pipeline, or its short name if the pipeline has no such stage. */
export const stageName = (stage: ProjectStage | undefined, slug: string | null) =>
  slug === null ? 'Start' : (stage?.pipeline.stages.find((s) => s.slug === slug)?.name ?? slug);

/** What the portfolio figures need of a project. */
export function factsOf(project: Project, stage: ProjectStage | undefined): ProjectFacts {
  const current = stage?.current
    ? stage.pipeline.stages.find((s) => s.slug === stage.current?.stage)
    : undefined;
  return {
    id: project.id,
    reference: project.reference,
    title: project.title,
    lead: project.lead,
    grandChallenges: project.grandChallenges,
    healthCategory: project.healthCategory,
    amountPounds: project.amountPounds,
    stage: stage
      ? {
          pipeline: stage.pipeline,
          current: current
            ? { slug: current.slug, name: current.name, position: current.position }
            : null,
        }
      : null,
  };
}

/** One value from a fixed list, for a GET filter; `undefined` when absent, null when unknown. */
export function filterValue(
  query: Record<string, unknown>,
  name: string,
  allowed: readonly string[],
): string | null | undefined {
  const value = query[name];
  if (value === undefined || value === '') return undefined;
  return typeof value === 'string' && allowed.includes(value) ? value : null;
}
