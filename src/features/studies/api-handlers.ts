import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../platform/auth/roles.js';
import { auditContextOf } from '../../platform/http/authentication.js';
import { sendProblem } from '../../platform/http/errors.js';
import { readRecruitmentCsv } from './recruitment-csv.js';
import {
  milestoneInputSchema,
  problemsFrom,
  recruitmentBatchSchema,
  siteInputSchema,
  studyInputSchema,
} from './schema.js';
import type { Outcome, Problem, SiteView, StudyService, StudyView } from './service.js';
import type { StudyForecasts } from './forecasting.js';

const titles: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  422: 'Invalid request',
};

export function sendProblems(reply: FastifyReply, status: number, problems: Problem[]) {
  return sendProblem(reply, {
    type: 'about:blank',
    title: titles[status] ?? 'Invalid request',
    status,
    detail: problems.map((p) => `${p.name}: ${p.reason}`).join('; '),
    errors: problems,
  });
}

function siteJson(site: SiteView) {
  return {
    id: site.id,
    organisation: {
      id: site.organisationId,
      slug: site.organisationSlug,
      name: site.organisationName,
    },
    principalInvestigator: site.principalInvestigator,
    recruitmentTarget: site.recruitmentTarget,
    plannedOpen: site.plannedOpen,
    plannedClose: site.plannedClose,
    openedOn: site.openedOn,
    recruited: site.recruited,
    milestones: Object.fromEntries(
      [...site.milestones].map(([slug, m]) => [
        slug,
        { achievedOn: m.achievedOn, evidence: m.evidence, recordedBy: m.recordedBy },
      ]),
    ),
    measures: site.measures,
  };
}

export function studyJson(study: StudyView) {
  return {
    id: study.id,
    reference: study.reference,
    title: study.title,
    shortTitle: study.shortTitle,
    sponsor: study.sponsor,
    isCommercial: study.isCommercial,
    studyType: study.studyType,
    phase: study.phase,
    irasId: study.irasId,
    isrctn: study.isrctn,
    nctId: study.nctId,
    euCtNumber: study.euCtNumber,
    healthCategory: study.healthCategory,
    mhraApprovalNeeded: study.mhraApprovalNeeded,
    recruitmentTarget: study.recruitmentTarget,
    plannedStart: study.plannedStart,
    plannedEnd: study.plannedEnd,
    status: study.status,
    recruited: study.recruited,
    enquiryReference: study.enquiryReference,
    sampleData: study.isSample,
    milestones: Object.fromEntries(
      [...study.studyMilestones].map(([slug, m]) => [
        slug,
        { achievedOn: m.achievedOn, evidence: m.evidence, recordedBy: m.recordedBy },
      ]),
    ),
    sites: study.sites.map(siteJson),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The study set-up and recruitment API. */
export function studyApiHandlers(service: StudyService, forecasts: StudyForecasts) {
  const user = (request: FastifyRequest) => request.user as SignedInUser;
  const answer = <T>(
    reply: FastifyReply,
    outcome: Outcome<T>,
    status: number,
    body: (v: T) => unknown,
  ) =>
    outcome.ok
      ? reply.code(status).send(body(outcome.value))
      : sendProblems(reply, outcome.status, outcome.problems);
  const params = (request: FastifyRequest) =>
    request.params as { id: string; siteId?: string; milestone?: string };

  return {
    list: async (_request: FastifyRequest, reply: FastifyReply) =>
      reply.send({ items: (await service.studies()).map(studyJson) }),

    create: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = studyInputSchema.safeParse(request.body);
      if (!parsed.success) return sendProblems(reply, 422, problemsFrom(parsed.error));
      const outcome = await service.create(auditContextOf(request), user(request), parsed.data);
      if (outcome.ok) reply.header('location', `/api/v1/studies/${outcome.value.id}`);
      return answer(reply, outcome, 201, (v) => v);
    },

    show: async (request: FastifyRequest, reply: FastifyReply) => {
      const study = await service.study(params(request).id);
      if (!study)
        return sendProblems(reply, 404, [{ name: 'id', reason: 'There is no such study' }]);
      return reply.send(studyJson(study));
    },

    addSite: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = siteInputSchema.safeParse(request.body);
      if (!parsed.success) return sendProblems(reply, 422, problemsFrom(parsed.error));
      const outcome = await service.addSite(
        auditContextOf(request),
        user(request),
        params(request).id,
        parsed.data,
      );
      return answer(reply, outcome, 201, (v) => v);
    },

    milestone: async (request: FastifyRequest, reply: FastifyReply) => {
      const parsed = milestoneInputSchema.safeParse(request.body);
      if (!parsed.success) return sendProblems(reply, 422, problemsFrom(parsed.error));
      const { id, siteId, milestone } = params(request);
      const outcome = await service.recordMilestone(
        auditContextOf(request),
        user(request),
        id,
        siteId ?? null,
        milestone ?? '',
        parsed.data,
      );
      return answer(reply, outcome, 200, (v) => ({
        milestone,
        ...parsed.data,
        replaced: v.replaced,
      }));
    },

    recruitment: async (request: FastifyRequest, reply: FastifyReply) => {
      const isCsv = /^text\/csv/i.test(request.headers['content-type'] ?? '');
      let rows;
      let label = (index: number) => `rows[${index}]`;
      if (isCsv) {
        const read = readRecruitmentCsv(typeof request.body === 'string' ? request.body : '');
        if (!read.ok) {
          return sendProblems(
            reply,
            422,
            read.problems.map((p) => ({
              name: p.row === null ? 'file' : `row ${p.row}`,
              reason: p.message,
            })),
          );
        }
        rows = read.rows;
        label = (index) => `row ${read.rowNumbers[index] ?? index + 2}`;
      } else {
        const body = request.body;
        const list = isObject(body) && 'rows' in body ? body.rows : body;
        const parsed = recruitmentBatchSchema.safeParse(list);
        if (!parsed.success) {
          return sendProblems(
            reply,
            422,
            problemsFrom(parsed.error).map((p) => ({
              ...p,
              name: `rows.${p.name}`.replace(/\.$/, ''),
            })),
          );
        }
        rows = parsed.data;
      }
      const outcome = await service.recordRecruitment(
        auditContextOf(request),
        user(request),
        params(request).id,
        rows,
        label,
      );
      return answer(reply, outcome, 200, (v) => v);
    },

    forecast: async (request: FastifyRequest, reply: FastifyReply) => {
      const study = await service.study(params(request).id);
      if (!study)
        return sendProblems(reply, 404, [{ name: 'id', reason: 'There is no such study' }]);
      if (study.sites.length === 0) {
        return sendProblems(reply, 422, [
          {
            name: 'sites',
            reason: 'A forecast needs at least one site: add the study’s sites first',
          },
        ]);
      }
      try {
        return await reply.send(forecasts.forStudy(study));
      } catch (error) {
        // The model refuses dates it cannot use, such as a planned end before today's data.
        if (error instanceof RangeError) {
          return sendProblems(reply, 422, [{ name: 'forecast', reason: error.message }]);
        }
        throw error;
      }
    },
  };
}
