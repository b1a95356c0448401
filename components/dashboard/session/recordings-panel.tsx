'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Circle, Square } from 'lucide-react';
import { useId } from 'react';
import { useRefusalText } from '@/components/i18n/refusal-text';
import { useTRPC } from '@/components/trpc-provider';
import { QueryState, RecordingStatusBadge } from '../badges';
import { isUnfinishedRecording, isWebLocation } from '../recording-format';
import { useText } from '@/components/i18n/use-text';
import { Card } from '@/components/ui/card';
import { ErrorText, Notice } from '@/components/ui/notice';
import { Table } from '@/components/ui/table';
import { Button } from '@/components/ui/button';

interface RecordingRow {
  id: number;
  status: string;
  startedAt: Date;
  durationMs: number | null;
  sizeBytes: number | null;
  location: string | null;
  downloadUrl: string | null;
  filePath: string | null;
  autoStarted: boolean;
  error: string | null;
  startedByName: string | null;
}

/**
 * A session's recordings (issue 7). Its managers see whether it is being
 * recorded, start and stop it, and are told why they cannot (the settings,
 * the deployment's storage, a room not open yet); they see every recording
 * with its state. Everyone else sees only finished recordings, and nothing at
 * all when there are none or the academy does not share them.
 */
export function RecordingsPanel({ sessionId, roomOpen }: { sessionId: number; roomOpen: boolean }) {
  const { t } = useText();
  const refusalText = useRefusalText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const id = useId();
  const list = useQuery({
    ...trpc.recording.list.queryOptions({ sessionId }),
    refetchInterval: (query) => (query.state.data?.recordings.some((r) => isUnfinishedRecording(r.status)) ? 5_000 : false),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.recording.list.queryKey({ sessionId }) });
  const start = useMutation(trpc.recording.start.mutationOptions({ onSettled: refresh }));
  const stop = useMutation(trpc.recording.stop.mutationOptions({ onSettled: refresh }));

  const code = list.error?.data?.code;
  // Not shared with students (or not theirs): no panel, and certainly no error page.
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return null;
  const heading = <h2 id={`${id}-heading`}>{t('recordings')}</h2>;
  if (list.error) {
    return (
      <Card aria-labelledby={`${id}-heading`} data-testid="recordings-panel">
        {heading}
        <QueryState loading={false} error={list.error} />
      </Card>
    );
  }
  const data = list.data;
  if (!data || (!data.canManage && data.recordings.length === 0)) return null;

  if (!data.canManage) {
    return (
      <Card aria-labelledby={`${id}-heading`} data-testid="recordings-panel">
        {heading}
        <RecordingPlayer rows={data.recordings} />
        <RecordingsTable rows={data.recordings} canManage={false} />
      </Card>
    );
  }

  const current = data.recordings.find((r) => isUnfinishedRecording(r.status));
  const reasons = [
    ...(data.allowed ? [] : [t('recordingTurnedOff')]),
    ...(data.unavailableReason ? [refusalText(null, data.unavailableCode)?.text ?? data.unavailableReason] : []),
    ...(data.unavailableDetail ? [data.unavailableDetail] : []),
    ...(roomOpen ? [] : [t('recordingNeedsRoom')]),
  ];
  const failure = refusalText(start.error ?? stop.error);
  const busy = start.isPending || stop.isPending;
  const stateText =
    current?.status === 'active'
      ? t('recordingNow')
      : current?.status === 'starting'
        ? t('recordingStarting')
        : current?.status === 'ending'
          ? t('recordingStopping')
          : t('notRecording');
  return (
    <Card aria-labelledby={`${id}-heading`} data-testid="recordings-panel">
      {heading}
      <p data-testid="recording-state" data-state={current?.status ?? 'idle'} aria-live="polite">
        {current && (
          <>
            <RecordingStatusBadge status={current.status} />{' '}
          </>
        )}
        {stateText}
      </p>
      {data.recordsByItself && <p className="text-muted">{t('recordsByItself')}</p>}
      <div className="flex flex-wrap items-center gap-2">
        {current && current.status !== 'ending' ? (
          <Button
            variant="danger"
            disabled={busy}
            onClick={() => {
              start.reset();
              stop.mutate({ sessionId });
            }}
            data-testid="recording-stop"
          >
            <Square aria-hidden />
            {t('stopRecording')}
          </Button>
        ) : (
          <Button
            disabled={busy || Boolean(current) || reasons.length > 0}
            aria-describedby={reasons.length > 0 ? `${id}-unavailable` : undefined}
            onClick={() => {
              stop.reset();
              start.mutate({ sessionId });
            }}
            data-testid="recording-start"
          >
            <Circle aria-hidden />
            {t('startRecording')}
          </Button>
        )}
      </div>
      {reasons.length > 0 && !current && (
        <Notice className="mt-3" id={`${id}-unavailable`} data-testid="recording-unavailable">
          {reasons.map((reason) => (
            <p key={reason} dir="auto">
              {reason}
            </p>
          ))}
        </Notice>
      )}
      {failure && (
        <ErrorText dir="auto" data-testid="recording-error">
          {failure.text}
          {failure.detail && <small dir="ltr"> ({failure.detail})</small>}
        </ErrorText>
      )}
      <RecordingPlayer rows={data.recordings} />
      {data.recordings.length === 0 ? <p className="text-muted">{t('noRecordings')}</p> : <RecordingsTable rows={data.recordings} canManage />}
    </Card>
  );
}

/** The latest finished recording, played from its signed link (rows come newest first). */
function RecordingPlayer({ rows }: { rows: RecordingRow[] }) {
  const { t, formatDateTime } = useText();
  const latest = rows.find((r) => r.status === 'complete' && r.downloadUrl);
  if (!latest) return null;
  return (
    <figure className="my-3">
      <video
        key={latest.id}
        src={latest.downloadUrl!}
        controls
        preload="metadata"
        playsInline
        className="w-full max-w-3xl rounded bg-black"
        aria-label={t('recordingPlayer.label', { date: formatDateTime(latest.startedAt) })}
        data-testid="recording-player"
      >
        {t('recordingPlayer.noVideo')}
      </video>
      <figcaption className="text-muted">{t('recordingPlayer.label', { date: formatDateTime(latest.startedAt) })}</figcaption>
    </figure>
  );
}

function RecordingsTable({ rows, canManage }: { rows: RecordingRow[]; canManage: boolean }) {
  const { t, formatDateTime, formatClock, formatBytes } = useText();
  return (
    <Table data-testid="recordings-table">
      <thead>
        <tr>
          <th scope="col">{t('startedAt')}</th>
          <th scope="col">{t('statusLabel')}</th>
          <th scope="col">{t('duration')}</th>
          <th scope="col">{t('size')}</th>
          <th scope="col">{t('recordingFile')}</th>
          {canManage && <th scope="col">{t('startedBy')}</th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-testid={`recording-${r.id}`} data-status={r.status}>
            <td>{formatDateTime(r.startedAt)}</td>
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
            {canManage && <td>{r.autoStarted ? t('automatic') : (r.startedByName ?? '—')}</td>}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/**
 * The signed link into the bucket when there is one (a finished recording with storage configured),
 * else a web address as LiveKit reported it; anything else (a bucket key) is shown as it is, left to right.
 */
export function RecordingLocation({ location, filePath, downloadUrl }: { location: string | null; filePath: string | null; downloadUrl: string | null }) {
  const { t } = useText();
  const href = downloadUrl ?? (location && isWebLocation(location) ? location : null);
  if (href) {
    return (
      <a href={href} target="_blank" rel="noreferrer" title={location ?? filePath ?? undefined} data-testid="recording-link">
        {t('openRecording')}
      </a>
    );
  }
  const text = location ?? filePath;
  return text ? (
    <span dir="ltr" className="break-all text-muted">
      {text}
    </span>
  ) : (
    <>—</>
  );
}
