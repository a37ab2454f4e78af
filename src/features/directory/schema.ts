import { z } from 'zod';
import {
  capabilityTypes,
  healthCategories,
  midlandsPlaces,
  organisationTypes,
  type CapabilityType,
  type HealthCategory,
  type MidlandsPlace,
  type OrganisationType,
} from './model.js';

export const maxQueryLength = 200;
export const defaultPageSize = 20;
export const maxPageSize = 100;
/** Deep pages cost the database and help nobody; narrow the search instead. */
export const maxPage = 500;

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

/** A query parameter that may be given once or repeated, each value from a fixed list. */
function oneOrMore<T extends string>(values: readonly [T, ...T[]], what: string) {
  const allowed = new Set<string>(values);
  return z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(
      z
        .array(
          z.string().refine((value) => allowed.has(value), {
            error: (issue) => `${String(issue.input).slice(0, 60)} is not a known ${what}`,
          }),
        )
        .max(30, { error: `Choose at most 30 values of ${what}` }),
    )
    .transform((list) => [...new Set(list)] as T[]);
}

/** Organisation slugs: checked for shape here, for existence by the search (unknown ones match nothing). */
const organisationSlugs = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Organisation must be an organisation slug' })
          .max(80, { error: 'Organisation must be an organisation slug' }),
      )
      .max(30, { error: 'Choose at most 30 organisations' }),
  )
  .transform((list) => [...new Set(list)]);

function wholeNumber(name: string, min: number, max: number, fallback: number) {
  return z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value === '') return fallback;
      if (!/^\d{1,6}$/.test(value) || Number(value) < min || Number(value) > max) {
        context.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from ${min} to ${max}`,
        });
        return z.NEVER;
      }
      return Number(value);
    });
}

const queryText = z
  .string()
  .optional()
  .transform((value) => (value ?? '').replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .max(maxQueryLength, { error: `Search words must be ${maxQueryLength} characters or fewer` })
      .refine((value) => !/[\p{Cc}\ufffd]/u.test(value), {
        error: 'Search words must not contain control characters',
      }),
  );

const sortOrder = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value === '' ? undefined : value))
  .pipe(
    z
      .enum(['relevance', 'title', 'updated'], {
        error: 'Sort must be relevance, title or updated',
      })
      .optional(),
  );

/** The parameters of a capability search, shared by the page and the JSON API. */
export const capabilitySearchParameters = z.object({
  q: queryText,
  type: oneOrMore(slugsOf(capabilityTypes), 'capability type'),
  category: oneOrMore(slugsOf(healthCategories), 'health category'),
  organisation: organisationSlugs,
  location: oneOrMore(slugsOf(midlandsPlaces), 'location'),
  sort: sortOrder,
  page: wholeNumber('Page', 1, maxPage, 1),
  pageSize: wholeNumber('Page size', 1, maxPageSize, defaultPageSize),
});
export type CapabilitySearchParameters = z.infer<typeof capabilitySearchParameters>;

export const personSearchParameters = z.object({
  q: queryText,
  organisation: organisationSlugs,
  page: wholeNumber('Page', 1, maxPage, 1),
  pageSize: wholeNumber('Page size', 1, maxPageSize, defaultPageSize),
});
export type PersonSearchParameters = z.infer<typeof personSearchParameters>;

export const organisationSearchParameters = z.object({
  q: queryText,
  type: oneOrMore(slugsOf(organisationTypes), 'organisation type'),
  page: wholeNumber('Page', 1, maxPage, 1),
  pageSize: wholeNumber('Page size', 1, maxPageSize, defaultPageSize),
});
export type OrganisationSearchParameters = z.infer<typeof organisationSearchParameters>;

export const recordId = z.object({
  id: z.uuid({ error: 'The id must be a UUID' }),
});

export type { CapabilityType, HealthCategory, MidlandsPlace, OrganisationType };
