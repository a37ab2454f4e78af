import { z } from 'zod';
import { isMailId } from '../../platform/mail/index.js';

export const mailListQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).optional().default(1),
});

export const mailMessageParams = z.object({
  id: z.string().refine(isMailId),
});
