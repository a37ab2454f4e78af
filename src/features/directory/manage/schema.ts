import { z } from 'zod';
import {
  capabilityTypes,
  healthCategories,
  isValidOrcid,
  midlandsPlaces,
  organisationTypes,
  recordStatuses,
} from '../model.js';
import type { StatusAction } from '../records.js';

/**
 * The forms and query strings of directory maintenance. Every value arrives as text (or a list
 * of texts when a field is repeated) and anything may have been tampered with, so each field
 * is checked for type, length and, where there is a fixed list, membership.
 */

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

/** Characters PostgreSQL refuses in text (NUL) and other invisible controls; tab and line breaks are fine. */
function hasControlCharacters(value: string): boolean {
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f) {
      return true;
    }
  }
  return false;
}

const plainText = (label: string) =>
  z.string({ error: `Enter the ${label}` }).refine((value) => !hasControlCharacters(value), {
    error: `The ${label} must not contain control characters`,
  });

const requiredText = (label: string, max: number, enter = `Enter the ${label}`) =>
  plainText(label)
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, enter)
        .max(max, `The ${label} must be ${max.toLocaleString('en-GB')} characters or fewer`),
    );

const optionalText = (label: string, max: number) =>
  plainText(label)
    .optional()
    .transform((value) => (value ?? '').trim())
    .pipe(
      z
        .string()
        .max(max, `The ${label} must be ${max.toLocaleString('en-GB')} characters or fewer`),
    );

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value from an address or a form is a record id (anything else cannot exist). */
export function isRecordId(value: unknown): value is string {
  return typeof value === 'string' && uuidPattern.test(value);
}

/** A field that may be sent once, many times or not at all, as a list. */
const listOf = <T extends string>(item: z.ZodType<T, string>, message: string) =>
  z
    .union([z.string(), z.array(z.string())], { error: message })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .transform((values) => values.filter((value) => value !== ''))
    .pipe(z.array(item, { error: message }))
    .transform((values) => [...new Set(values)]);

export const maxKeywords = 20;
export const maxKeywordLength = 60;

/** Keywords typed into one box, separated by commas: trimmed, lower case, each once. */
const keywords = z
  .string({ error: 'Enter keywords separated by commas' })
  .optional()
  .transform((value) => value ?? '')
  .pipe(
    z
      .string()
      .max(2_000, 'Keywords must be 2,000 characters or fewer in all')
      .refine((value) => !hasControlCharacters(value), {
        error: 'Keywords must not contain control characters',
      }),
  )
  .transform((value) => [
    ...new Set(
      value
        .split(',')
        .map((keyword) => keyword.replace(/\s+/g, ' ').trim().toLowerCase())
        .filter((keyword) => keyword !== ''),
    ),
  ])
  .pipe(
    z
      .array(
        z
          .string()
          .max(
            maxKeywordLength,
            `Each keyword must be ${maxKeywordLength} characters or fewer; separate keywords with commas`,
          ),
      )
      .max(maxKeywords, `Enter ${maxKeywords} keywords or fewer`),
  );

const organisationChoice = z
  .string({ error: 'Choose an organisation' })
  .trim()
  .min(1, 'Choose an organisation')
  .refine(isRecordId, { error: 'Choose an organisation from the list' });

export const capabilityForm = z.object({
  title: requiredText('title', 200),
  summary: requiredText('summary', 400),
  description: optionalText('description', 8_000),
  type: z.enum(slugsOf(capabilityTypes), { error: 'Choose the type of capability' }),
  organisationId: organisationChoice,
  place: z.enum(slugsOf(midlandsPlaces), { error: 'Choose where the capability is' }),
  categories: listOf(
    z.enum(slugsOf(healthCategories), { error: 'Choose health categories from the list' }),
    'Choose health categories from the list',
  )
    .refine((values) => values.length >= 1, { error: 'Choose at least one health category' })
    .refine((values) => values.length <= 5, { error: 'Choose no more than 5 health categories' }),
  keywords,
  personIds: listOf(
    z.string().refine(isRecordId, { error: 'Choose people from the list' }),
    'Choose people from the list',
  ).refine((values) => values.length <= 200, { error: 'Choose no more than 200 people' }),
});
export type CapabilityForm = z.infer<typeof capabilityForm>;
export const capabilityFields = [
  'title',
  'summary',
  'description',
  'type',
  'organisationId',
  'place',
  'categories',
  'keywords',
  'personIds',
] as const;

export const orcidMessage = 'Enter a real ORCID iD, like 0000-0002-1825-0097';

/** Optional; a pasted https://orcid.org/… address is accepted for the iD it ends with. */
const orcid = z
  .string({ error: orcidMessage })
  .optional()
  .transform((value) =>
    (value ?? '')
      .trim()
      .replace(/^https?:\/\/(www\.)?orcid\.org\//i, '')
      .toUpperCase(),
  )
  .pipe(
    z
      .string()
      .refine((value) => value === '' || isValidOrcid(value), { error: orcidMessage })
      .transform((value) => (value === '' ? null : value)),
  );

export const personForm = z.object({
  fullName: requiredText('full name', 200),
  jobTitle: requiredText('job title', 200),
  organisationId: organisationChoice,
  expertise: optionalText('expertise', 4_000),
  orcid,
  keywords,
});
export type PersonForm = z.infer<typeof personForm>;
export const personFields = [
  'fullName',
  'jobTitle',
  'organisationId',
  'expertise',
  'orcid',
  'keywords',
] as const;

const websiteUrl = plainText('website')
  .optional()
  .transform((value) => (value ?? '').trim())
  .pipe(
    z
      .string()
      .max(500, 'The website address must be 500 characters or fewer')
      .refine((value) => value === '' || isWebAddress(value), {
        error: 'Enter the website address in the correct format, like https://www.example.org',
      })
      .transform((value) => (value === '' ? null : value)),
  );

function isWebAddress(value: string): boolean {
  if (!/^https?:\/\/[^\s]+$/i.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const organisationForm = z.object({
  name: requiredText('name', 200),
  shortName: requiredText('short name', 80),
  type: z.enum(slugsOf(organisationTypes), { error: 'Choose the type of organisation' }),
  city: requiredText('town or city', 100),
  websiteUrl,
  summary: requiredText('summary', 400),
  description: optionalText('description', 4_000),
});
export type OrganisationForm = z.infer<typeof organisationForm>;

/** A new organisation also chooses the name its public address ends with; it never changes. */
export const newOrganisationForm = organisationForm.extend({
  slug: requiredText('web address name', 80).pipe(
    z
      .string()
      .regex(
        /^[a-z0-9]+(-[a-z0-9]+)*$/,
        'The web address name must be lower-case letters and numbers, with single hyphens between words, like university-of-example',
      ),
  ),
});

export const organisationFields = [
  'name',
  'shortName',
  'slug',
  'type',
  'city',
  'websiteUrl',
  'summary',
  'description',
] as const;

const statusActionSlugs = [
  'submit',
  'publish',
  'return',
  'archive',
  'restore',
] as const satisfies readonly StatusAction[];

export const statusChangeForm = z.object({
  action: z.enum(statusActionSlugs, { error: 'Choose a change from the buttons on the page' }),
});
export const statusChangeFields = ['action'] as const;

export const listPageSize = 20;
export const maxListPage = 500;

/** The filters of a list of records, from its query string. */
export const listQuery = z.object({
  status: z
    .string({ error: 'Choose a status from the list' })
    .optional()
    .transform((value) => (value === undefined || value === '' ? undefined : value))
    .pipe(z.enum(slugsOf(recordStatuses), { error: 'Choose a status from the list' }).optional()),
  q: z
    .string({ error: 'Enter words to look for' })
    .optional()
    .transform((value) => (value ?? '').replace(/\s+/g, ' ').trim())
    .pipe(
      z
        .string()
        .max(200, 'Words to look for must be 200 characters or fewer')
        .refine((value) => !hasControlCharacters(value), {
          error: 'Words to look for must not contain control characters',
        }),
    ),
  page: z
    .string({ error: 'Page must be a whole number' })
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return 1;
      if (!/^\d{1,4}$/.test(value) || Number(value) < 1 || Number(value) > maxListPage) {
        context.addIssue({
          code: 'custom',
          message: `Page must be a whole number from 1 to ${maxListPage}`,
        });
        return z.NEVER;
      }
      return Number(value);
    }),
});
export type ListQuery = z.infer<typeof listQuery>;
export const listQueryFields = ['q', 'status', 'page'] as const;
