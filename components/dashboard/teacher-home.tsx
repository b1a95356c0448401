'use client';

import Link from 'next/link';
import { SessionList } from '@/components/sessions/session-list';
import { useText } from '@/components/i18n/use-text';

/** docs/rules.md, Dashboards, teacher: today (start, join, who is in the room), upcoming, and the attendance of what is over. */
export function TeacherHome({ name }: { name: string }) {
  const { t } = useText();
  return (
    <>
      <h1>{t('welcomeName', { name })}</h1>
      <p>
        <Link href="/teacher/settings" className="inline-flex min-h-11 items-center" data-testid="my-settings-link">
          {t('mySettings')}
        </Link>
      </p>
      <SessionList range="today" role="teacher" />
      <SessionList range="upcoming" role="teacher" />
      <SessionList range="past" role="teacher" />
    </>
  );
}
