import { z } from 'zod';
import { maximumPasswordLength } from '../../platform/auth/passwords.js';

const emailAddress = z
  .string({ error: 'Enter your email address' })
  .trim()
  .min(1, 'Enter your email address')
  .max(320, 'Email address must be 320 characters or fewer')
  .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' }))
  .transform((email) => email.toLowerCase());

const password = (missing: string) =>
  z
    .string({ error: missing })
    .min(1, missing)
    .max(maximumPasswordLength, `Password must be ${maximumPasswordLength} characters or fewer`);

export const signInForm = z.object({
  email: emailAddress,
  password: password('Enter your password'),
});
export const signInFields = ['email', 'password'] as const;

export const changePasswordForm = z
  .object({
    currentPassword: password('Enter your current password'),
    newPassword: password('Enter a new password'),
    confirmPassword: password('Confirm your new password'),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The passwords you entered do not match',
  });
export const changePasswordFields = ['currentPassword', 'newPassword', 'confirmPassword'] as const;

export const forgottenPasswordForm = z.object({ email: emailAddress });
export const forgottenPasswordFields = ['email'] as const;

export const newPasswordForm = z
  .object({
    newPassword: password('Enter a new password'),
    confirmPassword: password('Confirm your new password'),
  })
  .refine((form) => form.newPassword === form.confirmPassword, {
    path: ['confirmPassword'],
    error: 'The passwords you entered do not match',
  });
export const newPasswordFields = ['newPassword', 'confirmPassword'] as const;
