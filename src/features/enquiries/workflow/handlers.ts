import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import { auditContextOf } from '../../../platform/http/authentication.js';
import { formBody } from '../../../platform/http/forms.js';
import { notFoundOn } from '../../../platform/http/not-found.js';
import { paths, pathTo } from '../../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../../platform/views/form-errors.js';
import type { EnquiryMatcher, MatchResult } from '../../directory/matching.js';
import { healthCategoryName } from '../../directory/model.js';
import { pageNumbers } from '../../directory/public-handlers.js';
import { londonDay, londonDayAndTime, londonDayWithWeekday } from '../dates.js';
import {
  closureOutcomes,
  enquiryStages,
  confidentialityAgreements,
  contractValueReviews,
  enquiryTypeLabel,
  modelAgreements,
  nextStages,
  stageLabel,
  trialPhaseLabel,
  type EnquiryStage,
} from '../model.js';
import { londonDate } from '../working-days.js';
import { type OfficeEnquiry, type SiteRequest, type SiteRequestWithEnquiry } from './repository.js';
import {
  advanceFields,
  advanceForm,
  closeFields,
  closeForm,
  consultFields,
  consultForm,
  isId,
  isReference,
  queueFields,
  queuePageSize,
  queueQuery,
  responseFields,
  responseForm,
  triageFields,
  triageForm,
} from './schema.js';
import {
  advanceStages,
  EnquiryWorkflow,
  WorkflowInputError,
  WorkflowNotFoundError,
  WorkflowRefusedError,
  type AdvanceStage,
} from './service.js';

const orNotFound = notFoundOn((error) => error instanceof WorkflowNotFoundError);

/** Lists the accounts that may own an enquiry. */
export interface OwnerSource {
  listUsers(): Promise<
    { id: string; displayName: string; role: string; status: string; email: string }[]
  >;
}

function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('the enquiry workflow reached without a signed-in user');
  return request.user;
}

/** A submitted field as typed (within reason), to show it again beside an error. */
function typed(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' ? value.slice(0, 20_000) : '';
}

function typedList(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  return (Array.isArray(value) ? value : [value])
    .filter((item): item is string => typeof item === 'string')
    .slice(0, 100);
}

const stageColours: Record<EnquiryStage, string> = {
  received: 'blue',
  triaged: 'aqua-green',
  'sites-consulted': 'purple',
  'sites-responded': 'pink',
  feasibility: 'orange',
  'costing-contracting': 'yellow',
  'set-up': 'grey',
  open: 'green',
  closed: 'white',
};
const stageTag = (stage: EnquiryStage) => ({
  text: stageLabel(stage),
  colour: stageColours[stage],
});

const workingDays = (count: number) => `${count} working ${count === 1 ? 'day' : 'days'}`;

const labelOf = (list: readonly { slug: string; label: string }[], slug: unknown) =>
  list.find((item) => item.slug === slug)?.label ?? 'Not recorded';

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** The one stage `advance` moves to from a stage, if any. */
function advanceTarget(stage: EnquiryStage): AdvanceStage | null {
  return (
    ((advanceStages as readonly EnquiryStage[]).find((target) =>
      nextStages[stage].includes(target),
    ) as AdvanceStage | undefined) ?? null
  );
}

type Values = Record<string, string | string[]>;

interface PageOptions {
  errors?: FormErrors;
  values?: Values;
  status?: number;
  notice?: string | undefined;
}

const notices: Record<string, string> = {
  triaged: 'The enquiry has been triaged. The enquirer has been told who owns it.',
  consulted: 'The partner organisations have been asked. Their site offices have been emailed.',
  advanced: 'The enquiry has moved to its next stage.',
  closed: 'The enquiry has been closed.',
  answered: 'Thank you. Your answer has been sent to the alliance office.',
};
const noticeFor = (done: unknown) =>
  typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : undefined;

export function enquiryWorkflowHandlers(
  workflow: EnquiryWorkflow,
  matcher: EnquiryMatcher,
  owners: OwnerSource,
) {
  const { repository } = workflow;

  const eligibleOwners = async () =>
    (await owners.listUsers())
      .filter(
        (user) =>
          user.status === 'active' && (user.role === 'alliance-office' || user.role === 'admin'),
      )
      .sort((a, b) => a.displayName.localeCompare(b.displayName));

  const enquiryOf = async (request: FastifyRequest): Promise<OfficeEnquiry> => {
    const reference = (request.params as Record<string, unknown>).reference;
    if (!isReference(reference)) throw new WorkflowNotFoundError();
    const enquiry = await repository.enquiryByReference(reference);
    if (!enquiry) throw new WorkflowNotFoundError();
    return enquiry;
  };

  // ----- The queue -----

  const queueHref = (query: Record<string, string | number>) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== '' && !(key === 'page' && value === 1)) search.set(key, String(value));
    }
    const text = search.toString();
    return `${paths.officeEnquiries}${text ? `?${text}` : ''}`;
  };

  const queue = async (request: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(request);
    const ownerList = await eligibleOwners();
    const raw = request.query as Record<string, unknown>;
    const rawText = (field: string) => {
      const value = raw[field];
      return typeof value === 'string' ? value.slice(0, 100) : '';
    };
    const parsed = queueQuery.safeParse(raw);
    const selected = parsed.success
      ? parsed.data
      : { stage: 'not-closed', owner: '', overdue: '', sort: 'oldest', page: 1 };
    const filterItems = {
      stageItems: [
        {
          value: 'not-closed',
          text: 'Any stage but closed',
          selected: selected.stage === 'not-closed',
        },
        ...enquiryStages.map((stage) => ({
          value: stage.slug,
          text: stage.label,
          selected: selected.stage === stage.slug,
        })),
        { value: 'all', text: 'Any stage, including closed', selected: selected.stage === 'all' },
      ],
      ownerItems: [
        { value: '', text: 'Anyone or nobody', selected: selected.owner === '' },
        { value: 'mine', text: 'Me', selected: selected.owner === 'mine' },
        { value: 'nobody', text: 'Nobody yet', selected: selected.owner === 'nobody' },
        ...ownerList
          .filter((owner) => owner.id !== user.id)
          .map((owner) => ({
            value: owner.id,
            text: owner.displayName,
            selected: selected.owner === owner.id,
          })),
      ],
      overdueItems: [
        {
          value: 'yes',
          text: 'Only enquiries whose first response is overdue',
          checked: selected.overdue === 'yes',
        },
      ],
      sortItems: [
        { value: 'oldest', text: 'Oldest first', checked: selected.sort === 'oldest' },
        { value: 'newest', text: 'Newest first', checked: selected.sort === 'newest' },
      ],
    };
    if (!parsed.success) {
      return reply.code(422).render('enquiries/workflow/views/queue.njk', {
        pageTitle: 'Error: Enquiries',
        errors: formErrorsFrom(parsed.error, queueFields),
        ...filterItems,
        rawOwner: rawText('owner'),
        rows: [],
        failed: true,
      });
    }
    const { stage, owner, overdue, sort, page } = parsed.data;
    const now = workflow.now();
    const stages: EnquiryStage[] =
      stage === 'not-closed'
        ? enquiryStages.map((item) => item.slug).filter((slug) => slug !== 'closed')
        : stage === 'all'
          ? []
          : [stage];
    const { items, total } = await repository.queue({
      stages,
      owner: owner === 'mine' ? user.id : owner || undefined,
      overdueAt: overdue === 'yes' ? now : undefined,
      newestFirst: sort === 'newest',
      limit: queuePageSize,
      offset: (page - 1) * queuePageSize,
    });
    const lastPage = Math.max(1, Math.ceil(total / queuePageSize));
    const query = {
      stage: stage === 'not-closed' ? '' : stage,
      owner,
      overdue,
      sort: sort === 'oldest' ? '' : sort,
    };
    const filtered = Boolean(query.stage || owner || overdue);
    return reply.render('enquiries/workflow/views/queue.njk', {
      pageTitle: 'Enquiries',
      errors: noFormErrors,
      ...filterItems,
      filtered,
      total,
      firstShown: items.length ? (page - 1) * queuePageSize + 1 : 0,
      lastShown: (page - 1) * queuePageSize + items.length,
      rows: items.map((enquiry) => {
        const clocks = workflow.clocks(enquiry, now);
        return {
          reference: enquiry.reference,
          href: pathTo.officeEnquiry(enquiry.reference),
          organisation: enquiry.organisationName,
          type: enquiryTypeLabel(enquiry.enquiryType),
          category: healthCategoryName(enquiry.healthCategory),
          stageTag: stageTag(enquiry.stage),
          owner: enquiry.ownerName ?? 'Nobody yet',
          received: londonDay(enquiry.receivedAt),
          workingDaysOpen: clocks.workingDaysOpen,
          firstResponse: firstResponseClock(enquiry, clocks.firstResponseOverdue),
        };
      }),
      pageLinks:
        lastPage > 1
          ? pageNumbers(Math.min(page, lastPage), lastPage).map((number) =>
              number === null
                ? { ellipsis: true }
                : { number, href: queueHref({ ...query, page: number }), current: number === page },
            )
          : [],
      previousHref: page > 1 ? queueHref({ ...query, page: Math.min(page - 1, lastPage) }) : null,
      nextHref: page < lastPage ? queueHref({ ...query, page: page + 1 }) : null,
      clearHref: paths.officeEnquiries,
    });
  };

  function firstResponseClock(enquiry: OfficeEnquiry, overdue: boolean) {
    if (enquiry.firstRespondedAt) {
      return { text: `Responded ${londonDay(enquiry.firstRespondedAt)}`, overdue: false };
    }
    if (!enquiry.firstResponseDueAt) return { text: 'No deadline', overdue: false };
    return {
      text: `${overdue ? 'Was due' : 'Due'} ${londonDay(enquiry.firstResponseDueAt)}`,
      overdue,
    };
  }

  // ----- One enquiry -----

  const suggestionsFor = async (enquiry: OfficeEnquiry): Promise<MatchResult> =>
    matcher.match({
      enquiryType: enquiry.enquiryType,
      healthCategory: enquiry.healthCategory,
      text: enquiry.description,
      limit: 8,
    });

  const renderEnquiry = async (
    reply: FastifyReply,
    user: SignedInUser,
    enquiry: OfficeEnquiry,
    options: PageOptions = {},
  ) => {
    const now = workflow.now();
    const errors = options.errors ?? noFormErrors;
    const values = options.values ?? {};
    const value = (field: string) => {
      const item = values[field];
      return typeof item === 'string' ? item : '';
    };
    const [timeline, requests, suggestions, ownerList, partners] = await Promise.all([
      repository.timeline(enquiry.id),
      repository.siteRequests(enquiry.id),
      suggestionsFor(enquiry),
      eligibleOwners(),
      repository.partnerOrganisations(),
    ]);
    const clocks = workflow.clocks(enquiry, now);
    const allowed = nextStages[enquiry.stage];
    const target = advanceTarget(enquiry.stage);
    const asked = new Set(requests.map((item) => item.organisationId));

    // Partners not asked yet: the directory's suggestions first, in its order, then the rest.
    const suggestedOrder = new Map(
      suggestions.organisations.map((organisation, index) => [organisation.id, index]),
    );
    const reasonsOf = new Map(
      suggestions.organisations.map((organisation) => [organisation.id, organisation.reasons]),
    );
    const chosen = new Set(Array.isArray(values.organisations) ? values.organisations : []);
    const partnerItems = partners
      .filter((partner) => !asked.has(partner.id))
      .sort(
        (a, b) =>
          (suggestedOrder.get(a.id) ?? Infinity) - (suggestedOrder.get(b.id) ?? Infinity) ||
          a.name.localeCompare(b.name),
      )
      .map((partner) => {
        const reasons = reasonsOf.get(partner.id);
        return {
          value: partner.id,
          text: reasons ? `${partner.name} (suggested)` : partner.name,
          hint: {
            text: reasons
              ? `Suggested: ${reasons.join('; ')}`
              : 'Not suggested by the directory for this enquiry',
          },
          checked: chosen.has(partner.id),
        };
      });

    const defaultDue = londonDate(workflow.defaultSiteDeadline(now));
    const [dueYear, dueMonth, dueDay] = defaultDue.split('-');
    const contractShown = target === 'costing-contracting' || target === 'set-up';
    const contractValue = (
      field: 'contractValueReview' | 'modelAgreement' | 'confidentialityAgreement',
    ) => (values[field] !== undefined ? value(field) : (enquiry[field] ?? ''));

    const title = `${errors.summary.length ? 'Error: ' : ''}Enquiry ${enquiry.reference}`;
    return reply.code(options.status ?? 200).render('enquiries/workflow/views/enquiry.njk', {
      pageTitle: title,
      breadcrumbs: [{ text: 'Enquiries', href: paths.officeEnquiries }],
      errors,
      notice: options.notice,
      csrfToken: reply.generateCsrf(),
      enquiry,
      stageTag: stageTag(enquiry.stage),
      stageLabel: stageLabel(enquiry.stage),
      details: [
        { key: 'Received', text: londonDayAndTime(enquiry.receivedAt) },
        { key: 'Sent through', text: enquiry.channel === 'api' ? 'The API' : 'The web form' },
        { key: 'Organisation', text: enquiry.organisationName },
        { key: 'Contact name', text: enquiry.contactName },
        { key: 'Email address', text: enquiry.contactEmail },
        { key: 'Telephone number', text: enquiry.contactPhone ?? 'Not given' },
        { key: 'About', text: enquiryTypeLabel(enquiry.enquiryType) },
        { key: 'Health category', text: healthCategoryName(enquiry.healthCategory) },
        { key: 'Trial phase', text: enquiry.phase ? trialPhaseLabel(enquiry.phase) : 'Not given' },
        {
          key: 'Participants',
          text:
            enquiry.participants === null
              ? 'Not given'
              : enquiry.participants.toLocaleString('en-GB'),
        },
        { key: 'Sites', text: enquiry.sites === null ? 'Not given' : String(enquiry.sites) },
        { key: 'Timeline', text: enquiry.timeline ?? 'Not given' },
        ...(enquiry.capabilityId && enquiry.capabilityTitle
          ? [
              {
                key: 'Asked about',
                text: enquiry.capabilityTitle,
                href: pathTo.capability(enquiry.capabilityId),
              },
            ]
          : []),
        { key: 'Description', paragraphs: paragraphs(enquiry.description) },
      ],
      clocks: [
        { key: 'Stage', tag: stageTag(enquiry.stage) },
        {
          key: 'At this stage for',
          text: `${workingDays(clocks.workingDaysAtStage)}, since ${londonDay(enquiry.stageEnteredAt)}`,
        },
        { key: 'Open for', text: workingDays(clocks.workingDaysOpen) },
        {
          key: 'First response',
          text: enquiry.firstRespondedAt
            ? `Given ${londonDayAndTime(enquiry.firstRespondedAt)}${enquiry.firstResponseDueAt ? `, due ${londonDayWithWeekday(enquiry.firstResponseDueAt)}` : ''}`
            : enquiry.firstResponseDueAt
              ? `Due ${londonDayWithWeekday(enquiry.firstResponseDueAt)}`
              : 'No deadline',
          overdue: clocks.firstResponseOverdue,
        },
        { key: 'Owner', text: enquiry.ownerName ?? 'Nobody yet' },
        ...(enquiry.stage === 'closed'
          ? [
              { key: 'Outcome', text: labelOf(closureOutcomes, enquiry.closedOutcome) },
              { key: 'Reason for closing', text: enquiry.closedReason ?? '' },
            ]
          : []),
        ...(enquiry.contractValueReview ||
        enquiry.modelAgreement ||
        enquiry.confidentialityAgreement
          ? [
              {
                key: 'Contract value review',
                text: labelOf(contractValueReviews, enquiry.contractValueReview),
              },
              { key: 'Model agreement', text: labelOf(modelAgreements, enquiry.modelAgreement) },
              {
                key: 'Confidentiality agreement',
                text: labelOf(confidentialityAgreements, enquiry.confidentialityAgreement),
              },
            ]
          : []),
      ],
      requests: requests.map((item) => requestRow(item, now)),
      timeline: timeline.map((event) => ({
        when: londonDayAndTime(event.occurredAt),
        workingDay: workflow.calendar.workingDaysBetween(enquiry.receivedAt, event.occurredAt),
        what:
          event.kind === 'submitted'
            ? 'Enquiry received'
            : event.kind === 'site-responded'
              ? 'A site answered'
              : event.toStage
                ? `${event.fromStage ? `${stageLabel(event.fromStage)} to ` : ''}${stageLabel(event.toStage)}`
                : event.kind,
        actor: event.actorLabel,
        note: event.note,
      })),
      suggestions: {
        capabilities: suggestions.capabilities.map((capability) => ({
          href: pathTo.capability(capability.id),
          name: capability.name,
          detail: capability.organisationName,
          reasons: capability.reasons,
        })),
        people: suggestions.people.map((person) => ({
          href: pathTo.person(person.id),
          name: person.name,
          detail: `${person.jobTitle}, ${person.organisationName}`,
          reasons: person.reasons,
        })),
      },
      actions: {
        triage: allowed.includes('triaged'),
        consult: allowed.includes('sites-consulted'),
        advance: target,
        close: allowed.includes('closed'),
        waitingForSites: enquiry.stage === 'sites-consulted',
      },
      forms: {
        triageAction: `${pathTo.officeEnquiry(enquiry.reference)}/triage`,
        consultAction: `${pathTo.officeEnquiry(enquiry.reference)}/consult`,
        advanceAction: `${pathTo.officeEnquiry(enquiry.reference)}/advance`,
        closeAction: `${pathTo.officeEnquiry(enquiry.reference)}/close`,
      },
      advanceLabel: target ? stageLabel(target) : '',
      contractShown,
      ownerItems: [
        { value: '', text: 'Choose an owner' },
        ...ownerList.map((owner) => ({
          value: owner.id,
          text: `${owner.displayName} (${owner.email})`,
          selected: (value('owner') || (enquiry.ownerUserId ?? user.id)) === owner.id,
        })),
      ],
      triageNote: value('triageNote'),
      partnerItems,
      alreadyAsked: requests.map((item) => item.organisationName),
      due: {
        day: values.dueDay !== undefined ? value('dueDay') : String(Number(dueDay)),
        month: values.dueMonth !== undefined ? value('dueMonth') : String(Number(dueMonth)),
        year: values.dueYear !== undefined ? value('dueYear') : dueYear,
      },
      message: value('message'),
      advanceNote: value('advanceNote'),
      contractValueReviewItems: contractValueReviews.map((item) => ({
        value: item.slug,
        text: item.label,
        checked: contractValue('contractValueReview') === item.slug,
      })),
      modelAgreementItems: [
        { value: '', text: 'Not chosen yet' },
        ...modelAgreements.map((item) => ({
          value: item.slug,
          text: item.label,
          selected: contractValue('modelAgreement') === item.slug,
        })),
      ],
      confidentialityAgreementItems: confidentialityAgreements.map((item) => ({
        value: item.slug,
        text: item.label,
        checked: contractValue('confidentialityAgreement') === item.slug,
      })),
      outcomeItems: closureOutcomes.map((item) => ({
        value: item.slug,
        text: item.label,
        checked: value('outcome') === item.slug,
      })),
      reason: value('reason'),
    });
  };

  function requestRow(item: SiteRequest, now: Date) {
    const clock = workflow.requestClock(item, now);
    return {
      organisation: item.organisationName,
      requested: londonDay(item.requestedAt),
      due: londonDay(item.dueAt),
      overdue: clock.overdue,
      answered: item.respondedAt !== null,
      answer:
        item.respondedAt === null
          ? 'Not answered yet'
          : item.interested
            ? 'Interested'
            : 'Not interested',
      principalInvestigator: item.principalInvestigator ?? '',
      estimatedRecruitment:
        item.estimatedRecruitment === null ? '' : item.estimatedRecruitment.toLocaleString('en-GB'),
      note: item.responseNote ?? '',
      respondedBy: item.respondedAt
        ? `${item.respondedByName ?? 'A former user'}, ${londonDay(item.respondedAt)}`
        : '',
    };
  }

  /** Runs a move; the state machine's refusal is a 409, an unusable value a 422. */
  const transition =
    (
      fields: readonly string[],
      firstField: string,
      run: (
        request: FastifyRequest,
        enquiry: OfficeEnquiry,
        body: Record<string, unknown>,
      ) => Promise<{ errors: FormErrors } | { done: string }>,
    ) =>
    async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const enquiry = await enquiryOf(request);
      const body = formBody(request);
      const values: Values = {};
      for (const field of fields.includes('dueDay') ? [...fields, 'dueMonth', 'dueYear'] : fields) {
        values[field] = field === 'organisations' ? typedList(body, field) : typed(body, field);
      }
      try {
        const outcome = await run(request, enquiry, body);
        if ('errors' in outcome) {
          return await renderEnquiry(reply, user, enquiry, {
            errors: outcome.errors,
            values,
            status: 422,
          });
        }
        return await reply.redirect(
          `${pathTo.officeEnquiry(enquiry.reference)}?done=${outcome.done}`,
          303,
        );
      } catch (error) {
        const current = (await repository.enquiryByReference(enquiry.reference)) ?? enquiry;
        if (error instanceof WorkflowRefusedError) {
          return renderEnquiry(reply, user, current, {
            errors: formErrorsFor({ actions: error.message }, ['actions']),
            status: 409,
          });
        }
        if (error instanceof WorkflowInputError) {
          const field = fields.includes(error.field) ? error.field : firstField;
          return renderEnquiry(reply, user, current, {
            errors: formErrorsFor({ [field]: error.message }, fields),
            values,
            status: 422,
          });
        }
        throw error;
      }
    };

  // ----- A site's inbox -----

  const siteRequestOf = async (request: FastifyRequest): Promise<SiteRequestWithEnquiry> => {
    const user = userOf(request);
    const id = (request.params as Record<string, unknown>).id;
    if (!isId(id) || !user.organisationId) throw new WorkflowNotFoundError();
    const found = await repository.siteRequest(id.toLowerCase());
    // Another organisation's request is simply not found.
    if (!found || found.organisationId !== user.organisationId) throw new WorkflowNotFoundError();
    return found;
  };

  const renderSiteRequest = (
    reply: FastifyReply,
    item: SiteRequestWithEnquiry,
    options: PageOptions = {},
  ) => {
    const errors = options.errors ?? noFormErrors;
    const values = options.values ?? {};
    const value = (field: string) => {
      const entry = values[field];
      return typeof entry === 'string' ? entry : '';
    };
    const { enquiry } = item;
    const clock = workflow.requestClock(item);
    return reply.code(options.status ?? 200).render('enquiries/workflow/views/request.njk', {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}Request about enquiry ${enquiry.reference}`,
      breadcrumbs: [{ text: 'Requests to your organisation', href: paths.siteRequests }],
      errors,
      notice: options.notice,
      csrfToken: reply.generateCsrf(),
      formAction: pathTo.siteRequest(item.id),
      reference: enquiry.reference,
      organisationName: item.organisationName,
      summary: [
        { key: 'About', text: enquiryTypeLabel(enquiry.enquiryType) },
        { key: 'Health category', text: healthCategoryName(enquiry.healthCategory) },
        { key: 'Trial phase', text: enquiry.phase ? trialPhaseLabel(enquiry.phase) : 'Not given' },
        {
          key: 'Participants',
          text:
            enquiry.participants === null
              ? 'Not given'
              : enquiry.participants.toLocaleString('en-GB'),
        },
        { key: 'Sites', text: enquiry.sites === null ? 'Not given' : String(enquiry.sites) },
        { key: 'Timeline', text: enquiry.timeline ?? 'Not given' },
        { key: 'Description', paragraphs: paragraphs(enquiry.description) },
      ],
      message: item.message,
      requested: londonDay(item.requestedAt),
      due: londonDayWithWeekday(item.dueAt),
      overdue: clock.overdue,
      closed: enquiry.stage === 'closed',
      answered: item.respondedAt !== null,
      answer: item.respondedAt
        ? [
            { key: 'Can your organisation take part?', text: item.interested ? 'Yes' : 'No' },
            ...(item.interested
              ? [
                  { key: 'Principal investigator', text: item.principalInvestigator ?? '' },
                  {
                    key: 'Estimated recruitment',
                    text:
                      item.estimatedRecruitment === null
                        ? 'Not given'
                        : item.estimatedRecruitment.toLocaleString('en-GB'),
                  },
                ]
              : []),
            { key: 'Note', text: item.responseNote ?? 'None' },
            {
              key: 'Answered',
              text: `${londonDayAndTime(item.respondedAt)} by ${item.respondedByName ?? 'a former user'}`,
            },
          ]
        : [],
      interestedItems: [
        { value: 'yes', text: 'Yes', checked: value('interested') === 'yes' },
        { value: 'no', text: 'No', checked: value('interested') === 'no' },
      ],
      principalInvestigator: value('principalInvestigator'),
      estimatedRecruitment: value('estimatedRecruitment'),
      responseNote: value('responseNote'),
    });
  };

  return {
    queue,

    showEnquiry: orNotFound(async (request, reply) =>
      renderEnquiry(reply, userOf(request), await enquiryOf(request), {
        notice: noticeFor((request.query as Record<string, unknown>).done),
      }),
    ),

    triage: orNotFound(
      transition(triageFields, 'owner', async (request, enquiry, body) => {
        const parsed = triageForm.safeParse(body);
        if (!parsed.success) return { errors: formErrorsFrom(parsed.error, triageFields) };
        await workflow.triage(
          auditContextOf(request),
          enquiry.id,
          parsed.data.owner.toLowerCase(),
          parsed.data.triageNote,
        );
        return { done: 'triaged' };
      }),
    ),

    consult: orNotFound(
      transition(consultFields, 'organisations', async (request, enquiry, body) => {
        const parsed = consultForm.safeParse(body);
        if (!parsed.success) return { errors: formErrorsFrom(parsed.error, consultFields) };
        await workflow.consultSites(auditContextOf(request), enquiry.id, {
          organisationIds: parsed.data.organisations,
          due: { date: parsed.data.date },
          message: parsed.data.message,
        });
        return { done: 'consulted' };
      }),
    ),

    advance: orNotFound(
      transition(advanceFields, 'toStage', async (request, enquiry, body) => {
        const parsed = advanceForm.safeParse(body);
        if (!parsed.success) return { errors: formErrorsFrom(parsed.error, advanceFields) };
        const { toStage, advanceNote, ...contract } = parsed.data;
        const withContract = toStage === 'costing-contracting' || toStage === 'set-up';
        await workflow.advance(
          auditContextOf(request),
          enquiry.id,
          toStage,
          advanceNote,
          withContract ? contract : undefined,
        );
        return { done: 'advanced' };
      }),
    ),

    close: orNotFound(
      transition(closeFields, 'outcome', async (request, enquiry, body) => {
        const parsed = closeForm.safeParse(body);
        if (!parsed.success) return { errors: formErrorsFrom(parsed.error, closeFields) };
        await workflow.close(
          auditContextOf(request),
          enquiry.id,
          parsed.data.outcome,
          parsed.data.reason ?? '',
        );
        return { done: 'closed' };
      }),
    ),

    inbox: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const now = workflow.now();
      const items = user.organisationId ? await repository.inbox(user.organisationId) : [];
      return reply.render('enquiries/workflow/views/inbox.njk', {
        pageTitle: 'Requests to your organisation',
        linked: Boolean(user.organisationId),
        rows: items.map((item) => ({
          href: pathTo.siteRequest(item.id),
          reference: item.enquiry.reference,
          type: enquiryTypeLabel(item.enquiry.enquiryType),
          category: healthCategoryName(item.enquiry.healthCategory),
          requested: londonDay(item.requestedAt),
          due: londonDay(item.dueAt),
          overdue: workflow.requestClock(item, now).overdue,
          status: item.respondedAt
            ? { text: 'Answered', colour: 'green' }
            : item.enquiry.stage === 'closed'
              ? { text: 'Enquiry closed', colour: 'grey' }
              : { text: 'Awaiting your answer', colour: 'blue' },
        })),
        unanswered: items.filter((item) => !item.respondedAt && item.enquiry.stage !== 'closed')
          .length,
      });
    },

    showRequest: orNotFound(async (request, reply) =>
      renderSiteRequest(reply, await siteRequestOf(request), {
        notice: noticeFor((request.query as Record<string, unknown>).done),
      }),
    ),

    respond: orNotFound(async (request, reply) => {
      const user = userOf(request);
      const item = await siteRequestOf(request);
      const body = formBody(request);
      const values: Values = Object.fromEntries(
        responseFields.map((field) => [field, typed(body, field)]),
      );
      const parsed = responseForm.safeParse(body);
      if (!parsed.success) {
        return renderSiteRequest(reply, item, {
          errors: formErrorsFrom(parsed.error, responseFields),
          values,
          status: 422,
        });
      }
      const interested = parsed.data.interested === 'yes';
      try {
        await workflow.respond(auditContextOf(request), item.id, user, {
          interested,
          principalInvestigator: interested ? parsed.data.principalInvestigator : null,
          estimatedRecruitment: interested ? parsed.data.estimatedRecruitment : null,
          note: parsed.data.responseNote,
        });
      } catch (error) {
        const current = (await repository.siteRequest(item.id)) ?? item;
        if (error instanceof WorkflowRefusedError) {
          return renderSiteRequest(reply, current, {
            errors: formErrorsFor({ answer: error.message }, ['answer']),
            status: 409,
          });
        }
        if (error instanceof WorkflowInputError) {
          return renderSiteRequest(reply, current, {
            errors: formErrorsFor({ [error.field]: error.message }, responseFields),
            values,
            status: 422,
          });
        }
        throw error;
      }
      return reply.redirect(`${pathTo.siteRequest(item.id)}?done=answered`, 303);
    }),
  };
}
