import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/roles.js';
import { auditContextOf } from '../../platform/http/authentication.js';
import { sendProblem } from '../../platform/http/errors.js';
import { healthCategories } from '../directory/model.js';
import type { Project } from './repository.js';
import { pairDecisionSchema, projectInputSchema, stageMoveSchema } from './schema.js';
import type { Outcome, PortfolioService, Problem, ProjectStage } from './service.js';

const titles: Record<number, string> = {
  400: 'Bad request',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Invalid request',
};

function problems(reply: FastifyReply, status: number, list: Problem[]) {
  return sendProblem(reply, {
    type: 'about:blank',
    title: titles[status] ?? 'Invalid request',
    status,
    detail: list.map((p) => `${p.name}: ${p.reason}`).join('; '),
    errors: list,
  });
}

const zodProblems = (issues: { path: PropertyKey[]; message: string }[]): Problem[] =>
  issues.map((issue) => ({
    name: issue.path.map(String).join('.') || 'body',
    reason: issue.message,
  }));

export function projectJson(project: Project, stage?: ProjectStage) {
  return {
    ...project,
    updatedAt: project.updatedAt.toISOString(),
    sampleData: project.isSample,
    pipeline: stage
      ? {
          id: stage.pipeline.id,
          slug: stage.pipeline.slug,
          name: stage.pipeline.name,
          currentStage: stage.current?.stage ?? null,
          history: stage.history,
        }
      : null,
  };
}

const filterKeys = ['q', 'challenge', 'centre', 'category'] as const;

/** The portfolio's JSON API. */
export function portfolioApiHandlers(service: PortfolioService) {
  const user = (request: FastifyRequest) => request.user as SignedInUser;
  const id = (request: FastifyRequest) => (request.params as { id: string }).id;
  const answer = <T>(
    reply: FastifyReply,
    outcome: Outcome<T>,
    status: number,
    body: (v: T) => unknown,
  ) =>
    outcome.ok
      ? reply.code(status).send(body(outcome.value))
      : problems(reply, outcome.status, outcome.problems);

  return {
    list: async (request: FastifyRequest, reply: FastifyReply) => {
      const query = request.query as Record<string, unknown>;
      const filter: Record<string, string> = {};
      const errors: Problem[] = [];
      for (const key of filterKeys) {
        const value = query[key];
        if (value === undefined || value === '') continue;
        if (typeof value !== 'string' || value.length > 200 || value.includes('\u0000')) {
          errors.push({
            name: key,
            reason: 'must be one value of at most 200 characters, without NUL characters',
          });
        } else filter[key] = value.trim();
      }
      if (filter.category && !healthCategories.some((c) => c.slug === filter.category)) {
        errors.push({ name: 'category', reason: 'is not an HRCS health category' });
      }
      if (errors.length) return problems(reply, 400, errors);
      const items = await service.projects(filter);
      const stages = await service.stages(items);
      return reply.send({
        total: items.length,
        items: items.map((p) => projectJson(p, stages.get(p.id))),
      });
    },

    show: async (request: FastifyRequest, reply: FastifyReply) => {
      const project = await service.project(id(request));
      if (!project)
        return problems(reply, 404, [{ name: 'id', reason: 'There is no such project' }]);
      const stages = await service.stages([project]);
      return reply.send(projectJson(project, stages.get(project.id)));
    },

    create: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = projectInputSchema.safeParse(request.body);
      if (!parsed.success) return problems(reply, 422, zodProblems(parsed.error.issues));
      const outcome = await service.createProject(
        auditContextOf(request),
        user(request),
        parsed.data,
      );
      if (!outcome.ok) return problems(reply, outcome.status, outcome.problems);
      const similar = (await service.similarToProject(outcome.value.id)) ?? [];
      return reply
        .code(201)
        .header('location', `/api/v1/projects/${outcome.value.id}`)
        .send({ ...outcome.value, similar });
    },

    update: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = projectInputSchema.safeParse(request.body);
      if (!parsed.success) return problems(reply, 422, zodProblems(parsed.error.issues));
      const outcome = await service.updateProject(
        auditContextOf(request),
        user(request),
        id(request),
        parsed.data,
      );
      if (!outcome.ok) return problems(reply, outcome.status, outcome.problems);
      const similar = (await service.similarToProject(outcome.value.id)) ?? [];
      return reply.send({ ...outcome.value, similar });
    },

    /** Similar projects for a draft that has not been saved: the check before saving. */
    similarToDraft: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = projectInputSchema.safeParse(request.body);
      if (!parsed.success) return problems(reply, 422, zodProblems(parsed.error.issues));
      const draft = await service.draftForSimilarity(parsed.data);
      return reply.send({ items: await service.similar(draft) });
    },

    similar: async (request: FastifyRequest, reply: FastifyReply) => {
      const items = await service.similarToProject(id(request));
      if (!items) return problems(reply, 404, [{ name: 'id', reason: 'There is no such project' }]);
      return reply.send({ items });
    },

    decide: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = pairDecisionSchema.safeParse(request.body);
      if (!parsed.success) return problems(reply, 422, zodProblems(parsed.error.issues));
      const outcome = await service.decidePair(
        auditContextOf(request),
        user(request),
        id(request),
        parsed.data,
      );
      return answer(reply, outcome, 200, (v) => v);
    },

    move: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = stageMoveSchema.safeParse(request.body);
      if (!parsed.success) return problems(reply, 422, zodProblems(parsed.error.issues));
      const outcome = await service.moveStage(
        auditContextOf(request),
        user(request),
        id(request),
        parsed.data,
      );
      return answer(reply, outcome, 200, (v) => v);
    },

    challenges: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.send({ items: await service.challenges() }),
  };
}
