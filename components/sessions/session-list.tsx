'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useI18n } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/components/i18n/messages';
import { useTRPC } from '@/components/trpc-provider';

type Range = 'today' | 'upcoming' | 'past';

export function SessionList({ range, canJoin }: { range: Range; canJoin: boolean }) {
  const { t, formatDateTime } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const sessions = useQuery({ ...trpc.session.listMine.queryOptions({ range }), refetchInterval: 15_000 });
  const start = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: (m) => router.push(`/room/${m.sessionId}`) }));

  return (
    <section className="card" aria-labelledby={`sessions-${range}`}>
      <h2 id={`sessions-${range}`}>{t(range === 'past' ? 'past' : range)}</h2>
      {sessions.isLoading && <p className="muted">…</p>}
      {sessions.data?.length === 0 && <p className="muted">{t('noSessions')}</p>}
      {sessions.data && sessions.data.length > 0 && (
        <table>
          <tbody>
            {sessions.data.map((s) => {
              const live = s.meetingStarted && !s.meetingEnded && (s.status === 'ready' || s.status === 'ongoing');
              return (
                <tr key={s.id} data-testid={`session-${s.id}`}>
                  <td>
                    <strong>{s.title}</strong>
                    <div className="muted">
                      {formatDateTime(s.scheduledAt)} · {s.durationMinutes} {t('minutes')} · {s.teacherName}
                    </div>
                  </td>
                  <td>
                    <span className={`badge ${s.status}`}>{t(`status.${s.status}` as MessageKey)}</span>
                    {s.myAttendance && <span className="badge"> {t(`attendance.${s.myAttendance}` as MessageKey)}</span>}
                  </td>
                  <td style={{ textAlign: 'end' }}>
                    {s.canManage && !s.meetingStarted && (s.status === 'scheduled' || s.status === 'ready') && (
                      <button className="btn" type="button" disabled={start.isPending} onClick={() => start.mutate({ sessionId: s.id })}>
                        {t('start')}
                      </button>
                    )}
                    {live && canJoin && (
                      <a className="btn" href={`/room/${s.id}`}>
                        {t('join')}
                      </a>
                    )}
                    {!live && (s.meetingEnded || ['completed', 'absent', 'cancelled'].includes(s.status)) && (
                      <a className="btn secondary" href={`/room/${s.id}`}>
                        {t('open')}
                      </a>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {start.error && (
        <p role="alert" className="error">
          {start.error.message}
        </p>
      )}
    </section>
  );
}
