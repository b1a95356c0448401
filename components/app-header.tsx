'use client';

import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { homePathFor } from '@/components/dashboard/home-path';
import { LanguageSwitcher } from '@/components/dashboard/language-switcher';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import type { UserRole } from '@/server/db/schema/enums';

export function AppHeader({ name, role }: { name: string; role: string }) {
  const { t } = useText();
  return (
    <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-line bg-card px-4 py-3">
      <a
        className="absolute -top-12 start-2 z-10 rounded-md border-2 border-accent bg-card px-3 py-2 text-accent focus:top-2"
        href="#main"
      >
        {t('skipToContent')}
      </a>
      <nav aria-label={t('mainNav')} className="flex-1">
        <Link href={homePathFor(role as UserRole)} className="text-lg font-bold text-accent no-underline">
          {t('appName')}
        </Link>
      </nav>
      <span data-testid="viewer" className="text-[0.95rem]">
        {name} · <span className="text-muted">{t(`role.${role}` as TextKey)}</span>
      </span>
      <NotificationBell />
      {role === 'teacher' && <Link href="/calendar">{t('calendar.nav')}</Link>}
      <Link href="/profile" data-testid="profile-link">
        {t('profile.nav')}
      </Link>
      <Link href="/account/password" className="text-[0.95rem]">
        {t('people.passwordLink')}
      </Link>
      <LanguageSwitcher signedIn />
      <Button variant="secondary" onClick={() => signOut({ callbackUrl: '/sign-in' })}>
        {t('signOut')}
      </Button>
    </header>
  );
}
