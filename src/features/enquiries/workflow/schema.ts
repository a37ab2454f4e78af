import { z } from 'zod';
import { characterCount } from '../schema.js';
import {
  closureOutcomes,
  confidentialityAgreements,
  contractValueReviews,
  enquiryStages,
  modelAgreements,
} from '../model.js';
import { advanceStages } from './service.js';

/**
 * The office's and the sites' forms and the queue's query string. Every value arrives as text
 * (or a list of texts) and anything may have been tampered with.
 */

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

const referencePattern = /^MHA-[0-9]{4}-[0-9]{5,9}$/;
export const isReference = (value: unknown): value is string =>
  typeof value === 'string' && referencePattern.test(value);

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isId = (value: unknown): value is string =>
  typeof value === 'string' && uuidPattern.test(value);

// C0 and C1 controls and DEL, but line breaks and tabs.
// eslint-disable-next-line no-control-regex
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const formatCount = (count: number) => count.toLocaleString('en-GB');

/** Text typed into a box: trimmed, line breaks made \n, no control characters, a maximum. */
function text(label: string, max: number, options: { required?: string } = {}) {
  return z
    .unknown()
    .optional()
    .transform((value) => (typeof value === 'string' ? value : value === undefined ? '' : null))
    .superRefine((value, context) => {
      if (value === null) context.addIssue({ code: 'custom', message: `${label} must be text` });
    })
    .transform((value) => (value ?? '').replace(/\r\n?/g, '\n').trim())
    .superRefine((value, context) => {
      const problem = (message: string) => context.addIssue({ code: 'custom', message });
      if (value === '') {
        if (options.required) problem(options.required);
      } else if (controls.test(value)) {
        problem(`${label} must not contain control characters`);
      } else if (characterCount(value) > max) {
        problem(`${label} must be ${formatCount(max)} characters or fewer`);
      }
    })
    .transform((value) => (value === '' ? null : value));
}

const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.enum(values, { error: message });

const optionalChoice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z
    .union([z.literal(''), z.enum(values)], { error: message })
    .optional()
    .transform((value) => (value ? value : null));

// ----- Triage -----

export const triageFields = ['owner', 'triageNote'] as const;
export const triageForm = z.object({
  owner: z.string({ error: 'Choose who will own the enquiry' }).refine(isId, {
    error: 'Choose who will own the enquiry',
  }),
  triageNote: text('The note', 4000),
});

// ----- Consulting sites -----

export const consultFields = ['organisations', 'dueDay', 'message'] as const;
const dayPart = (max: number) =>
  z
    .unknown()
    .transform((value) => (typeof value === 'string' ? value.trim() : ''))
    .refine((value) => /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= max);

export const consultForm = z
  .object({
    organisations: z
      .union([z.string(), z.array(z.string())], {
        error: 'Choose at least one partner organisation',
      })
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .transform((values) => values.filter((value) => value !== ''))
      .refine((values) => values.length > 0, { error: 'Choose at least one partner organisation' })
      .refine((values) => values.length <= 50 && values.every(isId), {
        error: 'Choose partner organisations from the list',
      })
      .transform((values) => [...new Set(values.map((value) => value.toLowerCase()))]),
    dueDay: z.unknown().optional(),
    dueMonth: z.unknown().optional(),
    dueYear: z.unknown().optional(),
    message: text('The message', 4000, { required: 'Enter a message for the sites' }),
  })
  .transform((form, context) => {
    const day = dayPart(31).safeParse(form.dueDay);
    const month = dayPart(12).safeParse(form.dueMonth);
    const year = dayPart(9999).safeParse(form.dueYear);
    let date = '';
    if (day.success && month.success && year.success && Number(year.data) >= 2000) {
      date = `${year.data.padStart(4, '0')}-${month.data.padStart(2, '0')}-${day.data.padStart(2, '0')}`;
      const check = new Date(`${date}T00:00:00Z`);
      if (Number.isNaN(check.getTime()) || check.toISOString().slice(0, 10) !== date) date = '';
    }
    if (!date) {
      context.addIssue({
        code: 'custom',
        path: ['dueDay'],
        message: 'Enter the deadline as a real date, like 27 3 2026',
      });
      return z.NEVER;
    }
    return { organisations: form.organisations, date, message: form.message ?? '' };
  });

// ----- Advancing -----

export const advanceFields = [
  'toStage',
  'contractValueReview',
  'modelAgreement',
  'confidentialityAgreement',
  'advanceNote',
] as const;
export const advanceForm = z.object({
  toStage: choice(advanceStages, 'Choose the next stage'),
  advanceNote: text('The note', 4000),
  contractValueReview: optionalChoice(
    slugsOf(contractValueReviews),
    'Choose the contract value review status from the list',
  ),
  modelAgreement: optionalChoice(
    slugsOf(modelAgreements),
    'Choose a model agreement from the list',
  ),
  confidentialityAgreement: optionalChoice(
    slugsOf(confidentialityAgreements),
    'Choose the confidentiality agreement status from the list',
  ),
});

// ----- Closing -----

export const closeFields = ['outcome', 'reason'] as const;
export const closeForm = z.object({
  outcome: choice(slugsOf(closureOutcomes), 'Select the outcome'),
  reason: text('The reason', 2000, { required: 'Enter why the enquiry is being closed' }),
});

// ----- A site's answer -----

export const responseFields = [
  'interested',
  'principalInvestigator',
  'estimatedRecruitment',
  'responseNote',
] as const;
export const responseForm = z
  .object({
    interested: choice(['yes', 'no'], 'Select yes if your organisation can take part'),
    principalInvestigator: text('The principal investigator’s name', 200),
    estimatedRecruitment: z
      .unknown()
      .optional()
      .transform((value) => (typeof value === 'string' ? value.replace(/[\s,]/g, '') : ''))
      .superRefine((value, context) => {
        if (value !== '' && !/^\d{1,7}$/.test(value)) {
          context.addIssue({
            code: 'custom',
            message: 'Estimated recruitment must be a whole number, like 40',
          });
        } else if (value !== '' && Number(value) > 1_000_000) {
          context.addIssue({
            code: 'custom',
            message: 'Estimated recruitment must be 1,000,000 or fewer',
          });
        }
      })
      .transform((value) => (value === '' ? null : Number(value))),
    responseNote: text('The note', 4000),
  })
  .superRefine((form, context) => {
    if (form.interested === 'yes' && !form.principalInvestigator) {
      context.addIssue({
        code: 'custom',
        path: ['principalInvestigator'],
        message: 'Enter the name of the principal investigator',
      });
    }
  });

// ----- The queue's query string -----

export const queuePageSize = 25;
export const queueFields = ['stage', 'owner', 'overdue', 'sort', 'page'] as const;
// 'not-closed' and 'all' are filters over several stages; the rest are the stages themselves.
const stageFilters = ['not-closed', 'all', ...enquiryStages.map((stage) => stage.slug)] as const;
export type StageFilter = (typeof stageFilters)[number];

const single = (value: unknown): unknown =>
  Array.isArray(value) ? (value as unknown[])[0] : value;

export const queueQuery = z.object({
  stage: z.preprocess(
    (value) => single(value) || 'not-closed',
    z.enum(stageFilters as unknown as [StageFilter, ...StageFilter[]], {
      error: 'Choose a stage from the list',
    }),
  ),
  owner: z.preprocess(
    (value) => single(value) ?? '',
    z
      .string({ error: 'Choose an owner from the list' })
      .refine((value) => value === '' || value === 'mine' || value === 'nobody' || isId(value), {
        error: 'Choose an owner from the list',
      }),
  ),
  overdue: z.preprocess(
    (value) => single(value) ?? '',
    z.enum(['', 'yes'], { error: 'Choose whether to show only overdue enquiries' }),
  ),
  sort: z.preprocess(
    (value) => single(value) || 'oldest',
    z.enum(['oldest', 'newest'], { error: 'Choose oldest or newest first' }),
  ),
  page: z.preprocess(
    (value) => single(value) ?? '1',
    z
      .string({ error: 'The page number must be a whole number' })
      .regex(/^[1-9]\d{0,5}$/, { error: 'The page number must be a whole number' })
      .transform(Number),
  ),
});
