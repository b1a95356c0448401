/**
 * "I forgot my password": the answer is the same whether or not the email
 * belongs to anyone (and whether they may sign in), so it tells nothing
 * about who has an account. A reset link goes out only to an active person
 * of an active academy, by mail: without mail nothing is sent, and the
 * academy's admin can send a fresh invitation instead. Requests are limited
 * per address typed, so the form cannot be used to flood a mailbox.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, users } from '@/server/db/schema';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import { queueAccountMail } from './account-mail';
import type { RequestPasswordResetInput } from './schemas';
import { linkFor } from './tokens';
import { issueAccountToken } from './token-store';

const PER_EMAIL = { limit: 5, windowSeconds: 3600 };

export async function requestPasswordReset(deps: Pick<Deps, 'db' | 'clock' | 'appUrl'>, input: RequestPasswordResetInput): Promise<{ accepted: true }> {
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `password-reset:${input.email}`, PER_EMAIL, now);
  const [row] = await deps.db
    .select({ user: users, academy: academies })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.email, input.email));
  if (!row || !row.user.active || row.user.anonymisedAt || row.academy?.active === false) return { accepted: true };
  const { user, academy } = row;
  const issued = await issueAccountToken(deps.db, { userId: user.id, academyId: user.academyId, purpose: 'password_reset', createdBy: null, now });
  await queueAccountMail(deps, {
    to: user.email,
    locale: user.locale ?? input.locale ?? academy?.defaultLocale ?? 'ar',
    purpose: 'password_reset',
    name: user.name,
    academyName: academy ? (user.locale === 'en' ? academy.nameEn : academy.nameAr) : null,
    link: linkFor(deps.appUrl, 'password_reset', issued.token),
    expiresAt: issued.expiresAt,
  });
  return { accepted: true };
}
