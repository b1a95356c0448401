'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { StatusCounts } from '../status-counts';
import { useText } from '@/components/i18n/use-text';
import { Card } from '@/components/ui/card';
import { Figure, Figures } from '@/components/ui/figures';

/** The session's statistics (docs/rules.md, Attendance): students per status, average percentage, time people were in the room. */
export function SessionFigures({ sessionId, live }: { sessionId: number; live: boolean }) {
  const { t, formatPercent, formatDuration } = useText();
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.attendance.sessionStats.queryOptions({ sessionId }), refetchInterval: live ? 5_000 : false });
  const s = stats.data;
  return (
    <Card aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('sessionFigures')}</h2>
      <QueryState loading={stats.isLoading} error={stats.error} />
      {s && (
        <>
          <StatusCounts counts={s.students} label={t('studentsAttendance')} />
          <Figures>
            <Figure label={t('averagePercentage')} value={formatPercent(s.students.averagePercentage)} />
            <Figure label={t('meetingDuration')} value={formatDuration(s.meeting.durationSeconds)} />
            <Figure label={t('final')} value={s.final ? t('yes') : t('notYet')} />
          </Figures>
        </>
      )}
    </Card>
  );
}
