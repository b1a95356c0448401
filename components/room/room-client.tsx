'use client';

import '@livekit/components-styles';
import './room.css';
import { LiveKitRoom, PreJoin, type LocalUserChoices } from '@livekit/components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ConnectionError } from 'livekit-client';
import type { inferRouterOutputs } from '@trpc/server';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';
import { useTRPC } from '@/components/trpc-provider';
import type { AppRouter } from '@/server/trpc/root';
import { isMicLocked } from '@/shared/classroom/room-state';
import { AnnouncementBanner } from './announcement-banner';
import { RecordingNotice } from './recording-control';
import { AttendancePanel } from './attendance-panel';
import { ClassroomStage } from './classroom-stage';
import { CommandListeners } from './command-listeners';
import { HandsPanel } from './hands-panel';
import { RoomWatcher } from './room-watcher';
import { TeacherPanel } from './teacher-panel';
import { useRoomControls } from './use-room-controls';

type Phase = 'prejoin' | 'joined' | 'left' | 'ended' | 'removed';
type TokenData = inferRouterOutputs<AppRouter>['meeting']['token'];
const PREFETCH_MAX_AGE_MS = 20_000;

export function RoomClient({ sessionId, viewerName, videoUnavailableReason }: { sessionId: number; viewerName: string; videoUnavailableReason: string | null }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [phase, setPhase] = useState<Phase>('prejoin');
  const [choices, setChoices] = useState<LocalUserChoices | null>(null);
  const [connectError, setConnectError] = useState<string | null>(null);
  const sid = useRef<string | null>(null);

  // Attendance refetches on the event stream's signal; the slow poll covers a stream that is down.
  const detail = useQuery({ ...trpc.session.detail.queryOptions({ sessionId }), refetchInterval: 5_000, retry: false });
  const refetchDetail = detail.refetch;
  const controls = useRoomControls(sessionId, {
    onEnded: () => setPhase('ended'),
    onRemoved: () => setPhase('removed'),
    onAttendance: () => void refetchDetail(),
  });
  const create = useMutation(trpc.meeting.create.mutationOptions({ onSuccess: () => detail.refetch() }));
  const [joinToken, setJoinToken] = useState<TokenData | null>(null);
  const token = useMutation(
    trpc.meeting.token.mutationOptions({
      onSuccess: (data) => {
        setJoinToken(data);
        setConnectError(null);
        setPhase('joined');
      },
    }),
  );
  // The token is minted while the device check is on screen, so pressing Join
  // only connects (bench:join). A token older than PREFETCH_MAX_AGE_MS is not
  // used: the room's controls (mute all, stop publishing) may have changed.
  const prefetched = useRef<{ at: number; data: TokenData } | null>(null);
  const prefetch = useMutation(trpc.meeting.token.mutationOptions({ onSuccess: (data) => (prefetched.current = { at: Date.now(), data }) }));
  const canPrefetch = phase === 'prejoin' && !videoUnavailableReason && Boolean(detail.data?.meeting) && !detail.data?.meeting?.endedAt;
  const prefetchIdle = prefetch.isIdle;
  const startPrefetch = prefetch.mutate;
  useEffect(() => {
    if (canPrefetch && prefetchIdle) startPrefetch({ sessionId });
  }, [canPrefetch, prefetchIdle, startPrefetch, sessionId]);
  const join = () => {
    const ready = prefetched.current;
    prefetched.current = null;
    if (ready && Date.now() - ready.at < PREFETCH_MAX_AGE_MS) {
      setJoinToken(ready.data);
      setConnectError(null);
      setPhase('joined');
    } else {
      token.mutate({ sessionId });
    }
  };
  const leave = useMutation(trpc.meeting.leave.mutationOptions());
  // The watcher's callback must stay stable across renders; the mutation object does not.
  const leaveRef = useRef(leave.mutate);
  leaveRef.current = leave.mutate;
  const end = useMutation(trpc.room.end.mutationOptions({ onSuccess: () => detail.refetch() }));

  // Stable: LiveKitRoom reconnects whenever its onError changes identity.
  const onRoomError = useCallback((error: Error) => {
    // Device and publish refusals are not an outage; failing to connect is.
    if (error instanceof ConnectionError) setConnectError(error.message);
  }, []);

  const onSid = useCallback((value: string) => {
    sid.current = value;
  }, []);
  const onEnded = useCallback(
    (reason: 'ended' | 'removed' | 'left') => {
      if (sid.current) leaveRef.current({ sessionId, participantSid: sid.current });
      // A command may have said why first (ended, removed): unmounting the room must not turn that into "left".
      setPhase((current) => (current === 'joined' ? reason : current));
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
  if (!detail.data) {
    return (
      <main className="muted" role="status">
        {t('connecting')}
      </main>
    );
  }

  const { session, meeting, viewer, attendance } = detail.data;
  const state = controls.state;
  const staff = viewer.joinRole === 'teacher' || viewer.joinRole === 'manager' || viewer.joinRole === 'staff';
  const isStudent = viewer.joinRole === 'student';
  const over = ['completed', 'absent', 'cancelled'].includes(session.status) || Boolean(meeting?.endedAt) || Boolean(state?.ended);
  const removed = phase === 'removed' || (phase !== 'joined' && Boolean(state?.me.removed));
  const joined = phase === 'joined' && Boolean(joinToken) && !over;
  const tokenUnavailable = token.error?.data?.code === 'SERVICE_UNAVAILABLE';

  let stage: ReactNode;
  if (videoUnavailableReason || tokenUnavailable || connectError) {
    stage = (
      <p role="alert" className="notice" data-testid="video-unavailable">
        {t('videoUnavailable')}: {videoUnavailableReason ?? connectError ?? token.error?.message}
      </p>
    );
  } else if (over || phase === 'ended') {
    stage = (
      <p className="notice" data-testid="room-ended" role="status">
        {t('roomEnded')}
      </p>
    );
  } else if (removed) {
    stage = (
      <p className="notice" data-testid="room-removed" role="alert">
        {t('room.removed')}
      </p>
    );
  } else if (!meeting) {
    stage = viewer.canManage ? (
      <button className="btn" type="button" disabled={create.isPending} onClick={() => create.mutate({ sessionId })} data-testid="start-meeting">
        {t('startMeeting')}
      </button>
    ) : (
      <p className="notice">{t('waitingForTeacher')}</p>
    );
  } else if (joined && joinToken) {
    stage = (
      <ClassroomStage
        micLocked={isStudent && !!state && isMicLocked(state, state.me.identity)}
        publishingStopped={isStudent && !!state && !state.studentsCanPublish}
      />
    );
  } else if (phase === 'left') {
    stage = (
      <div className="notice" data-testid="room-left">
        <p>{t('leftRoom')}</p>
        <button className="btn" type="button" onClick={() => token.mutate({ sessionId })}>
          {t('rejoin')}
        </button>
      </div>
    );
  } else {
    stage = (
      <div className="prejoin">
        <PreJoin
          defaults={{ username: viewerName, videoEnabled: true, audioEnabled: true }}
          persistUserChoices={false}
          joinLabel={t('join')}
          onSubmit={(values) => {
            setChoices(values);
            join();
          }}
        />
        {token.error && (
          <p role="alert" className="error" data-testid="join-error">
            {token.error.message}
          </p>
        )}
      </div>
    );
  }

  const live = Boolean(meeting) && !over;
  const body = (
    <>
      <div className="room-stage" data-testid="room-stage" data-lk-theme="default">
        {live && <RecordingNotice recording={state?.recording ?? false} />}
        {live && <AnnouncementBanner announcement={state?.announcement ?? null} />}
        {controls.liveUpdates === 'error' || (joined && controls.liveUpdates === 'connecting') ? (
          <p className="stage-notice" role="status" data-testid="live-updates-down">
            {t('room.liveUpdatesDown')}
          </p>
        ) : null}
        <div className="stage-body">{stage}</div>
      </div>
      <aside className="room-side" aria-label={session.title}>
        <section className="card">
          <h1 className="room-title">{session.title}</h1>
          <p className="muted">{t(`status.${session.status}` as 'status.ready')}</p>
          {viewer.canManage && meeting && !over && (
            <button className="btn danger" type="button" disabled={end.isPending} onClick={() => end.mutate({ sessionId })} data-testid="end-for-everyone">
              {t('endForEveryone')}
            </button>
          )}
          <p>
            <a href="/">{t('backHome')}</a>
          </p>
        </section>
        {live && state && !removed && (
          <HandsPanel sessionId={sessionId} hands={state.raisedHands} myUserId={state.me.userId} canRaise={isStudent && joined} canManage={viewer.canManage && joined} />
        )}
        {joined && viewer.canManage && state && <TeacherPanel sessionId={sessionId} state={state} />}
        {(staff || over) && <AttendancePanel rows={attendance} final={over} />}
      </aside>
    </>
  );

  if (joined && joinToken) {
    // Publish at join only what the token allows, or LiveKit refuses it (mute all, stop publishing).
    const { grants } = joinToken;
    const allows = (source: 'microphone' | 'camera') => grants.canPublish && (!grants.canPublishSources || grants.canPublishSources.includes(source));
    return (
      <LiveKitRoom
        className="room-layout"
        serverUrl={joinToken.serverUrl}
        token={joinToken.token}
        connect
        audio={(choices?.audioEnabled ?? true) && allows('microphone')}
        video={(choices?.videoEnabled ?? true) && allows('camera')}
        onError={onRoomError}
      >
        <RoomWatcher onSid={onSid} onEnded={onEnded} />
        <CommandListeners onCommand={controls.apply} />
        {body}
      </LiveKitRoom>
    );
  }
  return <div className="room-layout">{body}</div>;
}
