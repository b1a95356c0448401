'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRefusalText } from '@/components/i18n/refusal-text';
import { useText } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import { Button } from '@/components/ui/button';
import { ErrorText } from '@/components/ui/notice';

/** The "recording" notice everyone in the room sees while the session is recorded. */
export function RecordingNotice({ recording }: { recording: boolean }) {
  const { t } = useText();
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
  const { t } = useText();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.room.state.queryKey({ sessionId }) });
  const start = useMutation(trpc.recording.start.mutationOptions({ onSuccess: refresh }));
  const stop = useMutation(trpc.recording.stop.mutationOptions({ onSuccess: refresh }));
  const refusal = useRefusalText()((recording ? stop.error : start.error) ?? null);
  return (
    <div className="my-2">
      {recording ? (
        <Button variant="secondary" disabled={stop.isPending} onClick={() => stop.mutate({ sessionId })} data-testid="room-stop-recording">
          {t('room.stopRecording')}
        </Button>
      ) : (
        <Button variant="secondary" disabled={start.isPending} onClick={() => start.mutate({ sessionId })} data-testid="room-start-recording">
          {start.isPending ? t('room.startingRecording') : t('room.startRecording')}
        </Button>
      )}
      {refusal && (
        <ErrorText data-testid="room-recording-error">
          {refusal.text}
          {refusal.detail && <small dir="ltr"> ({refusal.detail})</small>}
        </ErrorText>
      )}
    </div>
  );
}
