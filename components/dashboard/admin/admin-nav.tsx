'use client';

import { BookOpen, CalendarDays, CalendarRange, FileUp, LayoutDashboard, Repeat, Settings, Timer, Users, type LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { cn } from '@/components/ui/cn';
import { useAdminHref } from './admin-scope';

const PAGES: [string, TextKey, LucideIcon][] = [
  ['/admin', 'overview', LayoutDashboard],
  ['/admin/people', 'people.nav', Users],
  ['/admin/people/import', 'people.importNav', FileUp],
  ['/admin/sessions', 'sessions', CalendarDays],
  ['/admin/schedules', 'schedules', Repeat],
  ['/admin/groups', 'groups.nav', Users],
  ['/calendar', 'calendar.nav', CalendarRange],
  ['/admin/recitations', 'recitation.academyTitle', BookOpen],
  ['/admin/settings', 'videoSettings', Settings],
  ['/admin/sweeps', 'sweeps', Timer],
];

export function AdminNav() {
  const { t } = useText();
  const pathname = usePathname();
  const href = useAdminHref();
  return (
    <nav aria-label={t('adminNav')}>
      <ul className="m-0 mb-4 flex list-none flex-wrap gap-x-4 gap-y-1 border-b border-line p-0">
        {PAGES.map(([path, key, Icon]) => (
          <li key={path}>
            <Link
              href={href(path)}
              aria-current={pathname === path || (path !== '/admin' && pathname.startsWith(`${path}/`)) ? 'page' : undefined}
              className={cn(
                'inline-flex min-h-11 items-center gap-1.5 border-b-[3px] border-transparent px-1 py-2 no-underline hover:no-underline',
                'aria-[current=page]:border-accent aria-[current=page]:font-semibold aria-[current=page]:text-fg',
              )}
            >
              <Icon aria-hidden className="size-4" />
              {t(key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
