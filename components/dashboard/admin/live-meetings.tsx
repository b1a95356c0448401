'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState, SessionStatusBadge } from '../badges';
import { useText } from '../use-text';
import { useAcademyScope } from './admin-scope';

/** Rooms open now, polled every few seconds (SPEC 9: "live meetings now"). */
export function LiveMeetings() {
  const { t, formatTime, formatNumber } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const live = useQuery({ ...trpc.academies.liveMeetings.queryOptions(scope), refetchInterval: 5_000 });
  return (
    <section className="card" aria-labelledby="live-heading" data-testid="live-meetings">
      <h2 id="live-heading">
        {t('liveMeetingsNow')} {live.data && <span className="badge ongoing">{formatNumber(live.data.length)}</span>}
      </h2>
      <QueryState loading={live.isLoading} error={live.error} />
      {live.data?.length === 0 && <p className="muted">{t('noLiveMeetings')}</p>}
      {live.data && live.data.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('session')}</th>
                <th scope="col">{t('teacher')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('inRoom')}</th>
                <th scope="col">{t('openedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {live.data.map((m) => (
                <tr key={m.sessionId} data-testid={`live-${m.sessionId}`}>
                  <td>
                    <Link href={`/sessions/${m.sessionId}`}>{m.title}</Link>
                    <div className="muted">
                      <KindLabel kind={m.kind} /> · {formatTime(m.scheduledAt)} · {m.durationMinutes} {t('minutes')}
                    </div>
                  </td>
                  <td>
                    {m.teacherName}
                    {!m.teacherInRoom && <div className="muted">{t('teacherNotInRoom')}</div>}
                  </td>
                  <td>
                    <SessionStatusBadge status={m.status} />
                  </td>
                  <td data-testid="live-count">
                    {formatNumber(m.inRoom)} <span className="muted">({formatNumber(m.studentsInRoom)} {t('studentsShort')})</span>
                  </td>
                  <td>{formatTime(m.openedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
