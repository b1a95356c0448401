'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { SessionList } from '@/components/sessions/session-list';
import { useTRPC } from '@/components/trpc-provider';
import { AttendanceBadge, QueryState } from './badges';
import { StatusCounts } from './status-counts';
import { useText } from '@/components/i18n/use-text';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ActionsHeader, Table } from '@/components/ui/table';

/** docs/rules.md, Dashboards, student: today (join when the room is open), upcoming, and their own history with statuses. */
export function StudentHome({ name, userId }: { name: string; userId: number }) {
  const { t } = useText();
  return (
    <>
      <h1>{t('welcomeName', { name })}</h1>
      <p>
        <Link className="inline-flex min-h-11 items-center" href={`/progress/${userId}`} data-testid="my-progress">
          {t('recitation.myProgress')}
        </Link>
      </p>
      <SessionList range="today" role="student" />
      <SessionList range="upcoming" role="student" />
      <StudentHistory />
    </>
  );
}

function StudentHistory() {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const past = useQuery(trpc.session.listMine.queryOptions({ range: 'past' }));
  const rows = past.data ?? [];
  const counts = { present: 0, late: 0, partial: 0, absent: 0 };
  for (const s of rows) if (s.myAttendance && s.myAttendance in counts) counts[s.myAttendance as keyof typeof counts] += 1;
  return (
    <Card aria-labelledby="history">
      <h2 id="history">{t('myHistory')}</h2>
      <QueryState loading={past.isLoading} error={past.error} />
      {past.data && rows.length === 0 && <p className="text-muted">{t('noSessions')}</p>}
      {rows.length > 0 && (
        <>
          <StatusCounts counts={counts} />
          <Table stacked data-testid="student-history">
            <thead>
              <tr>
                <th scope="col">{t('session')}</th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('myAttendance')}</th>
                <ActionsHeader label={t('actions')} />
              </tr>
            </thead>
            <tbody>
              {rows.map((s) => (
                <tr key={s.id}>
                  <td>
                    <strong>{s.title}</strong>
                    <div className="text-muted">{s.teacherName}</div>
                  </td>
                  <td data-label={t('when')}>{formatDateTime(s.scheduledAt)}</td>
                  <td data-label={t('myAttendance')}>{s.myAttendance ? <AttendanceBadge status={s.myAttendance} /> : <span className="text-muted">{t('noRecord')}</span>}</td>
                  <td className="text-end">
                    <Button asChild variant="secondary" size="sm">
                      <Link href={`/sessions/${s.id}`}>{t('details')}</Link>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      )}
    </Card>
  );
}
