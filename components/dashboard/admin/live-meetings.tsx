'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState, SessionStatusBadge } from '../badges';
import { useText } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';

/** Rooms open now, polled every few seconds (docs/rules.md, Dashboards: "live meetings now"). */
export function LiveMeetings() {
  const { t, formatTime, formatNumber } = useText();
  const trpc = useTRPC();
  const scope = useAcademyScope();
  const live = useQuery({ ...trpc.academies.liveMeetings.queryOptions(scope), refetchInterval: 5_000 });
  return (
    <Card aria-labelledby="live-heading" data-testid="live-meetings">
      <h2 id="live-heading">
        {t('liveMeetingsNow')} {live.data && <Badge tone="live">{formatNumber(live.data.length)}</Badge>}
      </h2>
      <QueryState loading={live.isLoading} error={live.error} />
      {live.data?.length === 0 && <p className="text-muted">{t('noLiveMeetings')}</p>}
      {live.data && live.data.length > 0 && (
        <Table>
          <thead>
            <tr>
              <th scope="col">{t('session')}</th>
              <th scope="col">{t('teacher')}</th>
              <th scope="col">{t('statusLabel')}</th>
              <th scope="col">{t('inRoom')}</th>
              <th scope="col">{t('openedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {live.data.map((m) => (
              <tr key={m.sessionId} data-testid={`live-${m.sessionId}`}>
                <td>
                  <Link className="inline-flex min-h-11 items-center" href={`/sessions/${m.sessionId}`}>{m.title}</Link>
                  <div className="text-muted">
                    <KindLabel kind={m.kind} /> · {formatTime(m.scheduledAt)} · {t('minutesCount', { count: m.durationMinutes })}
                  </div>
                </td>
                <td>
                  {m.teacherName}
                  {!m.teacherInRoom && <div className="text-muted">{t('teacherNotInRoom')}</div>}
                </td>
                <td>
                  <SessionStatusBadge status={m.status} />
                </td>
                <td data-testid="live-count">
                  {formatNumber(m.inRoom)} <span className="text-muted">({t('studentsCount', { count: m.studentsInRoom })})</span>
                </td>
                <td>{formatTime(m.openedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
