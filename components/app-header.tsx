'use client';

import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { homePathFor } from '@/components/dashboard/home-path';
import { LanguageSwitcher } from '@/components/dashboard/language-switcher';
import { useText, type TextKey } from '@/components/dashboard/use-text';
import type { UserRole } from '@/server/db/schema/enums';

export function AppHeader({ name, role }: { name: string; role: string }) {
  const { t } = useText();
  return (
    <header className="top">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <nav aria-label={t('mainNav')} className="grow">
        <Link href={homePathFor(role as UserRole)}>
          <strong>{t('appName')}</strong>
        </Link>
      </nav>
      <span data-testid="viewer">
        {name} · {t(`role.${role}` as TextKey)}
      </span>
      <LanguageSwitcher signedIn />
      <button className="btn secondary" type="button" onClick={() => signOut({ callbackUrl: '/sign-in' })}>
        {t('signOut')}
      </button>
    </header>
  );
}
