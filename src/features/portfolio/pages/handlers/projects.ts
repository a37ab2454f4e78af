// Research projects: the searchable list, each project's page (pipeline, stage moves, similar
// projects and the alliance office's decisions on them) and the add and edit forms, which check
// for similar projects before anything is saved.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { auditContextOf } from '../../../../platform/http/authentication.js';
import { formBody } from '../../../../platform/http/forms.js';
import { paths, pathTo } from '../../../../platform/paths.js';
import {
  type FormErrors,
  formErrorsFor,
  noFormErrors,
} from '../../../../platform/views/form-errors.js';
import { healthCategories } from '../../../directory/model.js';
import { pairDecisions } from '../../model.js';
import type { Project } from '../../repository.js';
import type { ProjectInput } from '../../schema.js';
import type { ProjectStage, SimilarProject } from '../../service.js';
import {
  type ProjectFormValues,
  projectAnchors,
  projectFields,
  projectFormValues,
  pageErrors,
  readDecisionForm,
  readProjectForm,
  readStageMoveForm,
  similarityDigest,
  stageMoveAnchors,
  stageMoveFields,
} from '../form-fields.js';
import {
  type PortfolioPageServices,
  categoryName,
  dayText,
  filterValue,
  forbidden,
  notFound,
  projectOf,
  queryOf,
  stageName,
  stageText,
  userOf,
} from './common.js';

const views = {
  list: 'portfolio/pages/views/projects.njk',
  show: 'portfolio/pages/views/project.njk',
  form: 'portfolio/pages/views/project-form.njk',
};

const accountBreadcrumbs = [{ text: 'Your account', href: paths.account }];
const projectBreadcrumbs = [...accountBreadcrumbs, { text: 'Projects', href: paths.projects }];

const notices: Record<string, string> = {
  created: 'Project added',
  saved: 'Project saved',
  moved: 'Stage move recorded',
  decided: 'Decision recorded: the pair will not be raised again',
};

/** What the similar-projects panel shows of each. */
const similarRows = (similar: readonly SimilarProject[]) =>
  similar.map((item, index) => ({
    id: item.project.id,
    reference: item.project.reference,
    href: pathTo.project(item.project.reference),
    title: item.project.title,
    lead: item.project.lead.name,
    category: categoryName(item.project.healthCategory),
    percent: `${Math.round(item.score * 100)}%`,
    reasons: item.reasons,
    noteId: `note-${index + 1}`,
  }));

/** Stage moves with errors, on the project page. */
interface StageForm {
  values: Record<string, string>;
  errors: FormErrors;
}

/** A decision with errors, on the project page: which pair, and what went wrong. */
interface DecisionForm {
  otherProjectId: string;
  values: Record<string, string>;
  message: string;
}

export function projectHandlers({ service }: PortfolioPageServices) {
  // ----- The list -----

  const list = async (request: FastifyRequest, reply: FastifyReply) => {
    const query = queryOf(request);
    const [challenges, centres] = await Promise.all([service.challenges(), service.centres()]);
    const problems: Record<string, string> = {};
    // NUL cannot be typed and PostgreSQL refuses it, so it is dropped.
    const q = typeof query.q === 'string' ? query.q.replaceAll('\u0000', '').trim() : '';
    if (query.q !== undefined && typeof query.q !== 'string') {
      problems.q = 'Enter the search words once';
    } else if (q.length > 200) {
      problems.q = 'Search words must be 200 characters or fewer';
    }
    const challenge = filterValue(
      query,
      'challenge',
      challenges.map((c) => c.slug),
    );
    if (challenge === null) problems.challenge = 'Choose a grand challenge from the list';
    const centre = filterValue(
      query,
      'centre',
      centres.map((c) => c.slug),
    );
    if (centre === null) problems.centre = 'Choose a centre from the list';
    const category = filterValue(
      query,
      'category',
      healthCategories.map((c) => c.slug),
    );
    if (category === null) problems.category = 'Choose a health category from the list';
    const errors = formErrorsFor(problems, ['q', 'challenge', 'centre', 'category']);
    const failed = errors.summary.length > 0;

    const filter = {
      ...(q && !problems.q ? { q } : {}),
      ...(challenge ? { challenge } : {}),
      ...(centre ? { centre } : {}),
      ...(category ? { category } : {}),
    };
    const projects = failed ? [] : await service.projects(filter);
    const stages = await service.stages(projects);
    const asText = (value: unknown) =>
      typeof value === 'string' ? value.replaceAll('\u0000', '').slice(0, 200) : '';
    const selectItems = (
      list: readonly { value: string; text: string }[],
      chosen: unknown,
      anyText: string,
    ) => [
      { value: '', text: anyText, selected: !chosen },
      ...list.map((item) => ({ ...item, selected: chosen === item.value })),
    ];
    return reply.code(failed ? 422 : 200).render(views.list, {
      pageTitle: `${failed ? 'Error: ' : ''}Research projects`,
      breadcrumbs: accountBreadcrumbs,
      errors,
      failed,
      q: asText(query.q),
      filtered: Object.keys(filter).length > 0,
      rows: projects.map((project) => ({
        reference: project.reference,
        href: pathTo.project(project.reference),
        title: project.title,
        lead: project.lead.name,
        category: categoryName(project.healthCategory),
        stage: stageText(stages.get(project.id)),
        isSample: project.isSample,
      })),
      challengeItems: selectItems(
        challenges.map((c) => ({ value: c.slug, text: c.title })),
        query.challenge,
        'Any grand challenge',
      ),
      centreItems: selectItems(
        centres.map((c) => ({ value: c.slug, text: c.name })),
        query.centre,
        'Any centre',
      ),
      categoryItems: selectItems(
        healthCategories.map((c) => ({ value: c.slug, text: c.name })),
        query.category,
        'Any health category',
      ),
    });
  };

  // ----- One project -----

  const renderProject = async (
    request: FastifyRequest,
    reply: FastifyReply,
    project: Project,
    forms: { stage?: StageForm; decision?: DecisionForm } = {},
    status = 200,
  ) => {
    const user = userOf(request);
    const [stages, similar] = await Promise.all([
      service.stages([project]),
      service.similarToProject(project.id),
    ]);
    const stage = stages.get(project.id);
    const done = queryOf(request).done;
    const current = stage?.current ?? null;
    const position = current
      ? (stage?.pipeline.stages.find((s) => s.slug === current.stage)?.position ?? 0)
      : 0;
    const next = stage?.pipeline.stages.find((s) => s.position === position + 1) ?? null;
    const stageValues = forms.stage?.values ?? { stage: next?.slug ?? '' };
    const rows = similarRows(similar ?? []);
    const decision = forms.decision;
    const decisionRow = decision ? rows.find((row) => row.id === decision.otherProjectId) : null;
    const decisionErrors =
      decision && decisionRow
        ? formErrorsFor({ [decisionRow.noteId]: decision.message }, [decisionRow.noteId])
        : decision
          ? formErrorsFor({ similar: decision.message }, ['similar'])
          : noFormErrors;
    const errors = forms.stage?.errors ?? decisionErrors;
    return reply.code(status).render(views.show, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${project.reference} ${project.title}`,
      breadcrumbs: projectBreadcrumbs,
      notice: typeof done === 'string' ? (notices[done] ?? null) : null,
      csrfToken: reply.generateCsrf(),
      errors,
      stageErrors: forms.stage?.errors ?? noFormErrors,
      project,
      categoryName: categoryName(project.healthCategory),
      dates: {
        start: dayText(project.startDate),
        end: dayText(project.endDate),
      },
      amountText:
        project.amountPounds === null ? '' : `£${project.amountPounds.toLocaleString('en-GB')}`,
      investigators: project.investigators.map((person) => ({
        name: person.name,
        organisation: person.organisation,
        href: pathTo.person(person.id),
      })),
      grandChallenges: project.grandChallenges.map((g) => ({
        title: g.title,
        href: pathTo.grandChallenge(g.slug),
      })),
      canEdit: service.canEditProjects(user),
      editHref: pathTo.editProject(project.reference),
      pipeline: stage
        ? {
            name: stage.pipeline.name,
            owner: stage.pipeline.owner.name,
            current: stageText(stage),
            since: current ? dayText(current.enteredOn) : '',
            next: next?.name ?? null,
            lastDate: current ? dayText(current.enteredOn) : null,
            history: stage.history.map((move, index) => ({
              date: dayText(move.enteredOn),
              from: stageName(stage, stage.history[index - 1]?.stage ?? null),
              to: stageName(stage, move.stage),
              evidence: move.evidence,
              recordedBy: move.recordedBy,
            })),
            stages: stage.pipeline.stages,
          }
        : null,
      stageAction: pathTo.projectStage(project.reference),
      stageValues,
      stageItems: [
        { value: '', text: 'Choose a stage', selected: !stageValues.stage },
        ...(stage?.pipeline.stages ?? []).map((s) => ({
          value: s.slug,
          text: `${s.position}. ${s.name}${current?.stage === s.slug ? ' (current stage)' : ''}`,
          selected: stageValues.stage === s.slug,
        })),
      ],
      today: dayText(service.today()),
      similar: rows,
      isOffice: service.isOffice(user),
      decisionAction: pathTo.projectDecisions(project.reference),
      decisionFor: decision?.otherProjectId ?? null,
      decisionValues: decision?.values ?? {},
      decisionErrors,
      pairDecisions,
    });
  };

  const show = async (request: FastifyRequest, reply: FastifyReply) => {
    const project = await projectOf(service, request);
    if (!project) return notFound(reply);
    return renderProject(request, reply, project);
  };

  const moveStage = async (request: FastifyRequest, reply: FastifyReply) => {
    const project = await projectOf(service, request);
    if (!project) return notFound(reply);
    const reading = readStageMoveForm(formBody(request));
    if (!reading.ok) {
      return renderProject(
        request,
        reply,
        project,
        { stage: { values: reading.values, errors: reading.errors } },
        422,
      );
    }
    const outcome = await service.moveStage(
      auditContextOf(request),
      userOf(request),
      project.id,
      reading.input,
    );
    if (!outcome.ok) {
      if (outcome.status === 403) return forbidden(reply);
      if (outcome.status === 404) return notFound(reply);
      return renderProject(
        request,
        reply,
        project,
        {
          stage: {
            values: reading.values,
            errors: pageErrors(outcome.problems, stageMoveFields, stageMoveAnchors),
          },
        },
        422,
      );
    }
    return reply.redirect(`${pathTo.project(project.reference)}?done=moved#pipeline`, 303);
  };

  const decide = async (request: FastifyRequest, reply: FastifyReply) => {
    const project = await projectOf(service, request);
    if (!project) return notFound(reply);
    const reading = readDecisionForm(formBody(request));
    const otherProjectId = reading.values.otherProjectId ?? '';
    if (!reading.ok) {
      const message = reading.errors.summary[0]?.text ?? 'Check the decision';
      return renderProject(
        request,
        reply,
        project,
        { decision: { otherProjectId, values: reading.values, message } },
        422,
      );
    }
    const outcome = await service.decidePair(
      auditContextOf(request),
      userOf(request),
      project.id,
      reading.input,
    );
    if (!outcome.ok) {
      if (outcome.status === 403) return forbidden(reply);
      const message = outcome.problems[0]?.reason ?? 'The decision could not be recorded';
      return renderProject(
        request,
        reply,
        project,
        { decision: { otherProjectId, values: reading.values, message } },
        outcome.status === 404 ? 404 : 422,
      );
    }
    return reply.redirect(`${pathTo.project(project.reference)}?done=decided#similar`, 303);
  };

  // ----- Adding and editing, with the check for similar projects first -----

  type Check =
    | { state: 'none' }
    | { state: 'checked'; similar: SimilarProject[]; digest: string; changed: boolean };

  const renderForm = async (
    reply: FastifyReply,
    project: Project | null,
    values: ProjectFormValues,
    errors: FormErrors = noFormErrors,
    check: Check = { state: 'none' },
    status = 200,
  ) => {
    const [centres, people, challenges, pipelines] = await Promise.all([
      service.centres(),
      service.people(),
      service.challenges(),
      service.pipelines(),
    ]);
    const heading = project ? `Edit ${project.reference}` : 'Add a research project';
    const text = values.text;
    const chosen = (list: readonly string[], ...keys: string[]) =>
      keys.some((key) => list.includes(key));
    const similar = check.state === 'checked' ? similarRows(check.similar) : [];
    return reply.code(status).render(views.form, {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${heading}`,
      heading,
      caption: project ? project.title : null,
      breadcrumbs: project
        ? [
            ...projectBreadcrumbs,
            { text: project.reference, href: pathTo.project(project.reference) },
          ]
        : projectBreadcrumbs,
      csrfToken: reply.generateCsrf(),
      formAction: project ? pathTo.editProject(project.reference) : paths.newProject,
      values: text,
      errors,
      check:
        check.state === 'checked'
          ? { digest: check.digest, changed: check.changed, similar, found: similar.length > 0 }
          : null,
      saveText: project ? 'Save changes' : 'Save project',
      healthCategoryItems: [
        { value: '', text: 'Choose a health category', selected: !text.healthCategory },
        ...healthCategories.map((c) => ({
          value: c.slug,
          text: c.name,
          selected: text.healthCategory === c.slug,
        })),
      ],
      leadItems: [
        { value: '', text: 'Choose the lead organisation', selected: !text.leadOrganisationId },
        ...centres.map((c) => ({
          value: c.slug,
          text: c.name,
          selected: text.leadOrganisationId === c.slug || text.leadOrganisationId === c.id,
        })),
      ],
      partnerItems: centres.map((c) => ({
        value: c.slug,
        text: c.name,
        checked: chosen(values.lists.partnerOrganisationIds, c.slug, c.id),
      })),
      investigatorItems: people.map((person) => ({
        value: person.id,
        text: person.name,
        hint: { text: person.organisation },
        checked: values.lists.investigatorIds.includes(person.id),
      })),
      investigatorsChosen: values.lists.investigatorIds.length,
      challengeItems: challenges.map((c) => ({
        value: c.slug,
        text: c.title,
        checked: chosen(values.lists.grandChallenges, c.slug, c.id),
      })),
      pipelineItems: [
        { value: '', text: 'Not in a pipeline', selected: !text.pipeline },
        ...pipelines.map((p) => ({
          value: p.slug,
          text: p.name,
          selected: text.pipeline === p.slug || text.pipeline === p.id,
        })),
      ],
    });
  };

  /**
   * The form's one POST. "Check" (the first press, and Enter) shows the similar projects; "Save"
   * saves only a project checked as it now stands, so nothing is saved unseen.
   */
  const submit = async (request: FastifyRequest, reply: FastifyReply, project: Project | null) => {
    const body = formBody(request);
    const reading = readProjectForm(body);
    if (!reading.ok) {
      return renderForm(reply, project, reading.values, reading.errors, { state: 'none' }, 422);
    }
    const input = reading.input;
    const digest = similarityDigest(input);
    const wantsSave = body.action === 'save';
    const checkedAs = typeof body.checked === 'string' ? body.checked : '';
    if (wantsSave && checkedAs === digest)
      return save(request, reply, project, input, reading.values);
    const draft = await service.draftForSimilarity(input);
    const similar = await service.similar(project ? { ...draft, id: project.id } : draft);
    return renderForm(reply, project, reading.values, noFormErrors, {
      state: 'checked',
      similar,
      digest,
      changed: wantsSave,
    });
  };

  const save = async (
    request: FastifyRequest,
    reply: FastifyReply,
    project: Project | null,
    input: ProjectInput,
    values: ProjectFormValues,
  ) => {
    const context = auditContextOf(request);
    const user = userOf(request);
    const outcome = project
      ? await service.updateProject(context, user, project.id, input)
      : await service.createProject(context, user, input);
    if (!outcome.ok) {
      if (outcome.status === 403) return forbidden(reply);
      if (outcome.status === 404) return notFound(reply);
      return renderForm(
        reply,
        project,
        values,
        pageErrors(outcome.problems, projectFields, projectAnchors),
        { state: 'none' },
        outcome.status,
      );
    }
    const saved: { id: string; reference?: string } = outcome.value;
    const reference = project?.reference ?? saved.reference ?? saved.id;
    return reply.redirect(
      `${pathTo.project(reference)}?done=${project ? 'saved' : 'created'}`,
      303,
    );
  };

  const pipelineSlugOf = async (stage: ProjectStage | undefined, project: Project) => {
    if (stage) return stage.pipeline.slug;
    if (!project.pipelineId) return null;
    return (await service.pipelines()).find((p) => p.id === project.pipelineId)?.slug ?? null;
  };

  return {
    list,
    show,
    moveStage,
    decide,

    newForm: (_request: FastifyRequest, reply: FastifyReply) =>
      renderForm(reply, null, {
        text: {},
        lists: { partnerOrganisationIds: [], investigatorIds: [], grandChallenges: [] },
      }),

    create: (request: FastifyRequest, reply: FastifyReply) => submit(request, reply, null),

    editForm: async (request: FastifyRequest, reply: FastifyReply) => {
      const project = await projectOf(service, request);
      if (!project) return notFound(reply);
      const stage = (await service.stages([project])).get(project.id);
      return renderForm(
        reply,
        project,
        projectFormValues({ ...project, pipelineSlug: await pipelineSlugOf(stage, project) }),
      );
    },

    update: async (request: FastifyRequest, reply: FastifyReply) => {
      const project = await projectOf(service, request);
      if (!project) return notFound(reply);
      return submit(request, reply, project);
    },
  };
}
