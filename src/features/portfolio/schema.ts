// What a project, a grand challenge, a stage move and a pair decision must look like, checked the
// same way for the API and the pages.
import { z } from 'zod';
import { storableText } from '../../platform/text.js';
import { healthCategories } from '../directory/model.js';
import { isoDate } from '../../platform/iso-date.js';
import { challengeStatuses, pairDecisions } from './model.js';

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

const text = (name: string, min: number, max: number) =>
  storableText(`Enter ${name}`)
    .trim()
    .min(min, { error: min > 1 ? `${name} must be at least ${min} characters` : `Enter ${name}` })
    .max(max, { error: `${name} must be ${max.toLocaleString('en-GB')} characters or fewer` });

const uuidOrSlug = storableText('must be an id or a short name')
  .trim()
  .regex(
    /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9]+(-[a-z0-9]+)*)$/,
    {
      error: 'must be an id or a short name',
    },
  );

const list = <T extends z.ZodType>(item: T, max: number) =>
  z
    .array(item, { error: 'must be a list' })
    .max(max, { error: `may hold at most ${max}` })
    .optional()
    .transform((value) => [...new Set((value ?? []) as z.infer<T>[])]);

export const projectInputSchema = z
  .strictObject({
    title: text('a title', 1, 400),
    laySummary: text('a lay summary', 1, 3000)
      .optional()
      .transform((v) => v ?? ''),
    abstract: text('an abstract', 50, 10_000),
    healthCategory: z.enum(slugsOf(healthCategories), { error: 'Choose a health category' }),
    leadOrganisationId: uuidOrSlug,
    partnerOrganisationIds: list(uuidOrSlug, 30),
    investigatorIds: list(z.uuid({ error: 'must be a person id from the directory' }), 30),
    grandChallenges: list(uuidOrSlug, 10),
    researchActivityCode: z
      .string()
      .regex(/^[1-8](\.\d{1,2})?$/, { error: 'The research activity code must look like 6 or 6.1' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    funder: text('the funder', 1, 200)
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    amountPounds: z
      .number({ error: 'The amount must be a whole number of pounds' })
      .int({ error: 'The amount must be a whole number of pounds' })
      .min(0, { error: 'The amount cannot be negative' })
      .max(1_000_000_000, { error: 'The amount must be £1,000,000,000 or less' })
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    startDate: isoDate('The start date')
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    endDate: isoDate('The end date')
      .nullable()
      .optional()
      .transform((v) => v ?? null),
    pipeline: uuidOrSlug
      .nullable()
      .optional()
      .transform((v) => v ?? null),
  })
  .refine((p) => !p.startDate || !p.endDate || p.endDate >= p.startDate, {
    path: ['endDate'],
    error: 'The end date must not be before the start date',
  });
export type ProjectInput = z.infer<typeof projectInputSchema>;

export const challengeInputSchema = z.strictObject({
  title: text('a title', 1, 200),
  summary: text('a summary', 1, 2000),
  description: storableText('must be text')
    .trim()
    .max(20_000)
    .optional()
    .transform((v) => v ?? ''),
  leads: storableText('must be text')
    .trim()
    .max(500)
    .optional()
    .transform((v) => v ?? ''),
  status: z.enum(slugsOf(challengeStatuses), { error: 'Choose a status' }),
  organisations: list(uuidOrSlug, 30),
});
export type ChallengeInput = z.infer<typeof challengeInputSchema>;

export const stageMoveSchema = z.strictObject({
  stage: storableText('Choose a stage').trim().min(1, { error: 'Choose a stage' }).max(60),
  enteredOn: isoDate('The date'),
  evidence: text('the evidence for the gate', 1, 4000),
});
export type StageMoveInput = z.infer<typeof stageMoveSchema>;

export const pairDecisionSchema = z.strictObject({
  otherProjectId: z.uuid({ error: 'must be a project id' }),
  decision: z.enum(slugsOf(pairDecisions), { error: 'Choose distinct or should collaborate' }),
  note: storableText('must be text')
    .trim()
    .max(2000)
    .optional()
    .transform((v) => v ?? ''),
});
export type PairDecisionInput = z.infer<typeof pairDecisionSchema>;
