'use client';

import { useQuery } from '@tanstack/react-query';
import { StatusBarChart, type StatusKey } from '@/components/charts/status-bar-chart';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState } from '../badges';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import type { ReportFilterValues } from './report-filters';
import { Card } from '@/components/ui/card';
import { Figure, Figures } from '@/components/ui/figures';

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
    <Card aria-labelledby="charts-heading">
      <h2 id="charts-heading">{t('attendanceCharts')}</h2>
      <QueryState loading={stats.isLoading} error={stats.error} />
      {students && (
        <>
          <Figures data-testid="overall-figures">
            <Figure label={t('sessionsCount')} value={formatNumber(students.overall.sessions)} />
            <Figure label={t('studentRecords')} value={formatNumber(students.overall.totalParticipants)} />
            <Figure label={t('attendanceRate')} value={formatPercent(students.overall.attendanceRate)} />
            <Figure label={t('averagePercentage')} value={formatPercent(students.overall.averagePercentage)} />
          </Figures>
          {students.overall.totalParticipants === 0 ? (
            <p className="text-muted">{t('noAttendanceInRange')}</p>
          ) : (
            <div className="grid grid-cols-[repeat(auto-fit,minmax(320px,1fr))] gap-4">
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
                labelHeader={t('kindLabel')}
                rtl={rtl}
                statusLabels={statusLabels}
                data={students.byKind.map((d) => ({ label: t(`kind.${d.kind}` as TextKey), present: d.present, late: d.late, partial: d.partial, absent: d.absent }))}
              />
            </div>
          )}
        </>
      )}
    </Card>
  );
}
