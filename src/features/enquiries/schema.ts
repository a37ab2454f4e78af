import { z } from 'zod';
import { healthCategories, type HealthCategory } from '../directory/model.js';
import {
  enquiryTypes,
  trialPhases,
  typesWithPhase,
  type EnquiryType,
  type TrialPhase,
} from './model.js';

/**
 * The enquiry as the web form and the JSON API send it. Both are checked by the same rules and
 * give the same EnquiryInput; they differ only in how values arrive (a form sends text only, the
 * API sends numbers and booleans) and in how lenient they are about extras.
 */

export interface EnquiryInput {
  organisationName: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string | null;
  enquiryType: EnquiryType;
  healthCategory: HealthCategory;
  /** Only for the enquiry types that have phases; null otherwise. */
  phase: TrialPhase | null;
  participants: number | null;
  sites: number | null;
  timeline: string | null;
  description: string;
  /** A published capability the enquiry is about; checked against the directory by the caller. */
  capabilityId: string | null;
}

/** The form's fields in the order the page shows them, for the error summary. */
export const enquiryFields = [
  'organisationName',
  'contactName',
  'contactEmail',
  'contactPhone',
  'enquiryType',
  'healthCategory',
  'phase',
  'participants',
  'sites',
  'timeline',
  'description',
  'consentToContact',
] as const;
export type EnquiryField = (typeof enquiryFields)[number];

export const limits = {
  name: 200,
  email: 254,
  phone: 40,
  timeline: 200,
  descriptionMin: 20,
  descriptionMax: 5_000,
  participants: 1_000_000,
  sites: 500,
} as const;

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

/** Length as people (and PostgreSQL's length()) count it: one per character, not per UTF-16 unit. */
export function characterCount(value: string): number {
  let count = 0;
  // Iterating a string visits code points, which is what is counted here.
  for (const _character of value) count += 1;
  return count;
}

// C0 and C1 controls and DEL; line breaks and tabs only where several lines make sense.
// eslint-disable-next-line no-control-regex
const anyControl = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const controlExceptLines = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

interface TextRule {
  /** The field's name in messages, starting with a capital: "Organisation name". */
  label: string;
  /** What to say when it is missing. */
  missing: string;
  max: number;
  min?: number;
  multiline?: boolean;
}

const formatCount = (count: number) => count.toLocaleString('en-GB');

/** Trimmed text, line breaks made \n, with the rule's length and no control characters. */
function checkedText(rule: TextRule, optional: boolean) {
  return z
    .preprocess(
      (value) => (optional && (value === undefined || value === null) ? '' : value),
      z.string({ error: rule.missing }),
    )
    .transform((value) => value.replace(/\r\n?/g, '\n').trim())
    .superRefine((value, context) => {
      const problem = (message: string) => context.addIssue({ code: 'custom', message });
      if (value === '') {
        if (!optional) problem(rule.missing);
        return;
      }
      if ((rule.multiline ? controlExceptLines : anyControl).test(value)) {
        problem(`${rule.label} must not contain control characters`);
        return;
      }
      const count = characterCount(value);
      if (rule.min !== undefined && count < rule.min) {
        problem(`${rule.label} must be at least ${formatCount(rule.min)} characters`);
      } else if (count > rule.max) {
        problem(`${rule.label} must be ${formatCount(rule.max)} characters or fewer`);
      }
    });
}

const requiredText = (rule: TextRule) => checkedText(rule, false);
const optionalText = (rule: TextRule) =>
  checkedText(rule, true).transform((value) => (value === '' ? null : value));

const emailMessage = 'Enter an email address in the correct format, like name@example.com';
const contactEmail = requiredText({
  label: 'Email address',
  missing: 'Enter your email address',
  max: limits.email,
}).pipe(z.email({ error: emailMessage }));

const phonePattern = /^\+?[0-9 ()\-.]{6,30}(\s*(ext\.?|x)\s*[0-9]{1,6})?$/i;
const contactPhone = optionalText({
  label: 'Telephone number',
  missing: '',
  max: limits.phone,
}).refine((value) => value === null || phonePattern.test(value), {
  error: 'Enter a telephone number, like 0121 496 0000 or +44 121 496 0000',
});

const organisationName = requiredText({
  label: 'Organisation name',
  missing: 'Enter the name of your organisation',
  max: limits.name,
});
const contactName = requiredText({
  label: 'Full name',
  missing: 'Enter your full name',
  max: limits.name,
});
const timeline = optionalText({
  label: 'Timeline',
  missing: '',
  max: limits.timeline,
});
const description = requiredText({
  label: 'Description',
  missing: 'Describe what you need from the alliance',
  min: limits.descriptionMin,
  max: limits.descriptionMax,
  multiline: true,
});

const enquiryType = z.enum(slugsOf(enquiryTypes), {
  error: 'Select what your enquiry is about',
});

const phaseSlugs = slugsOf(trialPhases);
const phaseMessage = 'Select a trial phase from the list';

interface NumberRule {
  label: string;
  max: number;
  example: string;
}
const participantsRule: NumberRule = {
  label: 'Number of participants',
  max: limits.participants,
  example: '250',
};
const sitesRule: NumberRule = { label: 'Number of sites', max: limits.sites, example: '3' };

const rangeMessage = (rule: NumberRule) =>
  `${rule.label} must be between 1 and ${formatCount(rule.max)}`;

/** A whole number typed into a form: "1,200" and " 12 " are fine, "12.5" and "ten" are not. */
function formWholeNumber(rule: NumberRule) {
  const wholeMessage = `${rule.label} must be a whole number, like ${rule.example}`;
  return z
    .string({ error: wholeMessage })
    .optional()
    .transform((value) => (value ?? '').replace(/[\s,]/g, ''))
    .superRefine((value, context) => {
      if (value === '') return;
      if (!/^\d{1,9}$/.test(value)) context.addIssue({ code: 'custom', message: wholeMessage });
      else if (Number(value) < 1 || Number(value) > rule.max)
        context.addIssue({ code: 'custom', message: rangeMessage(rule) });
    })
    .transform((value) => (value === '' ? null : Number(value)));
}

/** A whole number in JSON: a number, or null or absent when not known. */
function apiWholeNumber(rule: NumberRule) {
  return z
    .number({ error: `${rule.label} must be a whole number, or null` })
    .int({ error: `${rule.label} must be a whole number` })
    .min(1, { error: rangeMessage(rule) })
    .max(rule.max, { error: rangeMessage(rule) })
    .nullish()
    .transform((value) => value ?? null);
}

const consentMessage = 'Confirm that we may contact you about your enquiry';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is the textual form of a UUID (anything else cannot be a capability id). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

const healthCategorySlugs = new Set<string>(healthCategories.map((category) => category.slug));
const healthCategoryByName = new Map<string, HealthCategory>(
  healthCategories.map((category) => [category.name, category.slug]),
);

type ParsedFields = Omit<EnquiryInput, 'phase'> & { phase: TrialPhase | null };

/** The phase only means something for trials and device studies; for anything else it is dropped. */
function toInput(fields: ParsedFields): EnquiryInput {
  return {
    organisationName: fields.organisationName,
    contactName: fields.contactName,
    contactEmail: fields.contactEmail,
    contactPhone: fields.contactPhone,
    enquiryType: fields.enquiryType,
    healthCategory: fields.healthCategory,
    phase: typesWithPhase.includes(fields.enquiryType) ? fields.phase : null,
    participants: fields.participants,
    sites: fields.sites,
    timeline: fields.timeline,
    description: fields.description,
    capabilityId: fields.capabilityId,
  };
}

/** The web form. Every value is text; a capability id that is not an id is quietly dropped. */
export const enquiryForm = z
  .object({
    organisationName,
    contactName,
    contactEmail,
    contactPhone,
    enquiryType,
    healthCategory: z
      .string({ error: 'Select the health category of your study' })
      .refine((value) => healthCategorySlugs.has(value), {
        error: 'Select the health category of your study',
      })
      .transform((value) => value as HealthCategory),
    phase: z
      .string({ error: phaseMessage })
      .optional()
      .transform((value) => value ?? '')
      .refine((value) => value === '' || (phaseSlugs as string[]).includes(value), {
        error: phaseMessage,
      })
      .transform((value) => (value === '' ? null : (value as TrialPhase))),
    participants: formWholeNumber(participantsRule),
    sites: formWholeNumber(sitesRule),
    timeline,
    description,
    consentToContact: z.literal('yes', { error: consentMessage }),
    capabilityId: z
      .unknown()
      .optional()
      .transform((value) => (isUuid(value) ? value.toLowerCase() : null)),
  })
  .transform(toInput);

/** The JSON API. Unknown fields are refused, so a misspelt field name is not silently lost. */
export const enquiryApiBody = z
  .strictObject(
    {
      organisationName,
      contactName,
      contactEmail,
      contactPhone,
      enquiryType: z.enum(slugsOf(enquiryTypes), {
        error: `enquiryType must be one of: ${slugsOf(enquiryTypes).join(', ')}`,
      }),
      healthCategory: z
        .string({ error: 'healthCategory must be the name of an HRCS health category' })
        .transform((value, context) => {
          const slug =
            healthCategoryByName.get(value) ??
            (healthCategorySlugs.has(value) ? (value as HealthCategory) : undefined);
          if (slug) return slug;
          context.addIssue({
            code: 'custom',
            message: `"${value.slice(0, 60)}" is not an HRCS health category; use one of: ${healthCategories.map((category) => category.name).join(', ')}`,
          });
          return z.NEVER;
        }),
      phase: z
        .enum(phaseSlugs, { error: `phase must be one of: ${phaseSlugs.join(', ')}, or null` })
        .nullish()
        .transform((value) => value ?? null),
      participants: apiWholeNumber(participantsRule),
      sites: apiWholeNumber(sitesRule),
      timeline,
      description,
      consentToContact: z.literal(true, {
        error: 'consentToContact must be true: we can only answer if we may contact you',
      }),
      capabilityId: z
        .string({ error: 'capabilityId must be the id of a published capability, or null' })
        .refine(isUuid, { error: 'capabilityId must be a UUID' })
        .nullish()
        .transform((value) => (value ? value.toLowerCase() : null)),
    },
    { error: 'The request body must be a JSON object' },
  )
  .transform(toInput);

/** Each problem of an API request as { name, reason }: one per bad or unknown field. */
export function apiErrorsFrom(error: z.ZodError): { name: string; reason: string }[] {
  const seen = new Set<string>();
  const errors: { name: string; reason: string }[] = [];
  for (const issue of error.issues) {
    const entries =
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({
            name: key,
            reason: `${key.slice(0, 60)} is not a field of an enquiry`,
          }))
        : [{ name: issue.path.length ? issue.path.join('.') : 'body', reason: issue.message }];
    for (const entry of entries) {
      if (seen.has(entry.name)) continue;
      seen.add(entry.name);
      errors.push(entry);
    }
  }
  return errors;
}
