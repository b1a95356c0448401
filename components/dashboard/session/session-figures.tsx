'use client';

import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { StatusCounts } from '../status-counts';
import { useText } from '../use-text';

/** The session's statistics (SPEC 5): students per status, average percentage, time people were in the room. */
export function SessionFigures({ sessionId, live }: { sessionId: number; live: boolean }) {
  const { t, formatPercent, formatDuration } = useText();
  const trpc = useTRPC();
  const stats = useQuery({ ...trpc.attendance.sessionStats.queryOptions({ sessionId }), refetchInterval: live ? 5_000 : false });
  const s = stats.data;
  return (
    <section className="card" aria-labelledby="figures-heading">
      <h2 id="figures-heading">{t('sessionFigures')}</h2>
      <QueryState loading={stats.isLoading} error={stats.error} />
      {s && (
        <>
          <StatusCounts counts={s.students} label={t('studentsAttendance')} />
          <dl className="figures">
            <div className="figure">
              <dt>{t('averagePercentage')}</dt>
              <dd>{formatPercent(s.students.averagePercentage)}</dd>
            </div>
            <div className="figure">
              <dt>{t('meetingDuration')}</dt>
              <dd>{formatDuration(s.meeting.durationSeconds)}</dd>
            </div>
            <div className="figure">
              <dt>{t('final')}</dt>
              <dd>{s.final ? t('yes') : t('notYet')}</dd>
            </div>
          </dl>
        </>
      )}
    </section>
  );
}
