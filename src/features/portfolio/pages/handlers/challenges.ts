// The grand challenges: a public list and a page for each (with its projects for staff), and the
// alliance office's forms to add and edit them.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../../../platform/http/authentication.js';
import { formBody } from '../../../../platform/http/forms.js';
import { paths, pathTo } from '../../../../platform/paths.js';
import { type FormErrors, noFormErrors } from '../../../../platform/views/form-errors.js';
import { challengeStatuses } from '../../model.js';
import type { Challenge } from '../../repository.js';
import {
  type ChallengeFormValues,
  challengeFields,
  pageErrors,
  readChallengeForm,
} from '../form-fields.js';
import {
  type PortfolioPageServices,
  categoryName,
  challengeStatusTag,
  forbidden,
  notFound,
  paramsOf,
  queryOf,
  stageText,
  userOf,
} from './common.js';

const views = {
  list: 'portfolio/pages/views/challenges.njk',
  show: 'portfolio/pages/views/challenge.njk',
  form: 'portfolio/pages/views/challenge-form.njk',
};

const listBreadcrumbs = [
  { text: 'Home', href: paths.home },
  { text: 'Grand challenges', href: paths.grandChallenges },
];

const notices: Record<string, string> = {
  created: 'Grand challenge added',
  saved: 'Grand challenge saved',
};

export function challengeHandlers({ service }: PortfolioPageServices) {
  /** The challenge the address names; slugs are short, so anything longer is not one. */
  const challengeOf = async (request: FastifyRequest): Promise<Challenge | null> => {
    const slug = paramsOf(request).slug ?? '';
    return slug.length > 0 && slug.length <= 80 ? service.challenge(slug) : null;
  };

  const renderForm = async (
    reply: FastifyReply,
    challenge: Challenge | null,
    values: ChallengeFormValues,
    errors: FormErrors = noFormErrors,
    status = 200,
  ) => {
    const centres = await service.centres();
    const heading = challenge ? `Edit ${challenge.title}` : 'Add a grand challenge';
    return reply.code(status).render(views.form, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${heading}`,
      heading,
      csrfToken: reply.generateCsrf(),
      formAction: challenge ? pathTo.editGrandChallenge(challenge.slug) : paths.newGrandChallenge,
      backHref: challenge ? pathTo.grandChallenge(challenge.slug) : paths.grandChallenges,
      values: values.text,
      errors,
      statusItems: challengeStatuses.map((s) => ({
        value: s.slug,
        text: s.label,
        checked: values.text.status === s.slug,
      })),
      organisationItems: centres.map((centre) => ({
        value: centre.slug,
        text: centre.name,
        // Kept by slug or id, so a challenge saved through the API shows its partners too.
        checked:
          values.organisations.includes(centre.slug) || values.organisations.includes(centre.id),
      })),
    });
  };

  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    challenge: Challenge | null,
  ) => {
    const reading = readChallengeForm(formBody(request));
    if (!reading.ok) return renderForm(reply, challenge, reading.values, reading.errors, 422);
    const outcome = await service.saveChallenge(
      auditContextOf(request),
      userOf(request),
      challenge?.slug ?? null,
      reading.input,
    );
    if (!outcome.ok) {
      if (outcome.status === 403) return forbidden(reply);
      if (outcome.status === 404) return notFound(reply);
      return renderForm(
        reply,
        challenge,
        reading.values,
        pageErrors(outcome.problems, challengeFields),
        outcome.status,
      );
    }
    const done = challenge ? 'saved' : 'created';
    return reply.redirect(`${pathTo.grandChallenge(outcome.value.slug)}?done=${done}`, 303);
  };

  return {
    /** /grand-challenges: for everyone. */
    list: async (request: FastifyRequest, reply: FastifyReply) => {
      const challenges = await service.challenges();
      return reply.render(views.list, {
        pageTitle: 'Grand challenges',
        breadcrumbs: [{ text: 'Home', href: paths.home }],
        canEdit: service.isOffice(request.user),
        items: challenges.map((challenge) => ({
          title: challenge.title,
          href: pathTo.grandChallenge(challenge.slug),
          summary: challenge.summary,
          statusTag: challengeStatusTag(challenge.status),
          partners: challenge.organisations.map((o) => o.name),
          projectCount: challenge.projectCount,
        })),
      });
    },

    /** /grand-challenges/:slug: for everyone; its projects only for alliance and partner staff. */
    show: async (request: FastifyRequest, reply: FastifyReply) => {
      const challenge = await challengeOf(request);
      if (!challenge) return notFound(reply);
      const user = request.user;
      const isStaff = service.canEditProjects(user);
      let projects: Record<string, unknown>[] = [];
      if (isStaff) {
        const list = await service.projects({ challenge: challenge.slug });
        const stages = await service.stages(list);
        projects = list.map((project) => ({
          reference: project.reference,
          href: pathTo.project(project.reference),
          title: project.title,
          lead: project.lead.name,
          category: categoryName(project.healthCategory),
          stage: stageText(stages.get(project.id)),
          isSample: project.isSample,
        }));
      }
      const done = queryOf(request).done;
      return reply.render(views.show, {
        pageTitle: challenge.title,
        breadcrumbs: listBreadcrumbs,
        notice: typeof done === 'string' ? (notices[done] ?? null) : null,
        challenge,
        statusTag: challengeStatusTag(challenge.status),
        programmeHref: challenge.programmeSlug ? `/${challenge.programmeSlug}` : null,
        partners: challenge.organisations.map((o) => ({
          name: o.name,
          href: pathTo.organisation(o.slug),
        })),
        isStaff,
        canEdit: service.isOffice(user),
        editHref: pathTo.editGrandChallenge(challenge.slug),
        projects,
      });
    },

    newForm: (_request: FastifyRequest, reply: FastifyReply) =>
      renderForm(reply, null, { text: { status: 'proposed' }, organisations: [] }),

    create: (request: FastifyRequest, reply: FastifyReply) => save(request, reply, null),

    editForm: async (request: FastifyRequest, reply: FastifyReply) => {
      const challenge = await challengeOf(request);
      if (!challenge) return notFound(reply);
      return renderForm(reply, challenge, {
        text: {
          title: challenge.title,
          summary: challenge.summary,
          description: challenge.description,
          leads: challenge.leads,
          status: challenge.status,
        },
        organisations: challenge.organisations.map((o) => o.slug),
      });
    },

    update: async (request: FastifyRequest, reply: FastifyReply) => {
      const challenge = await challengeOf(request);
      if (!challenge) return notFound(reply);
      return save(request, reply, challenge);
    },
  };
}
