'use client';

import Link from 'next/link';
import { SessionList } from '@/components/sessions/session-list';
import { useText } from './use-text';

/** SPEC 9, teacher: today (start, join, who is in the room), upcoming, and the attendance of what is over. */
export function TeacherHome({ name }: { name: string }) {
  const { t, tf } = useText();
  return (
    <>
      <h1>{tf('welcomeName', { name })}</h1>
      <p>
        <Link href="/teacher/settings" data-testid="my-settings-link">
          {t('mySettings')}
        </Link>
      </p>
      <SessionList range="today" role="teacher" />
      <SessionList range="upcoming" role="teacher" />
      <SessionList range="past" role="teacher" />
    </>
  );
}
