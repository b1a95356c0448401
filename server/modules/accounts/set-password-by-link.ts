/**
 * Accepting an invitation and resetting a password: both redeem a one-time
 * link and set the person's own password. The hash is made before the
 * transaction (Argon2id takes a moment), the token is locked, checked and
 * marked used inside it, so a link works exactly once. Setting a password
 * this way ends the person's other sessions (the session version moves on).
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { users, type AccountTokenPurpose } from '@/server/db/schema';
import { hashPassword } from '@/server/lib/password';
import type { AcceptInvitationInput } from './schemas';
import { redeemAccountToken, revokeAccountTokens } from './token-store';

async function setPasswordByLink(deps: Pick<Deps, 'db' | 'clock'>, purpose: AccountTokenPurpose, input: AcceptInvitationInput): Promise<{ email: string }> {
  const now = deps.clock.now();
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    const { user } = await redeemAccountToken(tx, { token: input.token, purpose, now });
    await tx
      .update(users)
      .set({ passwordHash, passwordSetAt: now, sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(eq(users.id, user.id));
    // Whatever other link is still out there has done its job.
    await revokeAccountTokens(tx, { userId: user.id, now });
    return { email: user.email };
  });
}

export function acceptInvitation(deps: Pick<Deps, 'db' | 'clock'>, input: AcceptInvitationInput) {
  return setPasswordByLink(deps, 'invitation', input);
}

export function resetPassword(deps: Pick<Deps, 'db' | 'clock'>, input: AcceptInvitationInput) {
  return setPasswordByLink(deps, 'password_reset', input);
}
