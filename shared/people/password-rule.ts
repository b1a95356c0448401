/**
 * What a password must be, in one place for the forms, the server and the
 * accounts CLI: at least 12 characters (length is what makes a password
 * hard to guess; no composition rules, as NIST SP 800-63B advises), at most
 * 200 (the sign-in form's limit).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

export function passwordProblem(password: string): 'too-short' | 'too-long' | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return 'too-short';
  if (password.length > MAX_PASSWORD_LENGTH) return 'too-long';
  return null;
}
