'use client';

import '@livekit/components-styles';
import { LiveKitRoom, PreJoin, RoomAudioRenderer, VideoConference, type LocalUserChoices } from '@livekit/components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useTRPC } from '@/components/trpc-provider';
import { AttendancePanel } from './attendance-panel';
import { RoomWatcher } from './room-watcher';

type Phase = 'prejoin' | 'joined' | 'left' | 'ended' | 'removed';

export function RoomClient({ sessionId, viewerName, videoUnavailableReason }: { sessionId: number; viewerName: string; videoUnavailableReason: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [phase, setPhase] = useState<Phase>('prejoin');
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const sid = useRef<string | null>(null);

  const detail = useQuery({
    ...trpc.session.detail.queryOptions({ sessionId }),
    refetchInterval: 1_000,
    retry: false,
  });
  const create = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: () => detail.refetch() }));
  const token = useMutation(trpc.meeting.token.mutationOptions({ onSuccess: () => setPhase('joined') }));
  const leave = useMutation(trpc.meeting.leave.mutationOptions());
  // The watcher's callback must stay stable across renders; the mutation object does not.
  const leaveRef = useRef(leave.mutate);
  leaveRef.current = leave.mutate;
  const end = useMutation(trpc.meeting.end.mutationOptions({ onSuccess: () => detail.refetch() }));

  const onSid = useCallback((value: string) => {
    sid.current = value;
  }, []);
  const onEnded = useCallback(
    (reason: 'ended' | 'removed' | 'left') => {
      if (sid.current) leaveRef.current({ sessionId, participantSid: sid.current });
      setPhase(reason);
    },
    [sessionId],
  );

  if (detail.error) {
    return (
      <main>
        <p role="alert" className="notice" data-testid="room-not-allowed">
          {t('notAllowed')}
        </p>
        <a href="/">{t('backHome')}</a>
      </main>
    );
  }
  if (!detail.data) return <main className="muted">{t('connecting')}</main>;

  const { session, meeting, viewer, attendance } = detail.data;
  const staff = viewer.joinRole === 'teacher' || viewer.joinRole === 'manager' || viewer.joinRole === 'staff';
  const over = ['completed', 'absent', 'cancelled'].includes(session.status) || Boolean(meeting?.endedAt);
  const panel = staff || over ? <AttendancePanel rows={attendance} final={over} /> : null;

  let stage: React.ReactNode;
  if (videoUnavailableReason) {
    stage = (
      <p role="alert" className="notice" data-testid="video-unavailable">
        {t('videoUnavailable')}: {videoUnavailableReason}
      </p>
    );
  } else if (over || phase === 'ended') {
    stage = (
      <p className="notice" data-testid="room-ended">
        {t('roomEnded')}
      </p>
    );
  } else if (!meeting) {
    stage = viewer.canManage ? (
      <button className="btn" type="button" disabled={create.isPending} onClick={() => create.mutate({ sessionId })}>
        {t('startMeeting')}
      </button>
    ) : (
      <p className="notice">{t('waitingForTeacher')}</p>
    );
  } else if (phase === 'joined' && token.data) {
    stage = (
      <LiveKitRoom
        serverUrl={token.data.serverUrl}
        token={token.data.token}
        connect
        audio={choices?.audioEnabled ?? true}
        video={choices?.videoEnabled ?? true}
        data-lk-theme="default"
        style={{ height: '100%' }}
      >
        <RoomWatcher onSid={onSid} onEnded={onEnded} />
        <VideoConference />
        <RoomAudioRenderer />
      </LiveKitRoom>
    );
  } else if (phase === 'left' || phase === 'removed') {
    stage = (
      <div className="notice" data-testid="room-left">
        <p>{t('leftRoom')}</p>
        {phase === 'left' && (
          <button className="btn" type="button" onClick={() => token.mutate({ sessionId })}>
            {t('rejoin')}
          </button>
        )}
      </div>
    );
  } else {
    stage = (
      <div data-lk-theme="default" style={{ height: '100%' }}>
        <PreJoin
          defaults={{ username: viewerName, videoEnabled: true, audioEnabled: true }}
          persistUserChoices={false}
          joinLabel={t('join')}
          onSubmit={(values) => {
            setChoices(values);
            token.mutate({ sessionId });
          }}
        />
        {token.error && (
          <p role="alert" className="error">
            {token.error.message}
          </p>
        )}
      </div>
    );
  }

  return (
    <div className="room-layout">
      <div className="room-stage" data-testid="room-stage">
        {stage}
      </div>
      <aside className="room-side">
        <section className="card">
          <h1 style={{ fontSize: '1.2rem' }}>{session.title}</h1>
          <p className="muted">{t(`status.${session.status}` as 'status.ready')}</p>
          {viewer.canManage && meeting && !over && (
            <button className="btn danger" type="button" disabled={end.isPending} onClick={() => end.mutate({ sessionId })}>
              {t('endForEveryone')}
            </button>
          )}
          <p>
            <a href="/">{t('backHome')}</a>
          </p>
        </section>
        {panel}
      </aside>
    </div>
  );
}
