/**
 * Passwords: Argon2id (OWASP's first choice; bcrypt also ignores everything
 * past 72 bytes, 36 Arabic letters) through @node-rs/argon2, a native
 * binding shipped prebuilt per platform (no install script) that hashes on
 * libuv's thread pool, so a sign-in never blocks the event loop. Hashes made
 * by the earlier bcrypt code still verify; `needsRehash` tells the sign-in to
 * replace them.
 */
import { hash, verify } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';

// OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2')) return verify(stored, password).catch(() => false);
  if (/^\$2[aby]\$/.test(stored)) return bcrypt.compare(password, stored);
  return false;
}

/** True for a hash that is not Argon2id with today's parameters. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(`$argon2id$v=19$m=${ARGON2ID.memoryCost},t=${ARGON2ID.timeCost},p=${ARGON2ID.parallelism}$`);
}

/**
 * A fixed Argon2id hash of a random password nobody knows: an unknown email is
 * checked against it, so it costs what a wrong password costs.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$TinpKlbDExgtFlJCjLbUIw$rU9O+/QU9qROcUm4Sl1mxQ3dQ4yxL6nDVLMZXe8o2QU';
