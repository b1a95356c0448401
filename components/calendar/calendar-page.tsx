'use client';

import dynamic from 'next/dynamic';
import { useText } from '@/components/i18n/use-text';

// FullCalendar measures the page as it draws: rendered in the browser only.
const WeekCalendar = dynamic(() => import('./week-calendar').then((m) => m.WeekCalendar), { ssr: false });

export function CalendarPage({ academyId, initialDate }: { academyId?: number; initialDate?: string }) {
  const { t } = useText();
  return (
    <>
      <h1>{t('calendar.title')}</h1>
      <WeekCalendar academyId={academyId} initialDate={initialDate} />
    </>
  );
}
