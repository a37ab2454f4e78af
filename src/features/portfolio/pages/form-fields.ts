// The portfolio forms' fields, as typed, turned into the shapes the schemas check
// (projectInputSchema and the rest), and every complaint, the schema's or the service's, turned
// into the NHS error summary through the platform's one helper. Dates are NHS date inputs (day,
// month, year boxes) read here with messages of their own; amounts may be typed as £1,200.
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { type FormErrors, formErrorsFor } from '../../../platform/views/form-errors.js';
import {
  type ChallengeInput,
  type PairDecisionInput,
  type ProjectInput,
  type StageMoveInput,
  challengeInputSchema,
  pairDecisionSchema,
  projectInputSchema,
  stageMoveSchema,
} from '../schema.js';
import type { Problem } from '../service.js';

export type FormReading<T, V> =
  { ok: true; input: T; values: V } | { ok: false; errors: FormErrors; values: V };

// NUL cannot be typed, and PostgreSQL refuses it in text: it is dropped from whatever arrives.
const withoutNul = (text: string) => text.replaceAll('\u0000', '');

/** A text field as typed (within reason), to show it again beside an error. */
export function typed(body: Record<string, unknown>, field: string, max = 12_000): string {
  const value: unknown = Array.isArray(body[field]) ? (body[field] as unknown[])[0] : body[field];
  return typeof value === 'string' ? withoutNul(value.slice(0, max)) : '';
}

/** Checkbox values as sent: none, one (a string) or several (an array); at most 100 kept. */
export function typedList(body: Record<string, unknown>, field: string): string[] {
  const value = body[field];
  const list: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return list
    .filter((item): item is string => typeof item === 'string' && item.length <= 200)
    .map(withoutNul)
    .slice(0, 100);
}

// ----- Dates in three boxes -----

export const dateParts = (name: string) => [`${name}Day`, `${name}Month`, `${name}Year`] as const;

/** The three boxes' values for a stored YYYY-MM-DD date. */
export function datePartsOf(name: string, iso: string | null | undefined): Record<string, string> {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  const [d, m, y] = dateParts(name);
  return { [d]: day.replace(/^0/, ''), [m]: month.replace(/^0/, ''), [y]: year };
}

type DateReading = { ok: true; date: string | null } | { ok: false; reason: string };

/** A date from its boxes; all three empty is "no date", which the caller may refuse. */
export function readDate(values: Record<string, string>, name: string, label: string): DateReading {
  const [day = '', month = '', year = ''] = dateParts(name).map((part) =>
    (values[part] ?? '').trim(),
  );
  const Label = `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}`;
  if (!day && !month && !year) return { ok: true, date: null };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(
    (part): part is string => Boolean(part),
  );
  if (missing.length)
    return { ok: false, reason: `${Label} must include ${missing.join(' and ')}` };
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { ok: false, reason: `${Label} must be a real date written in numbers, like 27 3 2026` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    return { ok: false, reason: `${Label} must be a real date` };
  }
  return { ok: true, date: iso };
}

// ----- Problems to the error summary -----

/**
 * The error summary from problems named by field ("investigatorIds.2" is the investigatorIds
 * field). A field shows its first problem; `anchors` says where its summary link goes when its
 * first input has another id (a date's day box).
 */
export function pageErrors(
  problems: readonly Problem[],
  fieldOrder: readonly string[],
  anchors: Readonly<Record<string, string>> = {},
): FormErrors {
  const messages: Record<string, string> = {};
  for (const problem of problems) {
    const field = problem.name.split('.')[0] ?? problem.name;
    const onForm = fieldOrder.includes(field) ? field : (fieldOrder[0] ?? field);
    const key = anchors[onForm] ?? onForm;
    messages[key] ??= problem.reason;
  }
  return formErrorsFor(
    messages,
    fieldOrder.map((field) => anchors[field] ?? field),
  );
}

/**
 * The schema's complaints in words for a form. The API's terse messages ("must be a list", "may
 * hold at most 30") get a subject from `subjects`; "an abstract must be …" becomes "The abstract
 * must be …".
 */
function schemaProblems(error: z.ZodError, subjects: Record<string, string>): Problem[] {
  return error.issues.map((issue) => {
    const name = issue.path.map(String).join('.') || 'form';
    const subject = subjects[String(issue.path[0] ?? '')] ?? 'This answer';
    // zod's own words for a limit the schema gives no message of its own.
    if (issue.code === 'too_big' && /^Too big/.test(issue.message)) {
      const limit = Number(issue.maximum).toLocaleString('en-GB');
      return { name, reason: `${subject} must be ${limit} characters or fewer` };
    }
    const atMost = /^may hold at most (\d+)/.exec(issue.message);
    if (atMost) return { name, reason: `${subject}: choose at most ${atMost[1]}` };
    const article = /^(a|an|the) (.*)$/.exec(issue.message);
    if (article) return { name, reason: `The ${article[2] ?? ''}` };
    if (/^[a-z]/.test(issue.message)) return { name, reason: `${subject} ${issue.message}` };
    return { name, reason: issue.message };
  });
}

function check<T, V>(
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
  ownProblems: Problem[],
  values: V,
  fieldOrder: readonly string[],
  labels: Record<string, string>,
  anchors: Record<string, string> = {},
): FormReading<T, V> {
  const parsed = schema.safeParse(candidate);
  const named = new Set(ownProblems.map((problem) => problem.name));
  const problems = [
    ...ownProblems,
    ...(parsed.success
      ? []
      : schemaProblems(parsed.error, labels).filter((p) => !named.has(p.name.split('.')[0] ?? ''))),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, input: parsed.data, values };
  return { ok: false, errors: pageErrors(problems, fieldOrder, anchors), values };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
const orUndefined = (value: string) => (value.trim() === '' ? undefined : value.trim());

// ----- A project -----

export const projectFields = [
  'title',
  'laySummary',
  'abstract',
  'healthCategory',
  'leadOrganisationId',
  'partnerOrganisationIds',
  'investigatorIds',
  'grandChallenges',
  'pipeline',
  'researchActivityCode',
  'funder',
  'amountPounds',
  'startDate',
  'endDate',
] as const;

export const projectAnchors = { startDate: 'startDateDay', endDate: 'endDateDay' };

const projectLabels: Record<string, string> = {
  leadOrganisationId: 'The lead organisation',
  partnerOrganisationIds: 'Each partner organisation',
  investigatorIds: 'Each investigator',
  grandChallenges: 'Each grand challenge',
  pipeline: 'The pipeline',
};

const projectTextFields = [
  'title',
  'laySummary',
  'abstract',
  'healthCategory',
  'leadOrganisationId',
  'pipeline',
  'researchActivityCode',
  'funder',
  'amountPounds',
  ...dateParts('startDate'),
  ...dateParts('endDate'),
] as const;
export interface ProjectFormValues {
  text: Record<string, string>;
  lists: Record<'partnerOrganisationIds' | 'investigatorIds' | 'grandChallenges', string[]>;
}

/** The amount as typed ("£1,250,000", "1250000"), or the reason it is not a whole number of £. */
function readAmount(
  text: string,
): { ok: true; value: number | null } | { ok: false; reason: string } {
  const cleaned = text.trim().replace(/^£/, '').replace(/[,\s]/g, '');
  if (cleaned === '') return { ok: true, value: null };
  if (!/^\d{1,13}$/.test(cleaned)) {
    return {
      ok: false,
      reason: 'The amount must be a whole number of pounds, like 250000 or £250,000',
    };
  }
  return { ok: true, value: Number(cleaned) };
}

export function readProjectForm(
  body: Record<string, unknown>,
): FormReading<ProjectInput, ProjectFormValues> {
  const values: ProjectFormValues = {
    text: Object.fromEntries(projectTextFields.map((field) => [field, typed(body, field)])),
    lists: {
      partnerOrganisationIds: typedList(body, 'partnerOrganisationIds'),
      investigatorIds: typedList(body, 'investigatorIds'),
      grandChallenges: typedList(body, 'grandChallenges'),
    },
  };
  const text = (field: string) => values.text[field] ?? '';
  const ownProblems: Problem[] = [];
  const amount = readAmount(text('amountPounds'));
  if (!amount.ok) ownProblems.push({ name: 'amountPounds', reason: amount.reason });
  if (!text('leadOrganisationId').trim()) {
    ownProblems.push({ name: 'leadOrganisationId', reason: 'Choose the lead organisation' });
  }
  const dates: Record<string, string | null> = {};
  for (const [name, label] of [
    ['startDate', 'the start date'],
    ['endDate', 'the end date'],
  ] as const) {
    const reading = readDate(values.text, name, label);
    if (reading.ok) dates[name] = reading.date;
    else ownProblems.push({ name, reason: reading.reason });
  }
  const candidate: Record<string, unknown> = {
    title: text('title'),
    laySummary: orUndefined(text('laySummary')),
    abstract: text('abstract'),
    healthCategory: orUndefined(text('healthCategory')),
    leadOrganisationId: orUndefined(text('leadOrganisationId')),
    partnerOrganisationIds: values.lists.partnerOrganisationIds,
    investigatorIds: values.lists.investigatorIds,
    grandChallenges: values.lists.grandChallenges,
    pipeline: orNull(text('pipeline')),
    researchActivityCode: orNull(text('researchActivityCode')),
    funder: orNull(text('funder')),
    amountPounds: amount.ok ? amount.value : null,
    startDate: dates.startDate ?? null,
    endDate: dates.endDate ?? null,
  };
  return check(
    projectInputSchema,
    candidate,
    ownProblems,
    values,
    projectFields,
    projectLabels,
    projectAnchors,
  );
}

/** A stored project as the form shows it. */
export function projectFormValues(project: {
  title: string;
  laySummary: string;
  abstract: string;
  healthCategory: string;
  lead: { slug: string };
  partners: { slug: string }[];
  investigators: { id: string }[];
  grandChallenges: { slug: string }[];
  pipelineSlug: string | null;
  researchActivityCode: string | null;
  funder: string | null;
  amountPounds: number | null;
  startDate: string | null;
  endDate: string | null;
}): ProjectFormValues {
  return {
    text: {
      title: project.title,
      laySummary: project.laySummary,
      abstract: project.abstract,
      healthCategory: project.healthCategory,
      leadOrganisationId: project.lead.slug,
      pipeline: project.pipelineSlug ?? '',
      researchActivityCode: project.researchActivityCode ?? '',
      funder: project.funder ?? '',
      amountPounds: project.amountPounds === null ? '' : String(project.amountPounds),
      ...datePartsOf('startDate', project.startDate),
      ...datePartsOf('endDate', project.endDate),
    },
    lists: {
      partnerOrganisationIds: project.partners.map((p) => p.slug),
      investigatorIds: project.investigators.map((i) => i.id),
      grandChallenges: project.grandChallenges.map((g) => g.slug),
    },
  };
}

/**
 * A fingerprint of what the similarity check looks at. The form carries the one it was checked
 * with; "Save anyway" saves only if the project still has it, so a project changed after its
 * check is checked again rather than saved unseen.
 */
export function similarityDigest(input: {
  title: string;
  laySummary: string;
  abstract: string;
  healthCategory: string;
  investigatorIds: readonly string[];
  grandChallenges: readonly string[];
}): string {
  const essence = JSON.stringify([
    input.title,
    input.laySummary,
    input.abstract,
    input.healthCategory,
    [...input.investigatorIds].sort(),
    [...input.grandChallenges].sort(),
  ]);
  return createHash('sha256').update(essence).digest('hex').slice(0, 32);
}

// ----- A grand challenge -----

export const challengeFields = [
  'title',
  'summary',
  'description',
  'leads',
  'status',
  'organisations',
] as const;

export interface ChallengeFormValues {
  text: Record<string, string>;
  organisations: string[];
}

export function readChallengeForm(
  body: Record<string, unknown>,
): FormReading<ChallengeInput, ChallengeFormValues> {
  const values: ChallengeFormValues = {
    text: Object.fromEntries(
      ['title', 'summary', 'description', 'leads', 'status'].map((f) => [
        f,
        typed(body, f, 25_000),
      ]),
    ),
    organisations: typedList(body, 'organisations'),
  };
  const text = (field: string) => values.text[field] ?? '';
  return check(
    challengeInputSchema,
    {
      title: text('title'),
      summary: text('summary'),
      description: text('description'),
      leads: text('leads'),
      status: orUndefined(text('status')),
      organisations: values.organisations,
    },
    [],
    values,
    challengeFields,
    {
      organisations: 'Each partner organisation',
      description: 'The description',
      leads: 'The leads',
    },
  );
}

// ----- A stage move -----

export const stageMoveFields = ['stage', 'enteredOn', 'evidence'] as const;
export const stageMoveAnchors = { enteredOn: 'enteredOnDay' };

export function readStageMoveForm(
  body: Record<string, unknown>,
): FormReading<StageMoveInput, Record<string, string>> {
  const values = Object.fromEntries(
    ['stage', ...dateParts('enteredOn'), 'evidence'].map((f) => [f, typed(body, f, 5_000)]),
  );
  const ownProblems: Problem[] = [];
  const date = readDate(values, 'enteredOn', 'the date');
  if (!date.ok) ownProblems.push({ name: 'enteredOn', reason: date.reason });
  else if (date.date === null) ownProblems.push({ name: 'enteredOn', reason: 'Enter the date' });
  return check(
    stageMoveSchema,
    {
      stage: values.stage ?? '',
      enteredOn: date.ok ? (date.date ?? undefined) : undefined,
      evidence: values.evidence ?? '',
    },
    ownProblems,
    values,
    stageMoveFields,
    { stage: 'The stage' },
    stageMoveAnchors,
  );
}

// ----- A decision on a similar pair -----

export function readDecisionForm(
  body: Record<string, unknown>,
): FormReading<PairDecisionInput, Record<string, string>> {
  const values = Object.fromEntries(
    ['otherProjectId', 'decision', 'note'].map((f) => [f, typed(body, f, 5_000)]),
  );
  return check(
    pairDecisionSchema,
    {
      otherProjectId: values.otherProjectId ?? '',
      decision: orUndefined(values.decision ?? ''),
      note: values.note ?? '',
    },
    [],
    values,
    ['note', 'decision', 'otherProjectId'],
    { otherProjectId: 'The other project', note: 'The note' },
  );
}
