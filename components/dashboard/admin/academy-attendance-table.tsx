'use client';

import { useQuery } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import type { AttendanceRecordStatus } from './types';
import { AttendanceBadge, KindLabel, QueryState } from '../badges';
import { attendanceExportHref } from '../dates';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import type { ReportFilterValues } from './report-filters';
import { Button } from '@/components/ui/button';
import { Card, CardHeader } from '@/components/ui/card';
import { Table } from '@/components/ui/table';

const ROWS = 200;

/** One row per person per session in the filtered range, newest first, with the CSV of the same range beside it. */
export function AcademyAttendanceTable({ filters }: { filters: ReportFilterValues }) {
  const { t, formatDateTime, formatPercent, formatDuration } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const shared = {
    from: filters.from,
    to: filters.to,
    ...(filters.teacherId !== undefined ? { teacherId: filters.teacherId } : {}),
    ...(filters.kind !== undefined ? { kind: filters.kind } : {}),
  };
  const records = useQuery(
    trpc.academies.attendance.queryOptions({
      ...scope,
      ...shared,
      ...(filters.status ? { status: filters.status as AttendanceRecordStatus } : {}),
      limit: ROWS,
    }),
  );
  const data = records.data;
  return (
    <Card aria-labelledby="records-heading">
      <CardHeader>
        <h2 id="records-heading">{t('attendanceRecords')}</h2>
        <Button asChild variant="secondary">
          <a href={attendanceExportHref({ ...scope, ...shared })} download data-testid="export-csv">
            <Download aria-hidden />
            {t('exportCsv')}
          </a>
        </Button>
      </CardHeader>
      {filters.status && <p className="text-muted">{t('exportIgnoresStatus')}</p>}
      <QueryState loading={records.isLoading} error={records.error} />
      {data && data.rows.length === 0 && <p className="text-muted">{t('noAttendanceInRange')}</p>}
      {data && data.rows.length > 0 && (
        <>
          {data.total > data.rows.length && <p className="text-muted">{t('showingNewest', { shown: data.rows.length, total: data.total })}</p>}
          <Table data-testid="academy-attendance">
            <thead>
              <tr>
                <th scope="col">{t('session')}</th>
                <th scope="col">{t('teacher')}</th>
                <th scope="col">{t('participant')}</th>
                <th scope="col">{t('attendanceLabel')}</th>
                <th scope="col">{t('percentage')}</th>
                <th scope="col">{t('timeAttended')}</th>
                <th scope="col">{t('joins')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((r) => (
                <tr key={`${r.sessionId}-${r.userId}`} data-testid={`record-${r.sessionId}-${r.userId}`} data-status={r.status}>
                  <td>
                    <Link className="inline-flex min-h-11 items-center" href={`/sessions/${r.sessionId}`}>{r.sessionTitle}</Link>
                    <div className="text-muted">
                      <KindLabel kind={r.kind} /> · {formatDateTime(r.scheduledAt)}
                    </div>
                  </td>
                  <td>{r.teacherName}</td>
                  <td data-testid="participant">
                    {r.name}
                    <div className="text-muted">{t(`userType.${r.userType}` as TextKey)}</div>
                  </td>
                  <td>
                    <AttendanceBadge status={r.status} />
                    {r.overridden && (
                      <div className="text-muted">
                        {t('overridden')} ({t(`attendance.${r.computedStatus}` as TextKey)})
                      </div>
                    )}
                  </td>
                  <td>{formatPercent(r.percentage)}</td>
                  <td>{formatDuration(r.totalSeconds)}</td>
                  <td>{r.joinCount}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
