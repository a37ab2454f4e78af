import type { z } from 'zod';

export interface FormErrors {
  /** For the NHS.UK error summary: one entry per field, in form order, linking to the field. */
  summary: { text: string; href: string }[];
  /** For each field's errorMessage. */
  fields: Record<string, { text: string }>;
}

export const noFormErrors: FormErrors = { summary: [], fields: {} };

/** The one place a schema's complaints become the error summary and field messages. */
export function formErrorsFrom(error: z.ZodError, fieldOrder: readonly string[]): FormErrors {
  const fields: Record<string, { text: string }> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? fieldOrder[0] ?? 'form');
    fields[field] ??= { text: issue.message };
  }
  return fromFieldMessages(fields, fieldOrder);
}

/** Errors found by a rule after the schema passed (for example a wrong current password). */
export function formErrorsFor(
  messages: Record<string, string>,
  fieldOrder: readonly string[],
): FormErrors {
  return fromFieldMessages(
    Object.fromEntries(Object.entries(messages).map(([field, text]) => [field, { text }])),
    fieldOrder,
  );
}

function fromFieldMessages(
  fields: Record<string, { text: string }>,
  fieldOrder: readonly string[],
): FormErrors {
  const ordered = [...fieldOrder, ...Object.keys(fields).filter((f) => !fieldOrder.includes(f))];
  return {
    summary: ordered.flatMap((field) => {
      const message = fields[field];
      return message ? [{ text: message.text, href: `#${field}` }] : [];
    }),
    fields,
  };
}
