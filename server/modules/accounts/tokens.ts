/**
 * One-time links, the pure part: how a token is made and stored, how long it
 * lives, and what state a stored one is in at a given instant. The token is
 * 32 random bytes (base64url, 43 characters); the database keeps only its
 * SHA-256, which is enough to find it and useless to anyone who reads it.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import type { AccountTokenPurpose } from '@/server/db/schema';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** An invitation waits a week; a reset is for someone at the keyboard now. */
export const TOKEN_LIFETIME_MS: Record<AccountTokenPurpose, number> = {
  invitation: 7 * 24 * 3600_000,
  password_reset: 2 * 3600_000,
};

export function newTokenValue(): string {
  return randomBytes(32).toString('base64url');
}

export function newToken(): { token: string; hash: string } {
  const token = newTokenValue();
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export type TokenState = 'valid' | 'expired' | 'used' | 'revoked';

/** Used and revoked win over expired: the page says what happened to the link, not only that time passed. */
export function tokenState(row: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: Date): TokenState {
  if (row.usedAt) return 'used';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
}

export const TOKEN_PATHS: Record<AccountTokenPurpose, string> = { invitation: '/invite/', password_reset: '/reset-password/' };

export function linkFor(appUrl: string, purpose: AccountTokenPurpose, token: string): string {
  return `${appUrl}${TOKEN_PATHS[purpose]}${token}`;
}
