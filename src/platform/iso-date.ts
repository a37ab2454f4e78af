import { z } from 'zod';

/** A real calendar date written YYYY-MM-DD. */
export const isoDate = (name: string) =>
  z
    .string({ error: `${name} must be a date written YYYY-MM-DD` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `${name} must be a date written YYYY-MM-DD` })
    .refine(
      (value) => {
        const date = new Date(`${value}T00:00:00Z`);
        return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
      },
      { error: `${name} must be a real date` },
    )
    .refine((value) => value >= '2000-01-01' && value <= '2100-12-31', {
      error: `${name} must be between 2000 and 2100`,
    });
