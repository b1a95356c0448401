/**
 * Accounts: turning users on and off, one-time links (invitations and
 * password resets) and passwords. Revocation itself is enforced where
 * requests arrive (server/auth/session-actor.ts checks the active flags and
 * the session version on every request; the version is bumped by a trigger
 * when role, academy or the active flag change, and here when a password is
 * set). Links: tokens.ts (pure), token-store.ts (rows).
 */
import 'server-only';
export { setUserActive } from './set-user-active';
export { issueAccountToken, revokeAccountTokens, viewAccountToken, type IssuedToken, type TokenView } from './token-store';
export { hashToken, linkFor, newTokenValue, TOKEN_LIFETIME_MS } from './tokens';
export { queueAccountMails, type AccountMail } from './account-mail';
export { acceptInvitation, resetPassword } from './set-password-by-link';
export { requestPasswordReset } from './request-password-reset';
export { changePassword } from './change-password';
export * from './schemas';
