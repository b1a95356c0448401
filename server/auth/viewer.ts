/** The signed-in viewer's actor, language and timezone, for server-rendered pages. */
import 'server-only';
import { eq } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { cache } from 'react';
import { getAppDeps } from '@/server/deps';
import { localeFromAcceptLanguage } from '@/shared/i18n/accept-language';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { getActor } from './options';

export type Locale = 'ar' | 'en';

export interface Viewer {
  actor: Actor | null;
  locale: Locale;
  timezone: string;
}

export const LOCALE_COOKIE = 'halaqa-locale';

/** Once per request (React's cache): the layout and next-intl's request config both ask. */
export const getViewer = cache(async (): Promise<Viewer> => {
  const actor = await getActor();
  const cookieLocale = (await cookies()).get(LOCALE_COOKIE)?.value;
  const fromCookie = cookieLocale === 'ar' || cookieLocale === 'en' ? cookieLocale : null;
  // A first visit (no cookie yet, nobody signed in) speaks the browser's language.
  if (!actor) return { actor: null, locale: fromCookie ?? localeFromAcceptLanguage((await headers()).get('accept-language')) ?? 'en', timezone: 'UTC' };
  const [row] = await getAppDeps()
    .db.select({ locale: users.locale, timezone: users.timezone, academyLocale: academies.defaultLocale, academyTz: academies.timezone })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, actor.id));
  return {
    actor,
    locale: fromCookie ?? row?.locale ?? row?.academyLocale ?? 'en',
    timezone: row?.timezone ?? row?.academyTz ?? 'UTC',
  };
});
