// What a study, a site, a milestone and a day's recruitment must look like, checked the same way
// for the JSON API and the pages (which turn their text fields into these shapes first).
import { z } from 'zod';
import { storableText } from '../../platform/text.js';
import { healthCategories } from '../directory/model.js';
import { trialPhases } from '../enquiries/model.js';
import { isoDate } from '../../platform/iso-date.js';
import { studyTypes } from './model.js';

export { isoDate };

const slugsOf = <T extends { slug: string }>(list: readonly T[]) =>
  list.map((item) => item.slug) as [T['slug'], ...T['slug'][]];

const text = (name: string, max: number) =>
  storableText(`Enter ${name}`)
    .trim()
    .min(1, { error: `Enter ${name}` })
    .max(max, {
      error: `${name[0]?.toUpperCase() ?? ''}${name.slice(1)} must be ${max} characters or fewer`,
    });

const optionalId = (pattern: RegExp, message: string) =>
  storableText(message)
    .trim()
    .regex(pattern, { error: message })
    .nullable()
    .optional()
    .transform((value) => value ?? null);

const target = (name: string) =>
  z
    .number({ error: `${name} must be a whole number` })
    .int({ error: `${name} must be a whole number` })
    .min(1, { error: `${name} must be at least 1` })
    .max(1_000_000, { error: `${name} must be 1,000,000 or fewer` });

export const studyInputSchema = z
  .strictObject({
    title: text('the full title', 300),
    shortTitle: text('a short title', 80),
    sponsor: text('the sponsor', 200),
    isCommercial: z.boolean({ error: 'Say whether the study is commercial' }),
    studyType: z.enum(slugsOf(studyTypes), { error: 'Choose the type of study' }),
    phase: z.enum(slugsOf(trialPhases), { error: 'Choose the phase' }),
    irasId: optionalId(/^\d{4,7}$/, 'The IRAS ID must be 4 to 7 digits, like 312345'),
    isrctn: optionalId(
      /^ISRCTN\d{8}$/,
      'The ISRCTN must be ISRCTN and 8 digits, like ISRCTN12345678',
    ),
    nctId: optionalId(
      /^NCT\d{8}$/,
      'The ClinicalTrials.gov number must be NCT and 8 digits, like NCT01234567',
    ),
    euCtNumber: optionalId(
      /^\d{4}-\d{6}-\d{2}(-\d{2})?$/,
      'The EU CT or EudraCT number must look like 2023-501234-12-00 or 2019-001234-56',
    ),
    healthCategory: z.enum(slugsOf(healthCategories), { error: 'Choose a health category' }),
    mhraApprovalNeeded: z.boolean({ error: 'Say whether MHRA approval is needed' }),
    recruitmentTarget: target('The recruitment target'),
    plannedStart: isoDate('The planned recruitment start'),
    plannedEnd: isoDate('The planned recruitment end'),
    enquiryReference: z
      .string()
      .regex(/^MHA-\d{4}-\d{5,}$/, { error: 'The enquiry reference must look like MHA-2026-00042' })
      .nullable()
      .optional()
      .transform((value) => value ?? null),
  })
  .refine((study) => study.plannedEnd > study.plannedStart, {
    path: ['plannedEnd'],
    error: 'The planned recruitment end must be after its start',
  });
export type StudyInput = z.infer<typeof studyInputSchema>;

export const siteInputSchema = z
  .strictObject({
    organisation: storableText('Choose the partner trust')
      .trim()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'Choose the partner trust' }),
    principalInvestigator: text('the principal investigator', 200),
    recruitmentTarget: target('The site target'),
    plannedOpen: isoDate('The planned opening date'),
    plannedClose: isoDate('The planned close date'),
  })
  .refine((site) => site.plannedClose > site.plannedOpen, {
    path: ['plannedClose'],
    error: 'The planned close date must be after the opening date',
  });
export type SiteInput = z.infer<typeof siteInputSchema>;

export const milestoneInputSchema = z.strictObject({
  achievedOn: isoDate('The date'),
  evidence: storableText('Evidence must be text')
    .trim()
    .max(2000, { error: 'Evidence must be 2,000 characters or fewer' })
    .optional()
    .transform((value) => value ?? ''),
});
export type MilestoneInput = z.infer<typeof milestoneInputSchema>;

export const recruitmentRowSchema = z.strictObject({
  /** The site's partner trust, by its short code (uhb) or the site's id. */
  site: storableText('Name the site').trim().min(1, { error: 'Name the site' }).max(100),
  date: isoDate('The date'),
  participants: z
    .number({ error: 'Participants must be a whole number' })
    .int({ error: 'Participants must be a whole number' })
    .min(0, { error: 'Participants cannot be negative' })
    .max(10_000, { error: 'Participants must be 10,000 or fewer a day' }),
});
export type RecruitmentRow = z.infer<typeof recruitmentRowSchema>;

export const recruitmentBatchSchema = z
  .array(recruitmentRowSchema, { error: 'Send a list of {site, date, participants} rows' })
  .min(1, { error: 'Send at least one row' })
  .max(10_000, { error: 'Send at most 10,000 rows at a time' });

/** `field: message` problems from a zod error, with list positions as row numbers. */
export function problemsFrom(error: z.ZodError): { name: string; reason: string }[] {
  return error.issues.map((issue) => ({
    name: issue.path.map(String).join('.') || 'body',
    reason: issue.message,
  }));
}
