// The study forms' text fields turned into the shapes the schemas check (studyInputSchema and the
// rest), and every complaint, the schema's or the service's, turned into the NHS error summary.
// Dates are NHS date inputs (day, month, year): they are read here, with messages of their own.
import type { z } from 'zod';
import type { FormErrors } from '../../../platform/views/form-errors.js';
import {
  milestoneInputSchema,
  problemsFrom,
  recruitmentRowSchema,
  siteInputSchema,
  studyInputSchema,
  type MilestoneInput,
  type RecruitmentRow,
  type SiteInput,
  type StudyInput,
} from '../schema.js';
import type { Problem } from '../service.js';

export type FormValues = Record<string, string>;

export type FormReading<T> =
  | { ok: true; input: T; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

/** A field as typed (within reason), to show it again beside an error. */
export function typed(body: Record<string, unknown>, field: string, max = 5_000): string {
  const value = body[field];
  return typeof value === 'string' ? value.slice(0, max) : '';
}

/** An NHS date input's three boxes: `<name>Day`, `<name>Month`, `<name>Year`. */
export const dateParts = (name: string) => [`${name}Day`, `${name}Month`, `${name}Year`] as const;

/** The three boxes' values for the date-input macro, from a stored YYYY-MM-DD date. */
export function datePartsOf(name: string, iso: string | null | undefined): FormValues {
  const [year = '', month = '', day = ''] = iso ? iso.split('-') : [];
  const [d, m, y] = dateParts(name);
  return { [d]: day.replace(/^0/, ''), [m]: month.replace(/^0/, ''), [y]: year };
}

export type DateReading = { ok: true; date: string } | { ok: false; reason: string };

/**
 * A date from its day, month and year boxes. `label` names it in messages ("the planned
 * recruitment start"); a real date comes back as YYYY-MM-DD for the schema to check further.
 */
export function readDate(values: FormValues, name: string, label: string): DateReading {
  const [day = '', month = '', year = ''] = dateParts(name).map((part) =>
    (values[part] ?? '').trim(),
  );
  const Label = `${label[0]?.toUpperCase() ?? ''}${label.slice(1)}`;
  if (!day && !month && !year) return { ok: false, reason: `Enter ${label}` };
  const missing = [!day && 'a day', !month && 'a month', !year && 'a year'].filter(
    (part): part is string => Boolean(part),
  );
  if (missing.length) {
    return { ok: false, reason: `${Label} must include ${missing.join(' and ')}` };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return {
      ok: false,
      reason: `${Label} must be a real date written in numbers, like 27 3 2026`,
    };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) {
    return { ok: false, reason: `${Label} must be a real date` };
  }
  return { ok: true, date: iso };
}

/**
 * The error summary and field messages from problems named by field. Every problem has its own
 * line in the summary; a field with several shows them all. `anchors` says where a field's link
 * goes when its first input is not named after it (a date's day box, a radio's first item).
 */
export function pageErrors(
  problems: readonly Problem[],
  fieldOrder: readonly string[],
  anchors: Readonly<Record<string, string>> = {},
): FormErrors {
  const rank = (name: string) => {
    const index = fieldOrder.indexOf(name);
    return index === -1 ? fieldOrder.length : index;
  };
  const ordered = problems
    .map((problem, index) => ({ problem, index }))
    .sort((a, b) => rank(a.problem.name) - rank(b.problem.name) || a.index - b.index)
    .map(({ problem }) => problem);
  const seen = new Set<string>();
  const unique = ordered.filter((problem) => {
    const key = `${problem.name} ${problem.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const fields: Record<string, { text: string }> = {};
  for (const problem of unique) {
    const current = fields[problem.name];
    fields[problem.name] = {
      text: current ? `${current.text}. ${problem.reason}` : problem.reason,
    };
  }
  return {
    summary: unique.map((problem) => ({
      text: problem.reason,
      href: `#${anchors[problem.name] ?? problem.name}`,
    })),
    fields,
  };
}

/** Where the summary's link for a date goes: its day box. */
const dateAnchors = (...names: string[]) =>
  Object.fromEntries(names.map((name) => [name, `${name}Day`]));

/**
 * Runs a schema over the fields read. `ownProblems` (a date that is not a date, a number left
 * out) take the place of what the schema would say about the same fields.
 */
function check<T>(
  schema: z.ZodType<T>,
  candidate: Record<string, unknown>,
  ownProblems: Problem[],
  values: FormValues,
  fieldOrder: readonly string[],
  anchors: Record<string, string>,
): FormReading<T> {
  const parsed = schema.safeParse(candidate);
  const named = new Set(ownProblems.map((problem) => problem.name));
  const problems = [
    ...ownProblems,
    ...(parsed.success ? [] : problemsFrom(parsed.error).filter((p) => !named.has(p.name))),
  ];
  if (parsed.success && problems.length === 0) return { ok: true, input: parsed.data, values };
  return { ok: false, errors: pageErrors(problems, fieldOrder, anchors), values };
}

/** Reads date fields into the candidate object, noting the problems of those that fail. */
function readDates(
  values: FormValues,
  dates: Record<string, string>,
  candidate: Record<string, unknown>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [name, label] of Object.entries(dates)) {
    const reading = readDate(values, name, label);
    if (reading.ok) candidate[name] = reading.date;
    else problems.push({ name, reason: reading.reason });
  }
  return problems;
}

/** "Enter …" for a number left empty, rather than the schema's "must be a whole number". */
const required = (candidate: Record<string, unknown>, name: string, label: string): Problem[] =>
  candidate[name] === undefined ? [{ name, reason: `Enter ${label}` }] : [];

const optional = (value: string) => (value.trim() === '' ? null : value.trim());
const yesNo = (value: string) => (value === 'yes' ? true : value === 'no' ? false : undefined);
/** A whole number as typed, or the text itself so that the schema names the problem. */
const wholeNumber = (value: string): unknown => {
  const text = value.trim().replace(/,/g, '');
  if (text === '') return undefined;
  return /^-?\d+$/.test(text) ? Number(text) : text;
};

// ----- The study -----

export const studyFields = [
  'title',
  'shortTitle',
  'sponsor',
  'isCommercial',
  'studyType',
  'phase',
  'healthCategory',
  'mhraApprovalNeeded',
  'recruitmentTarget',
  'plannedStart',
  'plannedEnd',
  'irasId',
  'isrctn',
  'nctId',
  'euCtNumber',
  'enquiryReference',
] as const;

const studyTextFields = studyFields.filter(
  (field) => field !== 'plannedStart' && field !== 'plannedEnd',
);
const studyDateLabels = {
  plannedStart: 'the planned recruitment start',
  plannedEnd: 'the planned recruitment end',
};
const studyValueFields = [
  ...studyTextFields,
  ...dateParts('plannedStart'),
  ...dateParts('plannedEnd'),
];

export function readStudyForm(body: Record<string, unknown>): FormReading<StudyInput> {
  const values = Object.fromEntries(studyValueFields.map((field) => [field, typed(body, field)]));
  const text = (field: string) => values[field] ?? '';
  const candidate: Record<string, unknown> = {
    title: text('title'),
    shortTitle: text('shortTitle'),
    sponsor: text('sponsor'),
    isCommercial: yesNo(text('isCommercial')),
    studyType: text('studyType') || undefined,
    phase: text('phase') || undefined,
    healthCategory: text('healthCategory') || undefined,
    mhraApprovalNeeded: yesNo(text('mhraApprovalNeeded')),
    recruitmentTarget: wholeNumber(text('recruitmentTarget')),
    irasId: optional(text('irasId')),
    isrctn: optional(text('isrctn'))?.toUpperCase() ?? null,
    nctId: optional(text('nctId'))?.toUpperCase() ?? null,
    euCtNumber: optional(text('euCtNumber')),
    enquiryReference: optional(text('enquiryReference'))?.toUpperCase() ?? null,
  };
  const ownProblems = [
    ...required(candidate, 'recruitmentTarget', 'the recruitment target'),
    ...readDates(values, studyDateLabels, candidate),
  ];
  return check(
    studyInputSchema,
    candidate,
    ownProblems,
    values,
    studyFields,
    dateAnchors('plannedStart', 'plannedEnd'),
  );
}

// ----- A site -----

export const siteFields = [
  'organisation',
  'principalInvestigator',
  'recruitmentTarget',
  'plannedOpen',
  'plannedClose',
] as const;

export function readSiteForm(body: Record<string, unknown>): FormReading<SiteInput> {
  const names = [
    'organisation',
    'principalInvestigator',
    'recruitmentTarget',
    ...dateParts('plannedOpen'),
    ...dateParts('plannedClose'),
  ];
  const values = Object.fromEntries(names.map((field) => [field, typed(body, field)]));
  const candidate: Record<string, unknown> = {
    organisation: values.organisation || undefined,
    principalInvestigator: values.principalInvestigator ?? '',
    recruitmentTarget: wholeNumber(values.recruitmentTarget ?? ''),
  };
  const ownProblems = [
    ...required(candidate, 'recruitmentTarget', 'the site target'),
    ...readDates(
      values,
      { plannedOpen: 'the planned opening date', plannedClose: 'the planned close date' },
      candidate,
    ),
  ];
  return check(
    siteInputSchema,
    candidate,
    ownProblems,
    values,
    siteFields,
    dateAnchors('plannedOpen', 'plannedClose'),
  );
}

// ----- A milestone -----

export const milestoneFields = ['achievedOn', 'evidence'] as const;
export const milestoneAnchors = dateAnchors('achievedOn');

export function readMilestoneForm(body: Record<string, unknown>): FormReading<MilestoneInput> {
  const names = [...dateParts('achievedOn'), 'evidence'];
  const values = Object.fromEntries(names.map((field) => [field, typed(body, field)]));
  const candidate: Record<string, unknown> = { evidence: values.evidence ?? '' };
  const ownProblems = readDates(values, { achievedOn: 'the date' }, candidate);
  return check(
    milestoneInputSchema,
    candidate,
    ownProblems,
    values,
    milestoneFields,
    milestoneAnchors,
  );
}

// ----- A day's recruitment at one site -----

export const recruitmentFields = ['date', 'participants'] as const;
export const recruitmentAnchors = dateAnchors('date');

export function readRecruitmentForm(
  body: Record<string, unknown>,
  site: string,
): FormReading<RecruitmentRow> {
  const names = [...dateParts('date'), 'participants'];
  const values = Object.fromEntries(names.map((field) => [field, typed(body, field)]));
  const candidate: Record<string, unknown> = {
    site,
    participants: wholeNumber(values.participants ?? ''),
  };
  const ownProblems = [
    ...readDates(values, { date: 'the date' }, candidate),
    ...required(candidate, 'participants', 'the number of participants'),
  ];
  return check(
    recruitmentRowSchema,
    candidate,
    ownProblems,
    values,
    recruitmentFields,
    recruitmentAnchors,
  );
}
