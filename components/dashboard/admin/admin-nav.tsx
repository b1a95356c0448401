'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useText, type TextKey } from '../use-text';
import { useAdminHref } from './admin-scope';

const PAGES: [string, TextKey][] = [
  ['/admin', 'overview'],
  ['/admin/sessions', 'sessions'],
  ['/admin/schedules', 'schedules'],
  ['/admin/settings', 'videoSettings'],
  ['/admin/sweeps', 'sweeps'],
];

export function AdminNav() {
  const { t } = useText();
  const pathname = usePathname();
  const href = useAdminHref();
  return (
    <nav aria-label={t('adminNav')} className="subnav">
      <ul>
        {PAGES.map(([path, key]) => (
          <li key={path}>
            <Link href={href(path)} aria-current={pathname === path ? 'page' : undefined}>
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
