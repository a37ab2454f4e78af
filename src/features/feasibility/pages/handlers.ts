import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import { auditContextOf } from '../../../platform/http/authentication.js';
import { formBody } from '../../../platform/http/forms.js';
import { paths, pathTo } from '../../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../../platform/views/form-errors.js';
import type { CriteriaNode, CriteriaProblem } from '../criteria.js';
import { describeCriterion } from '../describe.js';
import type { ConceptMatch, FeasibilityCounts, FeasibilityService } from '../service.js';
import {
  comparisonOptions,
  conceptDomainOf,
  conceptsListed,
  criteriaOf,
  criterionFromFields,
  criterionProblemErrors,
  criterionTypes,
  decodeDraft,
  draftFieldsFrom,
  editableLeaf,
  emptyDraftFields,
  encodeCriteria,
  encodeDraft,
  fieldsFromCriterion,
  isCriterionType,
  parseAction,
  problemPlace,
  readCriteriaJson,
  saveForm,
  topLevelCriteria,
  visitTypes,
  withConceptAdded,
  withCriterion,
  withoutCriterion,
  type Draft,
} from './builder.js';
import { csvFilename, feasibilityCsv } from './csv.js';
import { disclosureNote, populationView, resultsView, suppressedText } from './results.js';

const views = {
  start: 'feasibility/pages/views/start.njk',
  builder: 'feasibility/pages/views/builder.njk',
  confirmDelete: 'feasibility/pages/views/delete.njk',
};

const breadcrumbs = [{ text: 'Your account', href: paths.account }];

/** The signed-in user; every route here is for signed-in users only. */
function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('patient feasibility reached without a signed-in user');
  return request.user;
}

/** Criteria as JSON may be as long as a request body allows. */
const maxCriteriaText = 1_048_576;

const textOf = (value: unknown, max = 40_000): string =>
  typeof value === 'string' ? value.slice(0, max) : '';

const londonDateTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/London',
});

/** `2026-01-01` as `1 January 2026`. */
export function dayText(isoDate: string | null): string {
  if (!isoDate) return '';
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? isoDate
    : date.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

/** Several sources of errors as one summary, in the order given. */
function mergeErrors(...all: FormErrors[]): FormErrors {
  return {
    summary: all.flatMap((errors) => errors.summary),
    fields: Object.assign({}, ...all.map((errors) => errors.fields)) as FormErrors['fields'],
  };
}

/** Everything the builder page shows; carried between requests in the page's hidden fields. */
interface BuilderPage {
  criteria: CriteriaNode[];
  /** The template or saved query the criteria came from: the save form starts with it. */
  queryName: string;
  draft: Draft | null;
  q: string;
  matches: ConceptMatch[] | null;
  jsonText: string | null;
  jsonOpen: boolean;
  saveName: string | null;
  errors: FormErrors;
  /** A problem with one criterion of the list, shown in its row; keyed by its place from 0. */
  rowErrors: Map<number, string>;
  counts: FeasibilityCounts | null;
  /** Why a count did not run: too many counts, or no population yet. */
  outcome: { heading: string; text: string } | null;
  notice: string | null;
  status: number;
}

const newPage = (changes: Partial<BuilderPage> = {}): BuilderPage => ({
  criteria: [],
  queryName: '',
  draft: null,
  q: '',
  matches: null,
  jsonText: null,
  jsonOpen: false,
  saveName: null,
  errors: noFormErrors,
  rowErrors: new Map(),
  counts: null,
  outcome: null,
  notice: null,
  status: 200,
  ...changes,
});

const withErrors = (page: BuilderPage, errors: FormErrors, status = 422): BuilderPage => ({
  ...page,
  errors: mergeErrors(page.errors, errors),
  status,
});

/** Problems the language or the population found in the list, shown in the rows they are in. */
function withListProblems(page: BuilderPage, problems: readonly CriteriaProblem[]): BuilderPage {
  const rowErrors = new Map(page.rowErrors);
  const summary: FormErrors['summary'] = [];
  let listMessage: string | undefined;
  for (const problem of problems.slice(0, 20)) {
    const { index, rest } = problemPlace(problem.path);
    if (index === null || index >= page.criteria.length) {
      listMessage ??= rest ? `${rest}: ${problem.message}` : problem.message;
      continue;
    }
    if (!rowErrors.has(index)) {
      rowErrors.set(index, problem.message);
      summary.push({
        text: `Criterion ${index + 1}: ${problem.message}`,
        href: `#criterion-${index + 1}`,
      });
    }
  }
  const listErrors = formErrorsFor(listMessage ? { criteria: listMessage } : {}, ['criteria']);
  return {
    ...withErrors(page, {
      summary: [...listErrors.summary, ...summary],
      fields: listErrors.fields,
    }),
    rowErrors,
  };
}

const noCriteria = formErrorsFor({ criteria: 'Add at least one criterion first' }, ['criteria']);

/** The patient feasibility pages: start, builder, results, saved queries and the CSV export. */
export function feasibilityPageHandlers(service: FeasibilityService) {
  const population = () => populationView(service.status(), service.careSites().length > 0);

  /** Concepts for the search box, from the domain the criterion's type counts in. */
  const searchConcepts = (q: string, type: string): ConceptMatch[] => {
    const domain = isCriterionType(type) ? conceptDomainOf[type] : undefined;
    return service
      .concepts(q, 200)
      .filter((match) => !domain || match.domain === domain)
      .slice(0, 20);
  };

  const renderBuilder = (reply: FastifyReply, page: BuilderPage) => {
    const namer = service.namer();
    const list = page.criteria;
    const draft = page.draft;
    // Whatever the button, a search that was typed stays answered beside the form.
    const matches =
      page.matches ??
      (draft?.step === 'fields' && page.q !== '' && !page.errors.fields.q
        ? searchConcepts(page.q, draft.fields.type)
        : null);
    const listed = draft ? conceptsListed(draft.fields) : new Set<string>();
    const whole = criteriaOf(list);
    const careSites = service.careSites();
    const field = draft?.fields ?? emptyDraftFields;
    return reply
      .code(page.status)
      .header('cache-control', 'no-store')
      .render(views.builder, {
        pageTitle: `${page.errors.summary.length ? 'Error: ' : ''}${page.counts ? 'Results: ' : ''}Build a feasibility query`,
        breadcrumbs: [...breadcrumbs, { text: 'Patient feasibility', href: paths.feasibility }],
        population: population(),
        errors: page.errors,
        notice: page.notice,
        outcome: page.outcome,
        queryName: page.queryName,
        state: {
          csrfToken: reply.generateCsrf(),
          criteria: encodeCriteria(list),
          draft: encodeDraft(draft),
          queryName: page.queryName,
        },
        rows: list.map((node, index) => ({
          number: index + 1,
          description: describeCriterion(node, namer),
          editable: editableLeaf(node) !== null,
          error: page.rowErrors.get(index) ?? null,
          beingChanged: draft?.editing === index,
        })),
        draft: draft && {
          step: draft.step,
          changing: draft.editing === null ? null : draft.editing + 1,
          fields: field,
          typeName: criterionTypes.find((type) => type.value === field.type)?.text ?? '',
          usesConcepts: isCriterionType(field.type) && conceptDomainOf[field.type] !== undefined,
        },
        typeItems: criterionTypes.map((type) => ({
          value: type.value,
          text: type.text,
          hint: { text: type.hint },
          checked: field.type === type.value,
        })),
        sexItems: [
          { value: 'female', text: 'Female', checked: field.sex === 'female' },
          { value: 'male', text: 'Male', checked: field.sex === 'male' },
        ],
        opItems: [
          { value: '', text: 'Choose a comparison', selected: field.op === '' },
          ...comparisonOptions.map((option) => ({
            value: option.value,
            text: option.text,
            selected: field.op === option.value,
          })),
        ],
        whichItems: [
          {
            value: 'latest',
            text: 'The latest result',
            hint: { text: 'The most recent measurement in the time window must compare true' },
            checked: field.which === 'latest',
          },
          {
            value: 'any',
            text: 'Any result',
            hint: { text: 'At least one measurement in the time window compares true' },
            checked: field.which === 'any',
          },
        ],
        optionItems: [
          ...(field.type === 'condition' || field.type === 'conditionCount' || field.type === 'drug'
            ? [
                {
                  value: 'yes',
                  text: 'Also count concepts below these in the hierarchy',
                  hint: { text: 'For example, type 2 diabetes as well as diabetes mellitus' },
                  checked: field.descendants === 'yes',
                  id: 'descendants',
                  name: 'descendants',
                },
              ]
            : []),
          {
            value: 'yes',
            text: 'Exclude people who match this criterion',
            hint: { text: 'Count only the people it does not describe' },
            checked: field.exclude === 'yes',
            id: 'exclude',
            name: 'exclude',
          },
        ],
        visitTypeItems: visitTypes.map((type) => ({
          value: type.value,
          text: type.text,
          checked: field.visitType === type.value,
        })),
        careSiteItems: [
          { value: '', text: 'Any trust', selected: field.careSite === '' },
          ...careSites.map((site) => ({
            value: site.id,
            text: site.name,
            selected: field.careSite === site.id,
          })),
        ],
        search: {
          q: page.q,
          searched: matches ? page.q : '',
          matches: matches?.map((match) => ({ ...match, added: listed.has(match.concept) })),
        },
        json: {
          text: page.jsonText ?? JSON.stringify(whole ?? { all: [] }, null, 2),
          open: page.jsonOpen,
        },
        saveName: page.saveName ?? page.queryName,
        results: page.counts ? resultsView(page.counts) : null,
        dayText,
        suppressedText,
      });
  };

  const renderStart = async (
    reply: FastifyReply,
    user: SignedInUser,
    options: { notice?: string; errors?: FormErrors; status?: number } = {},
  ) => {
    const [saved, recent] = await Promise.all([
      service.savedQueries(user),
      service.recentQueries(user, 30),
    ]);
    const namer = service.namer();
    const seen = new Set<string>();
    const recentRows = recent
      .filter((row) => {
        const key = JSON.stringify(row.criteria);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, 5)
      .map((row) => {
        const description = describeCriterion(row.criteria, namer);
        return {
          when: londonDateTime.format(new Date(row.run_at)),
          description: description.length > 240 ? `${description.slice(0, 239)}…` : description,
          // As shown when it ran: null was a suppressed total.
          totalText:
            row.total_shown === null ? suppressedText : row.total_shown.toLocaleString('en-GB'),
          criteria: encodeCriteria(topLevelCriteria(row.criteria)),
        };
      });
    return reply
      .code(options.status ?? 200)
      .header('cache-control', 'no-store')
      .render(views.start, {
        pageTitle: `${options.errors?.summary.length ? 'Error: ' : ''}Patient feasibility`,
        breadcrumbs,
        population: population(),
        errors: options.errors ?? noFormErrors,
        notice: options.notice ?? null,
        csrfToken: reply.generateCsrf(),
        templates: service.templates(),
        saved: saved.map((query) => ({
          name: query.name,
          updated: londonDateTime.format(query.updatedAt),
          openHref: pathTo.feasibilitySavedQuery(query.id),
          deleteHref: pathTo.feasibilityDeleteSavedQuery(query.id),
        })),
        recent: recentRows,
        disclosureNote,
        dayText,
      });
  };

  /** The page as the submitted form left it: criteria, the criterion being edited, what was typed. */
  function pageFromForm(body: Record<string, unknown>): { page: BuilderPage; readable: boolean } {
    let draft = decodeDraft(body.draft);
    if (body.draftForm === 'type') {
      draft = {
        step: 'type',
        editing: draft?.editing ?? null,
        fields: { ...(draft?.fields ?? emptyDraftFields), type: textOf(body.type, 40) },
      };
    } else if (body.draftForm === 'fields') {
      draft = { step: 'fields', editing: draft?.editing ?? null, fields: draftFieldsFrom(body) };
    }
    const page = newPage({
      queryName: textOf(body.queryName, 120),
      draft,
      q: textOf(body.q, 100).trim(),
      saveName: typeof body.saveName === 'string' ? textOf(body.saveName, 1_000) : null,
    });
    const read = readCriteriaJson(body.criteria);
    if (read.ok) return { page: { ...page, criteria: read.list }, readable: true };
    // Only a changed page gets here: what it held is kept, to mend as JSON.
    return {
      page: withErrors(
        { ...page, jsonText: textOf(body.criteria, maxCriteriaText), jsonOpen: true },
        formErrorsFor(
          { criteriaJson: `The criteria could not be read. ${read.problems.join('; ')}` },
          ['criteriaJson'],
        ),
      ),
      readable: false,
    };
  }

  /** Adds or changes the criterion the form describes, or says what is wrong with it. */
  function saveCriterion(page: BuilderPage): BuilderPage {
    const draft = page.draft;
    if (!draft) return page;
    const built = criterionFromFields(draft.fields);
    if (!built.ok) return withErrors(page, built.errors);
    const type = draft.fields.type;
    const checked = service.check(built.criterion);
    if (!checked.ok && isCriterionType(type)) {
      return withErrors(page, criterionProblemErrors(type, built.criterion, checked.problems));
    }
    const list = withCriterion(page.criteria, built.criterion, draft.editing);
    const whole = service.check(criteriaOf(list));
    if (!whole.ok) {
      return withErrors(
        page,
        formErrorsFor({ type: whole.problems.map((p) => p.message).join('; ') }, ['type']),
      );
    }
    const number = draft.editing === null ? list.length : draft.editing + 1;
    return {
      ...page,
      criteria: list,
      draft: null,
      matches: null,
      notice: `Criterion ${number} ${draft.editing === null ? 'added' : 'changed'}.`,
    };
  }

  /** Runs the count; its results, or what stopped it, on the page. */
  async function runCount(page: BuilderPage, user: SignedInUser): Promise<BuilderPage> {
    const criteria = criteriaOf(page.criteria);
    if (!criteria) return withErrors(page, noCriteria);
    const outcome = await service.count(user, criteria, 'page');
    if (outcome.ok) return { ...page, counts: outcome.counts };
    if (outcome.reason === 'invalid') return withListProblems(page, outcome.problems);
    if (outcome.reason === 'rate-limited') {
      return {
        ...page,
        status: 429,
        outcome: {
          heading: 'You have run too many counts in the last minute',
          text: `Wait ${outcome.retryAfterSeconds} seconds, then run the count again. Your criteria are kept below.`,
        },
      };
    }
    return {
      ...page,
      status: 503,
      outcome: {
        heading: 'Counts cannot run yet',
        text: population().unavailableMessage ?? 'The population is not ready. Try again shortly.',
      },
    };
  }

  return {
    start: async (request: FastifyRequest, reply: FastifyReply) => {
      const done = (request.query as Record<string, unknown>).done;
      return renderStart(reply, userOf(request), {
        ...(done === 'deleted' ? { notice: 'The saved query has been deleted.' } : {}),
      });
    },

    /** Every button of the start page and the builder posts here with its `action`. */
    act: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const body = formBody(request);
      const action = parseAction(body.action);

      if (action?.kind === 'new') {
        return renderBuilder(
          reply,
          newPage({ draft: { step: 'type', editing: null, fields: emptyDraftFields } }),
        );
      }
      if (action?.kind === 'template') {
        const template = service.templates().find((item) => item.id === body.template);
        if (!template) {
          return renderStart(reply, user, {
            errors: formErrorsFor({ templates: 'Choose one of the templates' }, ['templates']),
            status: 422,
          });
        }
        return renderBuilder(
          reply,
          newPage({
            criteria: topLevelCriteria(template.criteria),
            queryName: template.name,
            notice: `Started from the template “${template.name}”. Change it as you need, then run the count.`,
          }),
        );
      }

      const { page, readable } = pageFromForm(body);
      if (action?.kind === 'json') {
        const text = textOf(body.criteriaJson, maxCriteriaText);
        const read = readCriteriaJson(text);
        const problems = read.ok
          ? (() => {
              const whole = criteriaOf(read.list);
              const checked = whole ? service.check(whole) : { ok: true as const };
              return checked.ok
                ? []
                : checked.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
            })()
          : read.problems;
        if (!read.ok || problems.length > 0) {
          return renderBuilder(
            reply,
            withErrors(
              { ...page, jsonText: text, jsonOpen: true },
              {
                summary: problems
                  .slice(0, 10)
                  .map((problem) => ({ text: problem, href: '#criteriaJson' })),
                fields: { criteriaJson: { text: problems.slice(0, 10).join('. ') } },
              },
            ),
          );
        }
        return renderBuilder(reply, {
          ...page,
          criteria: read.list,
          draft: null,
          notice: 'The criteria have been replaced with the JSON you entered.',
        });
      }
      if (!readable) return renderBuilder(reply, page);

      switch (action?.kind) {
        case 'open':
          return renderBuilder(reply, page);
        case 'add':
          return renderBuilder(reply, {
            ...page,
            draft: { step: 'type', editing: null, fields: emptyDraftFields },
          });
        case 'retype':
          return renderBuilder(reply, {
            ...page,
            draft: page.draft && { ...page.draft, step: 'type' },
          });
        case 'cancel-criterion':
          return renderBuilder(reply, { ...page, draft: null });
        case 'choose-type': {
          const draft = page.draft;
          if (!draft || !isCriterionType(draft.fields.type)) {
            return renderBuilder(
              reply,
              withErrors(
                {
                  ...page,
                  draft: draft ?? { step: 'type', editing: null, fields: emptyDraftFields },
                },
                formErrorsFor({ type: 'Select the type of criterion' }, ['type']),
              ),
            );
          }
          return renderBuilder(reply, { ...page, draft: { ...draft, step: 'fields' } });
        }
        case 'enter': {
          // Enter pressed in a field: a new search term is searched for, anything else added.
          const searched = textOf(body.searched, 100).trim();
          if (page.q === '' || page.q === searched) {
            return renderBuilder(reply, saveCriterion(page));
          }
          return renderBuilder(reply, {
            ...page,
            matches: page.draft ? searchConcepts(page.q, page.draft.fields.type) : null,
          });
        }
        case 'search': {
          if (!page.draft) return renderBuilder(reply, page);
          if (page.q === '') {
            return renderBuilder(
              reply,
              withErrors(
                page,
                formErrorsFor({ q: 'Enter part of a concept’s name or code to search for' }, ['q']),
              ),
            );
          }
          return renderBuilder(reply, {
            ...page,
            matches: searchConcepts(page.q, page.draft.fields.type),
          });
        }
        case 'add-concept': {
          if (!page.draft) return renderBuilder(reply, page);
          const name = service.namer().concept(action.concept) ?? '';
          return renderBuilder(reply, {
            ...page,
            draft: {
              ...page.draft,
              fields: withConceptAdded(page.draft.fields, action.concept, name),
            },
            matches: page.q ? searchConcepts(page.q, page.draft.fields.type) : null,
          });
        }
        case 'save-criterion':
          return renderBuilder(reply, saveCriterion(page));
        case 'change': {
          const node = page.criteria[action.index];
          const fields = node ? fieldsFromCriterion(node, service.namer()) : null;
          if (!fields) return renderBuilder(reply, page);
          return renderBuilder(reply, {
            ...page,
            draft: { step: 'fields', editing: action.index, fields },
          });
        }
        case 'remove': {
          const node = page.criteria[action.index];
          if (!node) return renderBuilder(reply, page);
          const { list, draft } = withoutCriterion(page.criteria, action.index, page.draft);
          return renderBuilder(reply, {
            ...page,
            criteria: list,
            draft,
            notice: `Criterion ${action.index + 1} removed: ${describeCriterion(node, service.namer())}.`,
          });
        }
        case 'run':
          return renderBuilder(reply, await runCount(page, user));
        case 'save': {
          const parsed = saveForm.safeParse({ saveName: page.saveName ?? '' });
          const criteria = criteriaOf(page.criteria);
          let checked = page;
          if (!parsed.success)
            checked = withErrors(checked, formErrorsFrom(parsed.error, ['saveName']));
          if (!criteria) checked = withErrors(checked, noCriteria);
          else {
            const valid = service.check(criteria);
            if (!valid.ok) checked = withListProblems(checked, valid.problems);
          }
          if (!parsed.success || !criteria || checked.errors.summary.length > 0) {
            return renderBuilder(reply, checked);
          }
          const saved = await service.saveQuery(
            auditContextOf(request),
            user,
            parsed.data.saveName,
            criteria,
          );
          const replaced = saved.updatedAt.getTime() !== saved.createdAt.getTime();
          return reply.redirect(
            `${pathTo.feasibilitySavedQuery(saved.id)}?done=${replaced ? 'replaced' : 'saved'}`,
            303,
          );
        }
        default:
          return renderBuilder(
            reply,
            withErrors(
              page,
              formErrorsFor({ criteria: 'That button did not work. Try again.' }, ['criteria']),
              400,
            ),
          );
      }
    },

    openSaved: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = textOf((request.params as Record<string, unknown>).id, 100);
      const saved = await service.savedQuery(userOf(request), id);
      if (!saved) return reply.callNotFound();
      const done = (request.query as Record<string, unknown>).done;
      const notice =
        done === 'saved'
          ? `Your query has been saved as “${saved.name}”.`
          : done === 'replaced'
            ? `Your saved query “${saved.name}” has been replaced with these criteria.`
            : null;
      const read = readCriteriaJson(JSON.stringify(saved.criteria));
      const page = newPage({ queryName: saved.name, notice });
      if (read.ok) return renderBuilder(reply, { ...page, criteria: read.list });
      // Saved under an older version of the criteria language: shown as JSON, to mend.
      return renderBuilder(
        reply,
        withErrors(
          { ...page, jsonText: JSON.stringify(saved.criteria, null, 2), jsonOpen: true },
          formErrorsFor(
            {
              criteriaJson: `These saved criteria are no longer valid. ${read.problems.join('; ')}`,
            },
            ['criteriaJson'],
          ),
          200,
        ),
      );
    },

    confirmDelete: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = textOf((request.params as Record<string, unknown>).id, 100);
      const saved = await service.savedQuery(userOf(request), id);
      if (!saved) return reply.callNotFound();
      return reply.header('cache-control', 'no-store').render(views.confirmDelete, {
        pageTitle: `Delete the saved query “${saved.name}”`,
        breadcrumbs: [...breadcrumbs, { text: 'Patient feasibility', href: paths.feasibility }],
        name: saved.name,
        description: describeCriterion(saved.criteria, service.namer()),
        action: pathTo.feasibilityDeleteSavedQuery(saved.id),
        csrfToken: reply.generateCsrf(),
      });
    },

    deleteSaved: async (request: FastifyRequest, reply: FastifyReply) => {
      const id = textOf((request.params as Record<string, unknown>).id, 100);
      const deleted = await service.deleteQuery(auditContextOf(request), userOf(request), id);
      if (!deleted) return reply.callNotFound();
      return reply.redirect(`${paths.feasibility}?done=deleted`, 303);
    },

    /** The count as CSV: run again, so the file holds exactly what the rules allow today. */
    exportCsv: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const { page, readable } = pageFromForm(formBody(request));
      if (!readable) return renderBuilder(reply, page);
      const criteria = criteriaOf(page.criteria);
      if (!criteria) return renderBuilder(reply, withErrors(page, noCriteria));
      const counted = await runCount(page, user);
      if (!counted.counts) return renderBuilder(reply, counted);
      const exportedAt = new Date();
      const csv = feasibilityCsv(counted.counts, {
        criteria,
        criteriaDescription: describeCriterion(criteria, service.namer()),
        exportedAt,
        ...(page.queryName ? { queryName: page.queryName } : {}),
      });
      return reply
        .header('cache-control', 'no-store')
        .header(
          'content-disposition',
          `attachment; filename="${csvFilename(exportedAt, page.queryName || undefined)}"`,
        )
        .type('text/csv; charset=utf-8')
        .send(csv);
    },
  };
}
