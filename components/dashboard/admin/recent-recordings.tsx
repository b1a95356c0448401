'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC } from '@/components/trpc-provider';
import { KindLabel, QueryState, RecordingStatusBadge } from '../badges';
import { isUnfinishedRecording } from '../recording-format';
import { RecordingLocation } from '../session/recordings-panel';
import { useText } from '@/components/i18n/use-text';
import { useAcademyScope } from './admin-scope';
import { Card } from '@/components/ui/card';
import { Table } from '@/components/ui/table';

/** The academy's latest recordings (issue 7), polled faster while one is still being made. */
export function RecentRecordings() {
  const { t, formatDateTime, formatClock, formatBytes } = useText();
  const trpc = useTRPC();
  const recordings = useQuery({
    ...trpc.recording.academy.queryOptions({ ...useAcademyScope(), limit: 20 }),
    refetchInterval: (query) => (query.state.data?.some((r) => isUnfinishedRecording(r.status)) ? 5_000 : 30_000),
  });
  return (
    <Card aria-labelledby="recent-recordings-heading" data-testid="academy-recordings">
      <h2 id="recent-recordings-heading">{t('recentRecordings')}</h2>
      <QueryState loading={recordings.isLoading} error={recordings.error} />
      {recordings.data?.length === 0 && (
        <p className="text-muted" data-testid="academy-recordings-empty">
          {t('noAcademyRecordings')}
        </p>
      )}
      {recordings.data && recordings.data.length > 0 && (
        <Table>
          <thead>
            <tr>
              <th scope="col">{t('session')}</th>
              <th scope="col">{t('teacher')}</th>
              <th scope="col">{t('startedAt')}</th>
              <th scope="col">{t('statusLabel')}</th>
              <th scope="col">{t('duration')}</th>
              <th scope="col">{t('size')}</th>
              <th scope="col">{t('recordingFile')}</th>
            </tr>
          </thead>
          <tbody>
            {recordings.data.map((r) => (
              <tr key={r.id} data-testid={`academy-recording-${r.id}`} data-status={r.status}>
                <td>
                  <Link className="inline-flex min-h-11 items-center" href={`/sessions/${r.sessionId}`}>{r.sessionTitle}</Link>
                  <div className="text-muted">
                    <KindLabel kind={r.sessionKind} />
                  </div>
                </td>
                <td>{r.teacherName}</td>
                <td>
                  {formatDateTime(r.startedAt)}
                  <div className="text-muted">{r.autoStarted ? t('automatic') : r.startedByName}</div>
                </td>
                <td>
                  <RecordingStatusBadge status={r.status} />
                  {r.error && (
                    <div className="text-danger" dir="auto">
                      {r.error}
                    </div>
                  )}
                </td>
                <td>{r.durationMs !== null ? formatClock(r.durationMs) : '—'}</td>
                <td>{r.sizeBytes !== null ? formatBytes(r.sizeBytes) : '—'}</td>
                <td>
                  <RecordingLocation location={r.location} filePath={r.filePath} downloadUrl={r.downloadUrl} />
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </Card>
  );
}
