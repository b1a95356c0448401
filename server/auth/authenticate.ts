/**
 * Email + password → the actor. Every refusal looks the same and costs the
 * same: an unknown email is checked against a fixed dummy hash, a
 * deactivated account or academy is refused only after its password was
 * checked. Failures are throttled (sign-in-throttle.ts); a bcrypt hash from
 * before Argon2id is replaced at the first sign-in that proves the password.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DbExecutor } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DUMMY_HASH, hashPassword, needsRehash, verifyPassword } from '@/server/lib/password';
import { clearAccountFailures, recordSignInFailure, signInKeys, signInWaitSeconds } from './sign-in-throttle';

const credentials = z.object({ email: z.string().email().max(320), password: z.string().min(1).max(200) });

export type SignInResult =
  | { ok: true; actor: Actor; sessionVersion: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number };

export async function authenticate(db: DbExecutor, input: unknown, client: { address: string | null; now: Date }): Promise<SignInResult> {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return { ok: false, reason: 'invalid' };
  const email = parsed.data.email.toLowerCase();
  const keys = signInKeys(email, client.address);
  const wait = await signInWaitSeconds(db, keys, client.now);
  if (wait > 0) return { ok: false, reason: 'throttled', retryAfterSeconds: wait };

  const [row] = await db
    .select({ user: users, academyActive: academies.active })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.email, email));
  const passwordOk = await verifyPassword(parsed.data.password, row?.user.passwordHash ?? DUMMY_HASH);
  const user = row?.user;
  if (!user || !passwordOk || !user.active || row.academyActive === false) {
    await recordSignInFailure(db, keys, client.now);
    return { ok: false, reason: 'invalid' };
  }
  await clearAccountFailures(db, keys);
  if (needsRehash(user.passwordHash)) {
    await db.update(users).set({ passwordHash: await hashPassword(parsed.data.password) }).where(eq(users.id, user.id));
  }
  return {
    ok: true,
    actor: { id: user.id, role: user.role, academyId: user.academyId, name: user.name },
    sessionVersion: user.sessionVersion,
  };
}
