'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import type { AttendanceRecordStatus } from './types';
import { AttendanceBadge, KindLabel, QueryState } from '../badges';
import { attendanceExportHref } from '../dates';
import { useText, type TextKey } from '../use-text';
import { useAcademyScope } from './admin-scope';
import type { ReportFilterValues } from './report-filters';

const ROWS = 200;

/** One row per person per session in the filtered range, newest first, with the CSV of the same range beside it. */
export function AcademyAttendanceTable({ filters }: { filters: ReportFilterValues }) {
  const { t, tf, formatDateTime, formatPercent, formatDuration } = useText();
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
    <section className="card" aria-labelledby="records-heading">
      <div className="card-head">
        <h2 id="records-heading">{t('attendanceRecords')}</h2>
        <a className="btn secondary" href={attendanceExportHref({ ...scope, ...shared })} download data-testid="export-csv">
          {t('exportCsv')}
        </a>
      </div>
      {filters.status && <p className="muted">{t('exportIgnoresStatus')}</p>}
      <QueryState loading={records.isLoading} error={records.error} />
      {data && data.rows.length === 0 && <p className="muted">{t('noAttendanceInRange')}</p>}
      {data && data.rows.length > 0 && (
        <>
          {data.total > data.rows.length && <p className="muted">{tf('showingNewest', { shown: data.rows.length, total: data.total })}</p>}
          <div className="table-scroll">
            <table data-testid="academy-attendance">
              <thead>
                <tr>
                  <th scope="col">{t('session')}</th>
                  <th scope="col">{t('teacher')}</th>
                  <th scope="col">{t('participant')}</th>
                  <th scope="col">{t('attendance')}</th>
                  <th scope="col">{t('percentage')}</th>
                  <th scope="col">{t('timeAttended')}</th>
                  <th scope="col">{t('joins')}</th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={`${r.sessionId}-${r.userId}`} data-testid={`record-${r.sessionId}-${r.userId}`} data-status={r.status}>
                    <td>
                      <Link href={`/sessions/${r.sessionId}`}>{r.sessionTitle}</Link>
                      <div className="muted">
                        <KindLabel kind={r.kind} /> · {formatDateTime(r.scheduledAt)}
                      </div>
                    </td>
                    <td>{r.teacherName}</td>
                    <td data-testid="participant">
                      {r.name}
                      <div className="muted">{t(`userType.${r.userType}` as TextKey)}</div>
                    </td>
                    <td>
                      <AttendanceBadge status={r.status} />
                      {r.overridden && (
                        <div className="muted">
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
            </table>
          </div>
        </>
      )}
    </section>
  );
}
