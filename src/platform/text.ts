import { z } from 'zod';

/**
 * Text that PostgreSQL can store: it refuses the NUL character in text and JSON, so a value
 * holding one is refused here, naming the field, instead of failing in the database.
 */
export const storableText = (message: string) =>
  z
    .string({ error: message })
    .refine((value) => !value.includes('\u0000'), { error: 'must not contain the NUL character' });
