import { z } from 'zod';

export const tokenLifetimes = ['30', '90', '365', 'never'] as const;

export const newTokenForm = z.object({
  name: z
    .string({ error: 'Enter a name for the token' })
    .trim()
    .min(1, 'Enter a name for the token')
    .max(100, 'Token name must be 100 characters or fewer'),
  lifetime: z.enum(tokenLifetimes, { error: 'Choose how long the token will work' }),
});
export const newTokenFields = ['name', 'lifetime'] as const;
