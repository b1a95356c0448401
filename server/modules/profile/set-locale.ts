/**
 * The user's language (docs/rules.md#dashboards: chosen per user, the academy's default
 * otherwise). Stored on the user so it follows them to another browser; the
 * `halaqa-locale` cookie the route handler sets only wins on this one.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { SetLocaleInput } from './schemas';

export async function setLocale(deps: Pick<Deps, 'db'>, actor: Actor, input: SetLocaleInput): Promise<{ locale: SetLocaleInput['locale'] }> {
  const [row] = await deps.db.update(users).set({ locale: input.locale }).where(eq(users.id, actor.id)).returning({ locale: users.locale });
  if (!row) throw new DomainError('NOT_FOUND', 'User not found');
  return { locale: row.locale };
}
