import { z } from 'zod';
import { roles } from '../../platform/auth/roles.js';

export const inviteForm = z
  .object({
    email: z
      .string({ error: 'Enter their email address' })
      .trim()
      .min(1, 'Enter their email address')
      .max(320, 'Email address must be 320 characters or fewer')
      .pipe(
        z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
      )
      .transform((email) => email.toLowerCase()),
    displayName: z
      .string({ error: 'Enter their full name' })
      .trim()
      .min(1, 'Enter their full name')
      .max(200, 'Name must be 200 characters or fewer'),
    role: z.enum(roles, { error: 'Choose a role' }),
    organisationId: z
      .string({ error: 'Choose an organisation' })
      .trim()
      .optional()
      .transform((value) => (value ? value : null)),
  })
  .superRefine((form, context) => {
    const needsOrganisation = form.role === 'site-office' || form.role === 'industry';
    if (needsOrganisation && !form.organisationId) {
      context.addIssue({
        code: 'custom',
        path: ['organisationId'],
        message: 'Choose the organisation this person acts for',
      });
    }
  });
export const inviteFields = ['email', 'displayName', 'role', 'organisationId'] as const;
