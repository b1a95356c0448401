'use client';

import Link from 'next/link';
import { AccountMenu } from '@/components/account-menu';
import { homePathFor } from '@/components/dashboard/home-path';
import { LanguageSwitcher } from '@/components/dashboard/language-switcher';
import { NotificationBell } from '@/components/notifications/notification-bell';
import { useText, type TextKey } from '@/components/i18n/use-text';
import type { UserRole } from '@/server/db/schema/enums';

export function AppHeader({ name, role }: { name: string; role: string }) {
  const { t } = useText();
  return (
    // One row down to 360 px (the room's stage takes the height under it: room.css --app-header-height):
    // the name shortens, and the profile, password, calendar and sign-out sit in the account menu.
    <header className="flex items-center gap-x-2 border-b border-line bg-card px-3 py-2 sm:gap-x-4 sm:px-4">
      <a
        className="absolute -top-16 start-2 z-10 inline-flex min-h-11 items-center rounded-md border-2 border-accent bg-card px-3 py-2 text-accent focus:top-2"
        href="#main"
      >
        {t('skipToContent')}
      </a>
      <nav aria-label={t('mainNav')} className="shrink-0">
        <Link href={homePathFor(role as UserRole)} className="inline-flex min-h-11 items-center text-lg font-bold text-accent no-underline">
          {t('appName')}
        </Link>
      </nav>
      <span data-testid="viewer" className="min-w-0 flex-1 truncate text-end text-[0.95rem]">
        {name} · <span className="text-muted">{t(`role.${role}` as TextKey)}</span>
      </span>
      <NotificationBell />
      <LanguageSwitcher signedIn />
      <AccountMenu role={role} />
    </header>
  );
}
