import { z } from 'zod';

/**
 * Text that PostgreSQL can store: it refuses the NUL character in text and JSON, so a value
 * holding one is refused here, naming the field, instead of failing in the database. `message`
 * is for a value that is not text at all; other problems keep their own messages.
 */
export const storableText = (message: string) =>
  z
    // The types say this error is only for a wrong type, but zod also falls back to it for the
    // checks chained after (max, min) that have no message of their own: keep theirs.
    .string({ error: (issue) => ((issue.code as string) === 'invalid_type' ? message : undefined) })
    .refine((value) => !value.includes('\u0000'), { error: 'must not contain the NUL character' });
