/** The signed-in user's own settings and academy, for the header and the language switcher. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

export type Locale = 'ar' | 'en';

export interface Profile {
  id: number;
  name: string;
  email: string;
  role: Actor['role'];
  /** the user's own choice; null = the academy's default */
  locale: Locale | null;
  timezone: string | null;
  academy: { id: number; slug: string; nameAr: string; nameEn: string; timezone: string; defaultLocale: Locale } | null;
}

export async function getProfile(deps: Pick<Deps, 'db'>, actor: Actor): Promise<Profile> {
  const [row] = await deps.db
    .select({ user: users, academy: academies })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, actor.id));
  if (!row) throw new DomainError('NOT_FOUND', 'User not found');
  const { user, academy } = row;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale,
    timezone: user.timezone,
    academy: academy
      ? { id: academy.id, slug: academy.slug, nameAr: academy.nameAr, nameEn: academy.nameEn, timezone: academy.timezone, defaultLocale: academy.defaultLocale }
      : null,
  };
}
