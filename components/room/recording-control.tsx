'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useRefusalText } from '@/components/i18n/refusal-text';
import { useTRPC } from '@/components/trpc-provider';

/** The "recording" notice everyone in the room sees while the session is recorded. */
export function RecordingNotice({ recording }: { recording: boolean }) {
  const { t } = useI18n();
  return (
    <div aria-live="polite" className="recording-region">
      {recording && (
        <p className="recording-notice" role="status" data-testid="recording-notice">
          <span className="recording-dot" aria-hidden="true" /> {t('room.recordingNow')}
        </p>
      )}
    </div>
  );
}

/**
 * The teacher's record / stop button. The server decides (settings, storage,
 * egress service) and its message is shown as is when it refuses; the
 * notice above follows the room state, which the egress webhooks move.
 */
export function RecordingControl({ sessionId, recording }: { sessionId: number; recording: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.room.state.queryKey({ sessionId }) });
  const start = useMutation(trpc.recording.start.mutationOptions({ onSuccess: refresh }));
  const stop = useMutation(trpc.recording.stop.mutationOptions({ onSuccess: refresh }));
  const refusal = useRefusalText()((recording ? stop.error : start.error) ?? null);
  return (
    <div className="recording-control">
      {recording ? (
        <button className="btn secondary" type="button" disabled={stop.isPending} onClick={() => stop.mutate({ sessionId })} data-testid="room-stop-recording">
          {t('room.stopRecording')}
        </button>
      ) : (
        <button className="btn secondary" type="button" disabled={start.isPending} onClick={() => start.mutate({ sessionId })} data-testid="room-start-recording">
          {start.isPending ? t('room.startingRecording') : t('room.startRecording')}
        </button>
      )}
      {refusal && (
        <p role="alert" className="error" data-testid="room-recording-error">
          {refusal.text}
          {refusal.detail && <small dir="ltr"> ({refusal.detail})</small>}
        </p>
      )}
    </div>
  );
}
