import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SignedInUser } from '../../../platform/auth/roles.js';
import { auditContextOf } from '../../../platform/http/authentication.js';
import { formBody } from '../../../platform/http/forms.js';
import { notFoundOn } from '../../../platform/http/not-found.js';
import { paths } from '../../../platform/paths.js';
import {
  formErrorsFor,
  formErrorsFrom,
  noFormErrors,
  type FormErrors,
} from '../../../platform/views/form-errors.js';
import {
  capabilityTypes,
  healthCategories,
  midlandsPlaces,
  organisationTypeLabel,
  organisationTypes,
  recordStatuses,
  type RecordKind,
} from '../model.js';
import { pageNumbers } from '../public-handlers.js';
import {
  actionsFor,
  actsForEveryOrganisation,
  RecordChangeRefusedError,
  RecordNotFoundError,
  statusActions,
  type DirectoryRecords,
  type StatusAction,
} from '../records.js';
import type {
  CapabilityRecord,
  ListFilter,
  OrganisationRecord,
  PersonRecord,
} from '../records-repository.js';
import {
  capabilityView,
  editPath,
  formatDate,
  kindInfo,
  organisationView,
  personView,
  recordPath,
  statusPath,
  statusTag,
  type RecordView,
} from './presenters.js';
import {
  capabilityFields,
  capabilityForm,
  isRecordId,
  listPageSize,
  listQuery,
  listQueryFields,
  organisationFields,
  organisationForm,
  personFields,
  personForm,
  newOrganisationForm,
  statusChangeFields,
  statusChangeForm,
} from './schema.js';

const orNotFound = notFoundOn((error) => error instanceof RecordNotFoundError);

/** The signed-in user; every route here declares its access, so there always is one. */
function userOf(request: FastifyRequest): SignedInUser {
  if (!request.user) throw new Error('directory maintenance reached without a signed-in user');
  return request.user;
}

/** The record id from the address; anything that is not a UUID cannot exist. */
function idOf(request: FastifyRequest, kind: RecordKind): string {
  const id = (request.params as Record<string, unknown>).id;
  if (!isRecordId(id)) throw new RecordNotFoundError(kind);
  return id.toLowerCase();
}

const queryOf = (request: FastifyRequest) => request.query as Record<string, unknown>;

/** A submitted text field as it was typed, to show it again beside an error. */
function textValue(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  return typeof value === 'string' ? value.slice(0, 20_000) : '';
}

/** A submitted repeated field (checkboxes), to tick the same boxes again beside an error. */
function listValue(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string').slice(0, 300);
}

/** A database refusal of a duplicate value in `column` (unique constraint), from either engine. */
function isDuplicate(error: unknown, column: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, constraint, message } = error as {
    code?: unknown;
    constraint?: unknown;
    message?: unknown;
  };
  return (
    code === '23505' &&
    `${typeof constraint === 'string' ? constraint : ''} ${typeof message === 'string' ? message : ''}`.includes(
      column,
    )
  );
}

const createdNotice = (kind: RecordKind) =>
  `The ${kindInfo[kind].noun} has been added as a draft. It is not public until it is published.`;

function noticeFor(kind: RecordKind, done: unknown): string | undefined {
  const noun = kindInfo[kind].noun;
  const notices: Record<string, string> = {
    created: createdNotice(kind),
    saved: `Your changes to this ${noun} have been saved.`,
    submit: `The ${noun} has been sent for review. The alliance office will check it and publish it.`,
    publish: `The ${noun} has been published. It is now on the public website.`,
    return: `The ${noun} has been returned to draft. It is no longer on the public website.`,
    archive: `The ${noun} has been archived. It is no longer on the public website.`,
    restore: `The ${noun} has been restored as a draft.`,
  };
  return typeof done === 'string' && Object.hasOwn(notices, done) ? notices[done] : undefined;
}

interface OrganisationChoice {
  id: string;
  name: string;
}

export function directoryManageHandlers(records: DirectoryRecords) {
  // ----- Reading records, whatever their kind -----

  const loadRecord = (
    user: SignedInUser,
    kind: RecordKind,
    id: string,
  ): Promise<CapabilityRecord | PersonRecord | OrganisationRecord> =>
    kind === 'capability'
      ? records.capability(user, id)
      : kind === 'person'
        ? records.person(user, id)
        : records.organisation(user, id);

  const viewOf = (
    user: SignedInUser,
    kind: RecordKind,
    record: CapabilityRecord | PersonRecord | OrganisationRecord,
  ): RecordView =>
    kind === 'capability'
      ? capabilityView(user, record as CapabilityRecord)
      : kind === 'person'
        ? personView(user, record as PersonRecord)
        : organisationView(record as OrganisationRecord);

  const renderRecord = (
    reply: FastifyReply,
    user: SignedInUser,
    view: RecordView,
    options: { errors?: FormErrors; notice?: string | undefined; status?: number } = {},
  ) => {
    const info = kindInfo[view.kind];
    const errors = options.errors ?? noFormErrors;
    return reply.code(options.status ?? 200).render('directory/manage/views/record.njk', {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${view.title} – ${info.title}`,
      breadcrumbs: [
        { text: 'Directory records', href: paths.manage },
        { text: info.title, href: info.listPath },
      ],
      view,
      info,
      statusTag: statusTag(view.status),
      editHref: editPath(view.kind, view.id),
      statusAction: statusPath(view.kind, view.id),
      actions: actionsFor(user, view.organisationId, view.status, view.kind).map((action) => ({
        action,
        label: statusActions[action].label,
        variant: action === 'archive' ? 'warning' : action === 'return' ? 'secondary' : undefined,
      })),
      errors,
      notice: options.notice,
      csrfToken: reply.generateCsrf(),
    });
  };

  // ----- Organisations a record may be filed under -----

  /** The organisations offered on a form: the user's own (fixed) or every one they maintain. */
  const organisationChoices = async (
    user: SignedInUser,
    current?: { id: string; name: string },
  ): Promise<OrganisationChoice[]> => {
    const choices: OrganisationChoice[] = (await records.organisationsFor(user)).map(
      (organisation) => ({ id: organisation.id, name: organisation.name }),
    );
    if (current && !choices.some((choice) => choice.id === current.id)) {
      choices.push({ id: current.id, name: current.name });
    }
    return choices;
  };

  /** What the form shows for the organisation: fixed text, or a select of the choices. */
  const organisationField = (
    user: SignedInUser,
    choices: OrganisationChoice[],
    selected: string,
  ) => {
    if (!actsForEveryOrganisation(user)) {
      const own = choices.find((choice) => choice.id === selected);
      return { fixed: true, name: own?.name ?? 'Your account is not linked to an organisation' };
    }
    return {
      fixed: false,
      items: [
        { value: '', text: 'Choose an organisation' },
        ...choices.map((choice) => ({
          value: choice.id,
          text: choice.name,
          selected: choice.id === selected,
        })),
      ],
    };
  };

  /** The organisation of a record being saved: fixed for a site office, chosen for the office. */
  const fixedOrganisationOf = (user: SignedInUser, current?: { id: string }) =>
    actsForEveryOrganisation(user) ? undefined : (current?.id ?? user.organisationId ?? '');

  // ----- Capabilities -----

  type CapabilityValues = Record<
    'title' | 'summary' | 'description' | 'type' | 'organisationId' | 'place' | 'keywords',
    string
  > & { categories: string[]; personIds: string[] };

  const capabilityValuesOf = (record: CapabilityRecord): CapabilityValues => ({
    title: record.title,
    summary: record.summary,
    description: record.description,
    type: record.type,
    organisationId: record.organisation.id,
    place: record.place,
    keywords: record.keywords.join(', '),
    categories: record.categories,
    personIds: record.people.map((person) => person.id),
  });

  const capabilityValuesFrom = (body: Record<string, unknown>): CapabilityValues => ({
    title: textValue(body, 'title'),
    summary: textValue(body, 'summary'),
    description: textValue(body, 'description'),
    type: textValue(body, 'type'),
    organisationId: textValue(body, 'organisationId'),
    place: textValue(body, 'place'),
    keywords: textValue(body, 'keywords'),
    categories: listValue(body, 'categories'),
    personIds: listValue(body, 'personIds'),
  });

  /** People who may be linked: those the user maintains (of the record's organisation when editing). */
  const peopleChoices = async (user: SignedInUser, record?: CapabilityRecord) => {
    const { items } = await records.listPeople(
      user,
      { limit: 200, offset: 0 },
      record?.organisation.id,
    );
    const choices = items
      .filter((person) => person.status !== 'archived')
      .map((person) => ({
        id: person.id,
        text: `${person.fullName}, ${person.jobTitle}`,
        hint: person.organisation.shortName,
      }));
    for (const person of record?.people ?? []) {
      if (!choices.some((choice) => choice.id === person.id)) {
        choices.push({
          id: person.id,
          text: `${person.fullName}, ${person.jobTitle}`,
          hint: person.organisation.shortName,
        });
      }
    }
    return choices;
  };

  const renderCapabilityForm = async (
    reply: FastifyReply,
    user: SignedInUser,
    options: {
      record?: CapabilityRecord | undefined;
      values: CapabilityValues;
      errors?: FormErrors;
      status?: number;
    },
  ) => {
    const { record, values } = options;
    const errors = options.errors ?? noFormErrors;
    const [organisations, people] = await Promise.all([
      organisationChoices(user, record?.organisation),
      peopleChoices(user, record),
    ]);
    const heading = record ? `Edit ${record.title}` : 'Add a capability';
    return reply.code(options.status ?? 200).render('directory/manage/views/capability-form.njk', {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${heading}`,
      heading,
      published: record?.status === 'published',
      isNew: !record,
      formAction: record ? editPath('capability', record.id) : paths.manageNewCapability,
      backHref: record ? recordPath('capability', record.id) : paths.manageCapabilities,
      backText: record ? `Back to ${record.title}` : 'Back to capabilities',
      values,
      errors,
      organisation: organisationField(user, organisations, values.organisationId),
      typeItems: capabilityTypes.map((type) => ({
        value: type.slug,
        text: type.label,
        checked: values.type === type.slug,
      })),
      placeItems: [
        { value: '', text: 'Choose a town or city' },
        ...midlandsPlaces.map((place) => ({
          value: place.slug,
          text: `${place.name} (${place.region})`,
          selected: values.place === place.slug,
        })),
      ],
      categoryItems: healthCategories.map((category) => ({
        value: category.slug,
        text: category.name,
        checked: values.categories.includes(category.slug),
      })),
      personItems: people.map((person) => ({
        value: person.id,
        text: person.text,
        hint: { text: person.hint },
        checked: values.personIds.includes(person.id),
      })),
      csrfToken: reply.generateCsrf(),
    });
  };

  const saveCapability = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record?: CapabilityRecord,
  ) => {
    const user = userOf(request);
    const body = formBody(request);
    const fixed = fixedOrganisationOf(user, record?.organisation);
    const values = capabilityValuesFrom(body);
    if (fixed !== undefined) values.organisationId = fixed;
    const refuse = (errors: FormErrors, status = 422) =>
      renderCapabilityForm(reply, user, { record, values, errors, status });

    const parsed = capabilityForm.safeParse({ ...body, organisationId: values.organisationId });
    if (!parsed.success) return refuse(formErrorsFrom(parsed.error, capabilityFields));
    const input = parsed.data;
    const problems: Record<string, string> = {};
    const [organisations, people] = await Promise.all([
      organisationChoices(user, record?.organisation),
      peopleChoices(user, record),
    ]);
    if (
      fixed === undefined &&
      !organisations.some((choice) => choice.id === input.organisationId)
    ) {
      problems.organisationId = 'Choose an organisation from the list';
    }
    if (input.personIds.some((id) => !people.some((person) => person.id === id))) {
      problems.personIds = 'Choose people from the list';
    }
    if (Object.keys(problems).length) return refuse(formErrorsFor(problems, capabilityFields));

    const context = auditContextOf(request);
    let done: string;
    try {
      if (record) {
        await records.updateCapability(user, context, record.id, input);
        done = `${recordPath('capability', record.id)}?done=saved`;
      } else {
        const id = await records.createCapability(user, context, input);
        done = `${recordPath('capability', id)}?done=created`;
      }
    } catch (error) {
      if (!(error instanceof RecordChangeRefusedError)) throw error;
      const field = /people/i.test(error.message) ? 'personIds' : 'organisationId';
      return refuse(formErrorsFor({ [field]: error.message }, capabilityFields));
    }
    return reply.redirect(done, 303);
  };

  // ----- People -----

  type PersonValues = Record<
    'fullName' | 'jobTitle' | 'organisationId' | 'expertise' | 'orcid' | 'keywords',
    string
  >;

  const personValuesOf = (record: PersonRecord): PersonValues => ({
    fullName: record.fullName,
    jobTitle: record.jobTitle,
    organisationId: record.organisation.id,
    expertise: record.expertise,
    orcid: record.orcid ?? '',
    keywords: record.keywords.join(', '),
  });

  const personValuesFrom = (body: Record<string, unknown>): PersonValues => ({
    fullName: textValue(body, 'fullName'),
    jobTitle: textValue(body, 'jobTitle'),
    organisationId: textValue(body, 'organisationId'),
    expertise: textValue(body, 'expertise'),
    orcid: textValue(body, 'orcid'),
    keywords: textValue(body, 'keywords'),
  });

  const renderPersonForm = async (
    reply: FastifyReply,
    user: SignedInUser,
    options: {
      record?: PersonRecord | undefined;
      values: PersonValues;
      errors?: FormErrors;
      status?: number;
    },
  ) => {
    const { record, values } = options;
    const errors = options.errors ?? noFormErrors;
    const organisations = await organisationChoices(user, record?.organisation);
    const heading = record ? `Edit ${record.fullName}` : 'Add a person';
    return reply.code(options.status ?? 200).render('directory/manage/views/person-form.njk', {
      pageTitle: `${errors.summary.length ? 'Error: ' : ''}${heading}`,
      heading,
      published: record?.status === 'published',
      formAction: record ? editPath('person', record.id) : paths.manageNewPerson,
      backHref: record ? recordPath('person', record.id) : paths.managePeople,
      backText: record ? `Back to ${record.fullName}` : 'Back to people',
      values,
      errors,
      organisation: organisationField(user, organisations, values.organisationId),
      csrfToken: reply.generateCsrf(),
    });
  };

  const savePerson = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record?: PersonRecord,
  ) => {
    const user = userOf(request);
    const body = formBody(request);
    const fixed = fixedOrganisationOf(user, record?.organisation);
    const values = personValuesFrom(body);
    if (fixed !== undefined) values.organisationId = fixed;
    const refuse = (errors: FormErrors) =>
      renderPersonForm(reply, user, { record, values, errors, status: 422 });

    const parsed = personForm.safeParse({ ...body, organisationId: values.organisationId });
    if (!parsed.success) return refuse(formErrorsFrom(parsed.error, personFields));
    const input = parsed.data;
    if (fixed === undefined) {
      const organisations = await organisationChoices(user, record?.organisation);
      if (!organisations.some((choice) => choice.id === input.organisationId)) {
        return refuse(
          formErrorsFor({ organisationId: 'Choose an organisation from the list' }, personFields),
        );
      }
    }

    const context = auditContextOf(request);
    let done: string;
    try {
      if (record) {
        await records.updatePerson(user, context, record.id, input);
        done = `${recordPath('person', record.id)}?done=saved`;
      } else {
        const id = await records.createPerson(user, context, input);
        done = `${recordPath('person', id)}?done=created`;
      }
    } catch (error) {
      if (isDuplicate(error, 'orcid')) {
        return refuse(
          formErrorsFor(
            { orcid: 'Another person in the directory already has this ORCID iD' },
            personFields,
          ),
        );
      }
      if (!(error instanceof RecordChangeRefusedError)) throw error;
      return refuse(formErrorsFor({ organisationId: error.message }, personFields));
    }
    return reply.redirect(done, 303);
  };

  // ----- Organisations -----

  type OrganisationValues = Record<
    'name' | 'shortName' | 'slug' | 'type' | 'city' | 'websiteUrl' | 'summary' | 'description',
    string
  >;

  const organisationValuesOf = (record: OrganisationRecord): OrganisationValues => ({
    name: record.name,
    shortName: record.shortName,
    slug: record.slug,
    type: record.type,
    city: record.city,
    websiteUrl: record.websiteUrl ?? '',
    summary: record.summary,
    description: record.description,
  });

  const organisationValuesFrom = (body: Record<string, unknown>): OrganisationValues => ({
    name: textValue(body, 'name'),
    shortName: textValue(body, 'shortName'),
    slug: textValue(body, 'slug'),
    type: textValue(body, 'type'),
    city: textValue(body, 'city'),
    websiteUrl: textValue(body, 'websiteUrl'),
    summary: textValue(body, 'summary'),
    description: textValue(body, 'description'),
  });

  const renderOrganisationForm = (
    reply: FastifyReply,
    options: {
      record?: OrganisationRecord | undefined;
      values: OrganisationValues;
      errors?: FormErrors;
      status?: number;
    },
  ) => {
    const { record, values } = options;
    const errors = options.errors ?? noFormErrors;
    const heading = record ? `Edit ${record.name}` : 'Add an organisation';
    return reply
      .code(options.status ?? 200)
      .render('directory/manage/views/organisation-form.njk', {
        pageTitle: `${errors.summary.length ? 'Error: ' : ''}${heading}`,
        heading,
        published: record?.status === 'published',
        isNew: !record,
        slug: record?.slug,
        formAction: record ? editPath('organisation', record.id) : paths.manageNewOrganisation,
        backHref: record ? recordPath('organisation', record.id) : paths.manageOrganisations,
        backText: record ? `Back to ${record.name}` : 'Back to organisations',
        values,
        errors,
        typeItems: organisationTypes.map((type) => ({
          value: type.slug,
          text: type.label,
          checked: values.type === type.slug,
        })),
        csrfToken: reply.generateCsrf(),
      });
  };

  const saveOrganisation = async (
    request: FastifyRequest,
    reply: FastifyReply,
    record?: OrganisationRecord,
  ) => {
    const user = userOf(request);
    const body = formBody(request);
    const values = organisationValuesFrom(body);
    if (record) values.slug = record.slug;
    const refuse = (errors: FormErrors) =>
      renderOrganisationForm(reply, { record, values, errors, status: 422 });

    const parsed = (record ? organisationForm : newOrganisationForm).safeParse(body);
    if (!parsed.success) return refuse(formErrorsFrom(parsed.error, organisationFields));
    const { slug, ...input } = { slug: '', ...parsed.data };

    const context = auditContextOf(request);
    let done: string;
    try {
      if (record) {
        await records.updateOrganisation(user, context, record.id, input);
        done = `${recordPath('organisation', record.id)}?done=saved`;
      } else {
        const id = await records.createOrganisation(user, context, slug, input);
        done = `${recordPath('organisation', id)}?done=created`;
      }
    } catch (error) {
      const taken = 'An organisation with that web address name already exists';
      if (isDuplicate(error, 'slug'))
        return refuse(formErrorsFor({ slug: taken }, organisationFields));
      if (!(error instanceof RecordChangeRefusedError)) throw error;
      const field = /web address/i.test(error.message) ? 'slug' : 'name';
      return refuse(formErrorsFor({ [field]: error.message }, organisationFields));
    }
    return reply.redirect(done, 303);
  };

  // ----- Lists -----

  const listRows = async (
    user: SignedInUser,
    kind: RecordKind,
    filter: Omit<ListFilter, 'organisationId' | 'publicOnly'>,
  ) => {
    if (kind === 'capability') {
      const { items, total } = await records.listCapabilities(user, filter);
      return {
        total,
        rows: items.map((item) => ({
          href: recordPath('capability', item.id),
          title: item.title,
          detail: item.organisation.shortName,
          statusTag: statusTag(item.status),
          updated: formatDate(item.updatedAt),
          isSample: item.isSample,
        })),
      };
    }
    if (kind === 'person') {
      const { items, total } = await records.listPeople(user, filter);
      return {
        total,
        rows: items.map((item) => ({
          href: recordPath('person', item.id),
          title: item.fullName,
          subtitle: item.jobTitle,
          detail: item.organisation.shortName,
          statusTag: statusTag(item.status),
          updated: formatDate(item.updatedAt),
          isSample: item.isSample,
        })),
      };
    }
    const { items, total } = await records.listOrganisations(user, filter);
    return {
      total,
      rows: items.map((item) => ({
        href: recordPath('organisation', item.id),
        title: item.name,
        detail: organisationTypeLabel(item.type),
        statusTag: statusTag(item.status),
        updated: formatDate(item.updatedAt),
        isSample: item.isSample,
      })),
    };
  };

  const listHref = (kind: RecordKind, status: string | undefined, q: string, page: number) => {
    const query = new URLSearchParams();
    if (q) query.set('q', q);
    if (status) query.set('status', status);
    if (page > 1) query.set('page', String(page));
    const text = query.toString();
    return `${kindInfo[kind].listPath}${text ? `?${text}` : ''}`;
  };

  const list = (kind: RecordKind) => async (request: FastifyRequest, reply: FastifyReply) => {
    const user = userOf(request);
    const info = kindInfo[kind];
    const canAdd = kind !== 'organisation' || actsForEveryOrganisation(user);
    const common = {
      breadcrumbs: [{ text: 'Directory records', href: paths.manage }],
      info,
      kind,
      canAdd,
      detailHeading: kind === 'organisation' ? 'Type' : 'Organisation',
    };
    const statusItems = (selected: string | undefined) => [
      { value: '', text: 'Any status' },
      ...recordStatuses.map((status) => ({
        value: status.slug,
        text: status.label,
        selected: status.slug === selected,
      })),
    ];
    const parsed = listQuery.safeParse(request.query);
    if (!parsed.success) {
      const raw = queryOf(request);
      return reply.code(422).render('directory/manage/views/list.njk', {
        ...common,
        pageTitle: `Error: ${info.title}`,
        errors: formErrorsFrom(parsed.error, listQueryFields),
        q: typeof raw.q === 'string' ? raw.q.slice(0, 200) : '',
        statusItems: statusItems(undefined),
        rows: [],
        total: 0,
        failed: true,
      });
    }
    const { status, q, page } = parsed.data;
    const { rows, total } = await listRows(user, kind, {
      status,
      ...(q ? { q } : {}),
      limit: listPageSize,
      offset: (page - 1) * listPageSize,
    });
    const lastPage = Math.max(1, Math.ceil(total / listPageSize));
    const filtered = Boolean(status || q);
    return reply.render('directory/manage/views/list.njk', {
      ...common,
      pageTitle: info.title,
      errors: noFormErrors,
      q,
      statusItems: statusItems(status),
      rows,
      total,
      filtered,
      clearHref: info.listPath,
      firstShown: rows.length ? (page - 1) * listPageSize + 1 : 0,
      lastShown: (page - 1) * listPageSize + rows.length,
      pageLinks:
        lastPage > 1
          ? pageNumbers(Math.min(page, lastPage), lastPage).map((number) =>
              number === null
                ? { ellipsis: true }
                : { number, href: listHref(kind, status, q, number), current: number === page },
            )
          : [],
      previousHref: page > 1 ? listHref(kind, status, q, Math.min(page - 1, lastPage)) : null,
      nextHref: page < lastPage ? listHref(kind, status, q, page + 1) : null,
    });
  };

  // ----- Routes -----

  return {
    dashboard: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      const countsOf = (
        kind: 'capability' | 'person',
        count: (status: (typeof recordStatuses)[number]['slug']) => Promise<number>,
      ) =>
        Promise.all(
          recordStatuses.map(async (status) => ({
            label: status.label,
            count: await count(status.slug),
            href: listHref(kind, status.slug, '', 1),
          })),
        );
      const none = { limit: 0, offset: 0 };
      const [capabilities, people, organisations] = await Promise.all([
        countsOf(
          'capability',
          async (status) => (await records.listCapabilities(user, { ...none, status })).total,
        ),
        countsOf(
          'person',
          async (status) => (await records.listPeople(user, { ...none, status })).total,
        ),
        records.organisationsFor(user),
      ]);
      const everyOrganisation = actsForEveryOrganisation(user);
      return reply.render('directory/manage/views/dashboard.njk', {
        pageTitle: 'Directory records',
        everyOrganisation,
        ownOrganisation: everyOrganisation
          ? null
          : (organisations.find((organisation) => organisation.id === user.organisationId) ?? null),
        sections: [
          { kind: 'capability', info: kindInfo.capability, counts: capabilities },
          { kind: 'person', info: kindInfo.person, counts: people },
        ].map((section) => ({
          ...section,
          total: section.counts.reduce((sum, item) => sum + item.count, 0),
        })),
        organisationsInfo: kindInfo.organisation,
        organisationCount: organisations.length,
      });
    },

    list,

    showRecord: (kind: RecordKind) =>
      orNotFound(async (request, reply) => {
        const user = userOf(request);
        const record = await loadRecord(user, kind, idOf(request, kind));
        return renderRecord(reply, user, viewOf(user, kind, record), {
          notice: noticeFor(kind, queryOf(request).done),
        });
      }),

    changeStatus: (kind: RecordKind) =>
      orNotFound(async (request, reply) => {
        const user = userOf(request);
        const id = idOf(request, kind);
        // Loaded first, so a record the user may not see is "not found" whatever was sent.
        const record = await loadRecord(user, kind, id);
        const parsed = statusChangeForm.safeParse(formBody(request));
        if (!parsed.success) {
          return renderRecord(reply, user, viewOf(user, kind, record), {
            errors: formErrorsFrom(parsed.error, statusChangeFields),
            status: 422,
          });
        }
        const action: StatusAction = parsed.data.action;
        try {
          await records.changeStatus(user, auditContextOf(request), kind, id, action);
        } catch (error) {
          if (!(error instanceof RecordChangeRefusedError)) throw error;
          const current = await loadRecord(user, kind, id);
          return renderRecord(reply, user, viewOf(user, kind, current), {
            errors: formErrorsFor({ action: error.message }, statusChangeFields),
            status: 409,
          });
        }
        return reply.redirect(`${recordPath(kind, id)}?done=${action}`, 303);
      }),

    newCapability: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      return renderCapabilityForm(reply, user, {
        values: {
          ...capabilityValuesFrom({}),
          organisationId: fixedOrganisationOf(user) ?? '',
        },
      });
    },
    createCapability: async (request: FastifyRequest, reply: FastifyReply) =>
      saveCapability(request, reply),
    editCapability: orNotFound(async (request, reply) => {
      const user = userOf(request);
      const record = await records.capability(user, idOf(request, 'capability'));
      return renderCapabilityForm(reply, user, { record, values: capabilityValuesOf(record) });
    }),
    updateCapability: orNotFound(async (request, reply) => {
      const record = await records.capability(userOf(request), idOf(request, 'capability'));
      return saveCapability(request, reply, record);
    }),

    newPerson: async (request: FastifyRequest, reply: FastifyReply) => {
      const user = userOf(request);
      return renderPersonForm(reply, user, {
        values: { ...personValuesFrom({}), organisationId: fixedOrganisationOf(user) ?? '' },
      });
    },
    createPerson: async (request: FastifyRequest, reply: FastifyReply) =>
      savePerson(request, reply),
    editPerson: orNotFound(async (request, reply) => {
      const user = userOf(request);
      const record = await records.person(user, idOf(request, 'person'));
      return renderPersonForm(reply, user, { record, values: personValuesOf(record) });
    }),
    updatePerson: orNotFound(async (request, reply) => {
      const record = await records.person(userOf(request), idOf(request, 'person'));
      return savePerson(request, reply, record);
    }),

    newOrganisation: async (_request: FastifyRequest, reply: FastifyReply) =>
      renderOrganisationForm(reply, { values: organisationValuesFrom({}) }),
    createOrganisation: async (request: FastifyRequest, reply: FastifyReply) =>
      saveOrganisation(request, reply),
    editOrganisation: orNotFound(async (request, reply) => {
      const user = userOf(request);
      const record = await records.organisation(user, idOf(request, 'organisation'));
      return renderOrganisationForm(reply, { record, values: organisationValuesOf(record) });
    }),
    updateOrganisation: orNotFound(async (request, reply) => {
      const record = await records.organisation(userOf(request), idOf(request, 'organisation'));
      return saveOrganisation(request, reply, record);
    }),
  };
}
