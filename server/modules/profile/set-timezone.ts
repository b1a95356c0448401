/**
 * The user's own timezone (docs/rules.md#timezones): every time the app shows
 * them is in it; null clears it back to their academy's. The name is checked
 * against the IANA list before it is stored (schemas.ts).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { SetTimezoneInput } from './schemas';

export async function setTimezone(deps: Pick<Deps, 'db'>, actor: Actor, input: SetTimezoneInput): Promise<{ timezone: string | null }> {
  const [row] = await deps.db.update(users).set({ timezone: input.timezone }).where(eq(users.id, actor.id)).returning({ timezone: users.timezone });
  if (!row) throw new DomainError('NOT_FOUND', 'User not found');
  return { timezone: row.timezone };
}
