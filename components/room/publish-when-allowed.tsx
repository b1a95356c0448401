'use client';

import { useLocalParticipant, useLocalParticipantPermissions } from '@livekit/components-react';
import { useEffect, useRef } from 'react';

const MICROPHONE_SOURCE = 2; // TrackSource.MICROPHONE in LiveKit's protocol

/**
 * A student who joined while waiting for the teacher had nothing to publish;
 * when the class opens (the server grants publishing) their camera and
 * microphone come on as they chose at the device check, once.
 */
export function PublishWhenAllowed({ camera, microphone }: { camera: boolean; microphone: boolean }) {
  const permissions = useLocalParticipantPermissions();
  const { localParticipant } = useLocalParticipant();
  const was = useRef<boolean | null>(null);
  const canPublish = Boolean(permissions?.canPublish);
  const sources = permissions?.canPublishSources ?? [];
  const micAllowed = sources.length === 0 || sources.includes(MICROPHONE_SOURCE);
  useEffect(() => {
    const before = was.current;
    was.current = canPublish;
    if (before !== false || !canPublish) return;
    if (camera) void localParticipant.setCameraEnabled(true).catch(() => undefined);
    if (microphone && micAllowed) void localParticipant.setMicrophoneEnabled(true).catch(() => undefined);
  }, [canPublish, camera, microphone, micAllowed, localParticipant]);
  return null;
}
