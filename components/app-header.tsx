'use client';

import { signOut } from 'next-auth/react';
import Link from 'next/link';
import { useI18n } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/components/i18n/messages';

export function AppHeader({ name, role }: { name: string; role: string }) {
  const { t } = useI18n();
  return (
    <header className="top">
      <Link href="/" className="grow">
        <strong>{t('appName')}</strong>
      </Link>
      <span data-testid="viewer">
        {name} · {t(`role.${role}` as MessageKey)}
      </span>
      <button className="btn secondary" type="button" onClick={() => signOut({ callbackUrl: '/sign-in' })}>
        {t('signOut')}
      </button>
    </header>
  );
}
