/**
 * The timezone a person reads times in (docs/rules.md#timezones): their own
 * choice, else their academy's, else `fallback` (the super admin has no
 * academy; an export of an academy's data falls back to that academy's).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';

export async function viewerTimezone(db: DbExecutor, actor: Actor, fallback: string): Promise<string> {
  const [row] = await db
    .select({ own: users.timezone, academy: academies.timezone })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, actor.id));
  return row?.own ?? row?.academy ?? fallback;
}
