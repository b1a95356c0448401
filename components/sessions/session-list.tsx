'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Play, Users, Video } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { AttendanceBadge, QueryState, SessionStatusBadge } from '@/components/dashboard/badges';
import { isStaff } from '@/components/dashboard/home-path';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import type { UserRole } from '@/server/db/schema/enums';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorText } from '@/components/ui/notice';
import { ActionsHeader, Table } from '@/components/ui/table';

type Range = 'today' | 'upcoming' | 'past';

const FINISHED = ['completed', 'absent', 'cancelled'];

/**
 * A role's sessions for one range. Each row has at most one action — start,
 * join, or the session's page once it is over — so "the row's button" and
 * "the row's link" are unambiguous for people and for tests.
 */
export function SessionList({ range, role }: { range: Range; role: UserRole }) {
  const { t, formatDateTime } = useText();
  const trpc = useTRPC();
  const router = useRouter();
  const staff = isStaff(role);
  const sessions = useQuery({ ...trpc.session.listMine.queryOptions({ range }), refetchInterval: 15_000 });
  const live = useQuery({ ...trpc.academies.liveMeetings.queryOptions(), enabled: staff && range === 'today', refetchInterval: 5_000 });
  const start = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: (m) => router.push(`/room/${m.sessionId}`) }));
  const inRoom = new Map((live.data ?? []).map((m) => [m.sessionId, m.inRoom]));
  const headingId = `sessions-${range}`;

  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId}>{t(range)}</h2>
      <QueryState loading={sessions.isLoading} error={sessions.error} />
      {sessions.data?.length === 0 && <p className="text-muted">{t('noSessions')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <Table stacked>
          <thead>
            <tr>
              <th scope="col">{t('session')}</th>
              <th scope="col">{t('statusLabel')}</th>
              <ActionsHeader label={t('actions')} />
            </tr>
          </thead>
          <tbody>
            {sessions.data.map((s) => {
              const open = s.meetingStarted && !s.meetingEnded && (s.status === 'ready' || s.status === 'ongoing');
              const finished = s.meetingEnded || FINISHED.includes(s.status);
              const canStart = range === 'today' && s.canManage && !s.meetingStarted && (s.status === 'scheduled' || s.status === 'ready');
              const count = inRoom.get(s.id);
              return (
                <tr key={s.id} data-testid={`session-${s.id}`}>
                  <td>
                    <strong>{s.title}</strong>
                    <div className="text-muted">
                      {formatDateTime(s.scheduledAt)} · {t('minutesCount', { count: s.durationMinutes })} · {s.teacherName}
                    </div>
                  </td>
                  <td data-label={t('statusLabel')}>
                    <SessionStatusBadge status={s.status} />
                    {s.myAttendance && <AttendanceBadge status={s.myAttendance} />}
                    {open && count !== undefined && (
                      <Badge data-testid="in-room-count">
                        <Users aria-hidden className="size-3.5" />
                        {t('inRoomCount', { count })}
                      </Badge>
                    )}
                  </td>
                  <td className="text-end">
                    {canStart ? (
                      <Button disabled={start.isPending} onClick={() => start.mutate({ sessionId: s.id })}>
                        <Play aria-hidden />
                        {t('start')}
                      </Button>
                    ) : open && range === 'today' ? (
                      <Button asChild>
                        <a href={`/room/${s.id}`}>
                          <Video aria-hidden />
                          {t('join')}
                        </a>
                      </Button>
                    ) : finished ? (
                      <Button asChild variant="secondary">
                        <Link href={`/sessions/${s.id}`}>{staff ? t('attendanceLabel') : t('details')}</Link>
                      </Button>
                    ) : range === 'today' ? (
                      <span className="text-muted">{t('notStarted')}</span>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {start.error && (
        <ErrorText>
          {start.error.message}
        </ErrorText>
      )}
    </Card>
  );
}
