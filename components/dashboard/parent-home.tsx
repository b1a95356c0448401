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

/** docs/rules.md, Dashboards, parent: each child's recent sessions with that child's attendance, and the children's sessions today and ahead. */
export function ParentHome({ name }: { name: string }) {
  const { t, formatDateTime, formatPercent } = useText();
  const trpc = useTRPC();
  const children = useQuery(trpc.profile.children.queryOptions());
  return (
    <>
      <h1>{t('welcomeName', { name })}</h1>
      <QueryState loading={children.isLoading} error={children.error} />
      {children.data?.length === 0 && <p className="text-muted">{t('noChildren')}</p>}
      {children.data?.map((child) => {
        const headingId = `child-${child.childId}`;
        return (
          <Card key={child.childId} aria-labelledby={headingId} data-testid={`child-${child.childId}`}>
            <h2 id={headingId}>{t('childAttendance', { name: child.name })}</h2>
            <p>
              <Link className="inline-flex min-h-11 items-center" href={`/progress/${child.childId}`} data-testid={`child-progress-${child.childId}`}>
                {t('recitation.childProgress', { name: child.name })}
              </Link>
            </p>
            <StatusCounts counts={child.counts} label={t('childAttendance', { name: child.name })} />
            {child.sessions.length === 0 ? (
              <p className="text-muted">{t('noSessions')}</p>
            ) : (
              <Table stacked>
                <thead>
                  <tr>
                    <th scope="col">{t('session')}</th>
                    <th scope="col">{t('when')}</th>
                    <th scope="col">{t('attendanceLabel')}</th>
                    <th scope="col">{t('percentage')}</th>
                    <ActionsHeader label={t('actions')} />
                  </tr>
                </thead>
                <tbody>
                  {child.sessions.map((s) => (
                    <tr key={s.sessionId} data-testid={`child-session-${s.sessionId}`}>
                      <td>
                        <strong>{s.title}</strong>
                        <div className="text-muted">{s.teacherName}</div>
                      </td>
                      <td data-label={t('when')}>{formatDateTime(s.scheduledAt)}</td>
                      {/* A live record says in class / left with minutes so far; its status comes at the end (docs/rules.md#attendance). */}
                      <td data-label={t('attendanceLabel')}>
                        {s.attendance ? <AttendanceBadge status={s.attendance.liveState ?? s.attendance.status} /> : <span className="text-muted">{t('noRecord')}</span>}
                        {s.attendance?.liveState && (
                          <div className="text-muted" data-testid="live-so-far">
                            {t('liveSoFar', { minutes: Math.floor(s.attendance.totalSeconds / 60), percent: formatPercent(s.attendance.percentage) })}
                          </div>
                        )}
                      </td>
                      <td data-label={t('percentage')}>{s.attendance ? formatPercent(s.attendance.percentage) : '—'}</td>
                      <td className="text-end">
                        <Button asChild variant="secondary" size="sm">
                          <Link href={`/sessions/${s.sessionId}`}>{t('details')}</Link>
                        </Button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            )}
          </Card>
        );
      })}
      <SessionList range="today" role="parent" />
      <SessionList range="upcoming" role="parent" />
    </>
  );
}
