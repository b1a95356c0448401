/**
 * "I forgot my password": the answer is the same whether or not the email
 * belongs to anyone (and whether they may sign in), so it tells nothing
 * about who has an account. A reset link goes out only to an active person
 * of an active academy, by mail (queued with the link in one transaction;
 * without SMTP it waits in the queue, and the academy's admin can send a
 * fresh invitation instead). Requests are limited
 * per address typed, so the form cannot be used to flood a mailbox.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, users } from '@/server/db/schema';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import { queueAccountMails } from './account-mail';
import type { RequestPasswordResetInput } from './schemas';
import { issueAccountToken } from './token-store';

const PER_EMAIL = { limit: 5, windowSeconds: 3600 };

export async function requestPasswordReset(deps: Pick<Deps, 'db' | 'clock' | 'appUrl' | 'mail'>, input: RequestPasswordResetInput): Promise<{ accepted: true }> {
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `password-reset:${input.email}`, PER_EMAIL, now);
  const [row] = await deps.db
    .select({ user: users, academy: academies })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.email, input.email));
  if (!row || !row.user.active || row.user.anonymisedAt || row.academy?.active === false) return { accepted: true };
  const { user, academy } = row;
  await deps.db.transaction(async (tx) => {
    const issued = await issueAccountToken(tx, { userId: user.id, academyId: user.academyId, purpose: 'password_reset', createdBy: null, now });
    const locale = user.locale ?? input.locale ?? academy?.defaultLocale ?? 'ar';
    await queueAccountMails({ ...deps, db: tx }, [
      {
        userId: user.id,
        academyId: user.academyId,
        to: user.email,
        locale,
        timeZone: user.timezone ?? academy?.timezone ?? 'UTC',
        purpose: 'password_reset',
        name: user.name,
        academyName: academy ? (locale === 'en' ? academy.nameEn : academy.nameAr) : 'Halaqa',
        token: issued.token,
        expiresAt: issued.expiresAt,
      },
    ]);
  });
  return { accepted: true };
}
