'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { useTRPC } from '@/components/trpc-provider';
import type { SessionStatus } from '@/server/db/schema/enums';
import { KindLabel, QueryState, SessionStatusBadge } from '../badges';
import { rangeAround } from '../dates';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { CreateSessionForm } from './create-session-form';
import { ReportFilters, type ReportFilterValues } from './report-filters';
import { SESSION_STATUSES } from './types';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';

/** The academy's sessions in a range (a week back, a month ahead by default) and the form to add one. */
export function AdminSessions() {
  const { t, timezone, formatDateTime } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const [filters, setFilters] = useState<ReportFilterValues>(() => rangeAround(new Date(), timezone, 7, 30));
  const sessions = useQuery({
    ...trpc.academies.sessions.queryOptions({
      ...scope,
      from: filters.from,
      to: filters.to,
      ...(filters.teacherId !== undefined ? { teacherId: filters.teacherId } : {}),
      ...(filters.kind !== undefined ? { kind: filters.kind } : {}),
      ...(filters.status ? { status: filters.status as SessionStatus } : {}),
    }),
    refetchInterval: 15_000,
  });
  const data = sessions.data;
  return (
    <>
      <h1>{t('sessions')}</h1>
      <Card aria-labelledby="session-filters-heading">
        <h2 id="session-filters-heading">{t('filters')}</h2>
        <ReportFilters value={filters} onApply={setFilters} statuses={SESSION_STATUSES} statusPrefix="status." statusLabel="statusLabel" />
      </Card>
      <Card aria-labelledby="sessions-table-heading">
        <h2 id="sessions-table-heading">{t('sessionsInRange')}</h2>
        <QueryState loading={sessions.isLoading} error={sessions.error} />
        {data?.rows.length === 0 && <p className="text-muted">{t('noSessions')}</p>}
        {data && data.total > data.rows.length && <p className="text-muted">{t('showingFirst', { shown: data.rows.length, total: data.total })}</p>}
        {data && data.rows.length > 0 && (
          <Table data-testid="academy-sessions">
            <thead>
              <tr>
                <th scope="col">{t('session')}</th>
                <th scope="col">{t('teacher')}</th>
                <th scope="col">{t('audienceType')}</th>
                <th scope="col">{t('statusLabel')}</th>
                <th scope="col">{t('studentsAttendance')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((s) => (
                <tr key={s.id} data-testid={`admin-session-${s.id}`}>
                  <td>
                    <Link className="inline-flex min-h-11 items-center" href={`/sessions/${s.id}`}>{s.title}</Link>
                    <div className="text-muted">
                      <KindLabel kind={s.kind} /> · {formatDateTime(s.scheduledAt)} · {t('minutesCount', { count: s.durationMinutes })}
                    </div>
                  </td>
                  <td>{s.teacherName}</td>
                  <td>
                    {s.audience ?? '—'}
                    <div className="text-muted">{t(`audience.${s.audienceType}` as TextKey)}</div>
                  </td>
                  <td>
                    <SessionStatusBadge status={s.status} />
                    <div className="text-muted">{t(`meeting.${s.meeting}` as TextKey)}</div>
                  </td>
                  <td>
                    {t('attendance.present')} {s.students.present} · {t('attendance.late')} {s.students.late} · {t('attendance.partial')} {s.students.partial} ·{' '}
                    {t('attendance.absent')} {s.students.absent}
                    {s.students.inRoom > 0 && (
                      <div>{t('inRoomCount', { count: s.students.inRoom })}</div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </Card>
      <CreateSessionForm />
    </>
  );
}
