'use client';

import { usePreviewTracks } from '@livekit/components-react';
import { Track, type LocalVideoTrack } from 'livekit-client';
import { useEffect, useRef } from 'react';
import { useText } from '@/components/i18n/use-text';

/**
 * Before the teacher arrives a student waits here, connected (their
 * attendance counts from their own join) but publishing nothing, with their
 * own camera as a mirror (docs/rules.md#running-over-and-ending). The class
 * opens by itself when the teacher joins: the room state says so.
 */
export function WaitingScreen({ startsAt, camera }: { startsAt: Date; camera: boolean }) {
  const { t, formatTime } = useText();
  return (
    <div className="grid flex-1 place-items-center gap-4 p-6 text-center text-white" data-testid="waiting-screen" role="status">
      <div className="grid gap-3">
        <h2 className="m-0 text-xl">{t('classroom.teacherNotArrived')}</h2>
        <p className="m-0">{t('classroom.startsAt', { time: formatTime(startsAt) })}</p>
        <p className="m-0 text-sm opacity-80">{t('classroom.opensWhenTeacherJoins')}</p>
        {camera && <OwnCamera />}
      </div>
    </div>
  );
}

function OwnCamera() {
  const { t } = useText();
  const tracks = usePreviewTracks({ video: true, audio: false });
  const video = tracks?.find((track) => track.kind === Track.Kind.Video) as LocalVideoTrack | undefined;
  const element = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const el = element.current;
    if (!video || !el) return;
    video.attach(el);
    return () => {
      video.detach(el);
    };
  }, [video]);
  return (
    <video
      ref={element}
      muted
      playsInline
      aria-label={t('classroom.yourCamera')}
      data-testid="waiting-camera"
      className="mx-auto aspect-video w-[min(28rem,90vw)] -scale-x-100 rounded-lg bg-black object-cover"
    />
  );
}
