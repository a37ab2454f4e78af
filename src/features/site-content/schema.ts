import { z } from 'zod';

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter the ${label}` })
    .trim()
    .min(1, `Enter the ${label}`)
    .max(max, `The ${label} must be ${max.toLocaleString('en-GB')} characters or fewer`);

const optionalText = (label: string, max: number) =>
  z
    .string({ error: `The ${label} must be text` })
    .trim()
    .max(max, `The ${label} must be ${max.toLocaleString('en-GB')} characters or fewer`)
    .optional()
    .transform((value) => (value ? value : null));

export const pageForm = z
  .object({
    title: text('page title', 200),
    summary: text('summary', 400),
    bodyMarkdown: text('page text', 50_000),
    calloutHeading: optionalText('highlighted box heading', 120),
    calloutMarkdown: optionalText('highlighted box text', 2_000),
    action: z.enum(['preview', 'save', 'publish'], {
      error: 'Choose preview, save draft or publish',
    }),
  })
  .superRefine((form, context) => {
    if (form.calloutHeading && !form.calloutMarkdown) {
      context.addIssue({
        code: 'custom',
        path: ['calloutMarkdown'],
        message: 'Enter the highlighted box text, or remove its heading',
      });
    }
    if (!form.calloutHeading && form.calloutMarkdown) {
      context.addIssue({
        code: 'custom',
        path: ['calloutHeading'],
        message: 'Enter the highlighted box heading, or remove its text',
      });
    }
  });

export const pageFormFields = [
  'title',
  'summary',
  'bodyMarkdown',
  'calloutHeading',
  'calloutMarkdown',
  'action',
] as const;
