/**
 * Accounts: turning users on and off. Revocation itself is enforced where
 * requests arrive (server/auth/session-actor.ts checks the active flags and
 * the session version on every request; the version is bumped by a trigger
 * when role, academy or the active flag change).
 */
export { setUserActive } from './set-user-active';
