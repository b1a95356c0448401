/**
 * Passwords: Argon2id (OWASP's first choice; bcrypt also ignores everything
 * past 72 bytes, 36 Arabic letters) with Node's own `crypto.argon2` (Node 24,
 * the project's runtime): no dependency, and the hashing runs on libuv's
 * thread pool, so a sign-in never blocks the event loop. Hashes are stored in
 * the standard PHC string form. Hashes made by the earlier bcrypt code still
 * verify; `needsRehash` tells the sign-in to replace them.
 */
import 'server-only';
import { argon2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import bcrypt from 'bcryptjs';

const argon2Async = promisify(argon2);

// OWASP's Argon2id baseline: 19 MiB, 2 passes, 1 lane; a 16-byte salt and a 32-byte tag.
const PARAMS = { memory: 19_456, passes: 2, parallelism: 1 } as const;
const SALT_BYTES = 16;
const TAG_BYTES = 32;
const PREFIX = `$argon2id$v=19$m=${PARAMS.memory},t=${PARAMS.passes},p=${PARAMS.parallelism}$`;

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const tag = await argon2Async('argon2id', { message: password, nonce: salt, tagLength: TAG_BYTES, ...PARAMS });
  return `${PREFIX}${b64(salt)}$${b64(tag)}`;
}

/** `$argon2id$v=19$m=…,t=…,p=…$salt$tag`, whatever parameters it was made with. */
async function verifyArgon2id(password: string, stored: string): Promise<boolean> {
  const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/.exec(stored);
  if (!match) return false;
  const [, m, t, p, salt, hash] = match;
  const expected = Buffer.from(hash!, 'base64');
  const actual = await argon2Async('argon2id', {
    message: password,
    nonce: Buffer.from(salt!, 'base64'),
    memory: Number(m),
    passes: Number(t),
    parallelism: Number(p),
    tagLength: expected.length,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith('$argon2id$')) return verifyArgon2id(password, stored).catch(() => false);
  if (/^\$2[aby]\$/.test(stored)) return bcrypt.compare(password, stored);
  return false;
}

/** True for a hash that is not Argon2id with today's parameters. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(PREFIX);
}

/**
 * A fixed Argon2id hash of a random password nobody knows: an unknown email is
 * checked against it, so it costs what a wrong password costs.
 */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$pEhFMOUelJBsnk5fSY/A/g$tp7wI7hujs3BeutMbR9Ft2MuBD1zr9aaYvbrTPwu6Jo';
