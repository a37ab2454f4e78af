import { z } from 'zod';

const optionalText = (max: number, message: string) =>
  z
    .string({ error: message })
    .trim()
    .max(max, message)
    .optional()
    .transform((value) => (value ? value : undefined));

const isoDate = (message: string) =>
  z
    .string({ error: message })
    .trim()
    .optional()
    .transform((value, context) => {
      if (!value) return undefined;
      const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null;
      if (!date || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) {
        context.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return date;
    });

export const auditFilterQuery = z.object({
  actor: optionalText(200, 'Actor must be 200 characters or fewer'),
  action: optionalText(60, 'Action must be 60 characters or fewer'),
  entityType: optionalText(60, 'Record type must be 60 characters or fewer'),
  from: isoDate('From date must be a real date, like 2026-11-28'),
  to: isoDate('To date must be a real date, like 2026-11-28'),
  page: z.coerce
    .number({ error: 'Page must be a whole number' })
    .int('Page must be a whole number')
    .min(1, 'Page must be 1 or more')
    .max(100_000, 'Page must be 100000 or less')
    .optional()
    .default(1),
});
export const auditFilterFields = ['actor', 'action', 'entityType', 'from', 'to', 'page'] as const;
