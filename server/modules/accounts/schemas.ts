import 'server-only';
import { z } from 'zod';
import { MAX_PASSWORD_LENGTH, passwordProblem } from '@/shared/people/password-rule';
import { TOKEN_PATTERN } from './tokens';

export const newPassword = z
  .string()
  .max(MAX_PASSWORD_LENGTH)
  .refine((p) => passwordProblem(p) === null, { message: 'The password must have at least 12 characters' });

const token = z.string().max(64).regex(TOKEN_PATTERN, 'Not a link token');

export const tokenInput = z.object({ token }).strict();
export type TokenInput = z.infer<typeof tokenInput>;

export const acceptInvitationInput = z.object({ token, password: newPassword }).strict();
export type AcceptInvitationInput = z.infer<typeof acceptInvitationInput>;

export const resetPasswordInput = acceptInvitationInput;
export type ResetPasswordInput = AcceptInvitationInput;

export const requestPasswordResetInput = z
  .object({ email: z.string().trim().max(320).email().toLowerCase(), locale: z.enum(['ar', 'en']).optional() })
  .strict();
export type RequestPasswordResetInput = z.infer<typeof requestPasswordResetInput>;

export const changePasswordInput = z.object({ currentPassword: z.string().min(1).max(MAX_PASSWORD_LENGTH), newPassword }).strict();
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;
