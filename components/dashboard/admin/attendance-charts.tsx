'use client';

import { useQuery } from '@tanstack/react-query';
import { StatusBarChart, type StatusKey } from '@/components/charts/status-bar-chart';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { useText, type TextKey } from '../use-text';
import { useAcademyScope } from './admin-scope';
import type { ReportFilterValues } from './report-filters';

/** Students' attendance by day, by teacher and by kind for the filtered range (final records, effective statuses). */
export function AttendanceCharts({ filters }: { filters: ReportFilterValues }) {
  const { t, dir, formatCalendarDay, formatPercent, formatNumber } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const stats = useQuery(
    trpc.attendance.academyStats.queryOptions({
      ...scope,
      from: filters.from,
      to: filters.to,
      granularity: 'day',
      ...(filters.teacherId !== undefined ? { teacherId: filters.teacherId } : {}),
      ...(filters.kind !== undefined ? { kind: filters.kind } : {}),
    }),
  );
  const statusLabels = Object.fromEntries((['present', 'late', 'partial', 'absent'] as const).map((s) => [s, t(`attendance.${s}`)])) as Record<StatusKey, string>;
  const rtl = dir === 'rtl';
  const students = stats.data?.students;
  return (
    <section className="card" aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('attendanceCharts')}</h2>
      <QueryState loading={stats.isLoading} error={stats.error} />
      {students && (
        <>
          <dl className="figures" data-testid="overall-figures">
            <div className="figure">
              <dt>{t('sessionsCount')}</dt>
              <dd>{formatNumber(students.overall.sessions)}</dd>
            </div>
            <div className="figure">
              <dt>{t('studentRecords')}</dt>
              <dd>{formatNumber(students.overall.totalParticipants)}</dd>
            </div>
            <div className="figure">
              <dt>{t('attendanceRate')}</dt>
              <dd>{formatPercent(students.overall.attendanceRate)}</dd>
            </div>
            <div className="figure">
              <dt>{t('averagePercentage')}</dt>
              <dd>{formatPercent(students.overall.averagePercentage)}</dd>
            </div>
          </dl>
          {students.overall.totalParticipants === 0 ? (
            <p className="muted">{t('noAttendanceInRange')}</p>
          ) : (
            <div className="charts">
              <StatusBarChart
                testId="chart-by-day"
                caption={t('byDay')}
                labelHeader={t('day')}
                rtl={rtl}
                statusLabels={statusLabels}
                data={students.byDay.map((d) => ({ label: formatCalendarDay(d.date), present: d.present, late: d.late, partial: d.partial, absent: d.absent }))}
              />
              <StatusBarChart
                testId="chart-by-teacher"
                caption={t('byTeacher')}
                labelHeader={t('teacher')}
                rtl={rtl}
                layout="vertical"
                statusLabels={statusLabels}
                data={students.byTeacher.map((d) => ({ label: d.teacherName, present: d.present, late: d.late, partial: d.partial, absent: d.absent }))}
              />
              <StatusBarChart
                testId="chart-by-kind"
                caption={t('byKind')}
                labelHeader={t('kind')}
                rtl={rtl}
                statusLabels={statusLabels}
                data={students.byKind.map((d) => ({ label: t(`kind.${d.kind}` as TextKey), present: d.present, late: d.late, partial: d.partial, absent: d.absent }))}
              />
            </div>
          )}
        </>
      )}
    </section>
  );
}
