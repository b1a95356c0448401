/**
 * Changing one's own password: the current one must be right (tries are
 * limited per user, so a session left open cannot be used to guess it), and
 * the change signs the person out everywhere, this browser included.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { hashPassword, verifyPassword } from '@/server/lib/password';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import type { ChangePasswordInput } from './schemas';

const TRIES = { limit: 10, windowSeconds: 15 * 60 };

export async function changePassword(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: ChangePasswordInput): Promise<{ signedOut: true }> {
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `change-password:${actor.id}`, TRIES, now);
  const [user] = await deps.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
  if (!user) throw new DomainError('NOT_FOUND', 'User not found');
  if (!(await verifyPassword(input.currentPassword, user.passwordHash))) throw new DomainError('BAD_REQUEST', 'The current password is not right');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db
    .update(users)
    .set({ passwordHash, passwordSetAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, actor.id));
  return { signedOut: true };
}
