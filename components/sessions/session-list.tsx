'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { AttendanceBadge, QueryState, SessionStatusBadge } from '@/components/dashboard/badges';
import { isStaff } from '@/components/dashboard/home-path';
import { useText } from '@/components/dashboard/use-text';
import { useTRPC } from '@/components/trpc-provider';
import type { UserRole } from '@/server/db/schema/enums';

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
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{t(range)}</h2>
      <QueryState loading={sessions.isLoading} error={sessions.error} />
      {sessions.data?.length === 0 && <p className="muted">{t('noSessions')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('session')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" className="end">
                  <span className="sr-only">{t('actions')}</span>
                </th>
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
                      <div className="muted">
                        {formatDateTime(s.scheduledAt)} · {s.durationMinutes} {t('minutes')} · {s.teacherName}
                      </div>
                    </td>
                    <td>
                      <SessionStatusBadge status={s.status} />
                      {s.myAttendance && <AttendanceBadge status={s.myAttendance} />}
                      {open && count !== undefined && (
                        <span className="badge" data-testid="in-room-count">
                          {count} {t('peopleInRoom')}
                        </span>
                      )}
                    </td>
                    <td className="end">
                      {canStart ? (
                        <button className="btn" type="button" disabled={start.isPending} onClick={() => start.mutate({ sessionId: s.id })}>
                          {t('start')}
                        </button>
                      ) : open && range === 'today' ? (
                        <a className="btn" href={`/room/${s.id}`}>
                          {t('join')}
                        </a>
                      ) : finished ? (
                        <Link className="btn secondary" href={`/sessions/${s.id}`}>
                          {staff ? t('attendance') : t('details')}
                        </Link>
                      ) : range === 'today' ? (
                        <span className="muted">{t('notStarted')}</span>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {start.error && (
        <p role="alert" className="error">
          {start.error.message}
        </p>
      )}
    </section>
  );
}
