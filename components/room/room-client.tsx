'use client';

import '@livekit/components-styles';
import './room.css';
import { LiveKitRoom, type LocalUserChoices } from '@livekit/components-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { ConnectionError } from 'livekit-client';
import type { inferRouterOutputs } from '@trpc/server';
import { Play } from 'lucide-react';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useRefusalText } from '@/components/i18n/refusal-text';
import { useText, type TextKey } from '@/components/i18n/use-text';
import { useTRPC } from '@/components/trpc-provider';
import type { AppRouter } from '@/server/trpc/root';
import { maxEndMs } from '@/shared/classroom/class-clock';
import { isMicLocked } from '@/shared/classroom/room-state';
import { AnnouncementBanner } from './announcement-banner';
import { ClassClockBar } from './class-clock-bar';
import { EndForEveryone } from './end-for-everyone';
import { ObserverJoin } from './observer-join';
import { PublishWhenAllowed } from './publish-when-allowed';
import { captureOptionsFor } from './video-quality';
import { WaitingScreen } from './waiting-screen';
import { RecordingNotice } from './recording-control';
import { AttendancePanel } from './attendance-panel';
import { ClassroomPreJoin } from './classroom-pre-join';
import { ClassroomStage } from './classroom-stage';
import { CommandListeners } from './command-listeners';
import { HandsPanel, useHandAction } from './hands-panel';
import { RoomWatcher } from './room-watcher';
import { TeacherPanel } from './teacher-panel';
import { ClassroomTools } from './tools/classroom-tools';
import { useRoomControls } from './use-room-controls';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { ErrorText, Notice } from '@/components/ui/notice';

type Phase = 'prejoin' | 'joined' | 'left' | 'ended' | 'removed';
type TokenData = inferRouterOutputs<AppRouter>['meeting']['token'];
const PREFETCH_MAX_AGE_MS = 20_000;
const OBSERVER_CHOICES: LocalUserChoices = { username: '', videoEnabled: false, audioEnabled: false, videoDeviceId: '', audioDeviceId: '' };
/** The stage beside the side panels (room.css: LiveKitRoom's own unlayered styles would win over utilities). */
const ROOM_LAYOUT = 'room-layout';
/** room.css: below this height the stage takes the whole screen. */
const SHORT_SCREEN = '(max-height: 600px)';

/**
 * `videoUnavailable`: the installation has no LiveKit; `videoUnavailableDetail`
 * says why, and only super admins get it (it names servers and variables).
 */
export function RoomClient({
  sessionId,
  videoUnavailable,
  videoUnavailableDetail,
}: {
  sessionId: number;
  videoUnavailable: boolean;
  videoUnavailableDetail: string | null;
}) {
  const refusalText = useRefusalText();
  const { t } = useText();
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
  const canPrefetch = phase === 'prejoin' && !videoUnavailable && Boolean(detail.data?.meeting) && !detail.data?.meeting?.endedAt;
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
  const handAction = useHandAction(sessionId, controls.state);
  const stageRef = useRef<HTMLDivElement>(null);
  const inRoom = phase === 'joined';
  // A phone in landscape: the stage is the whole screen, so joining brings all of it into view.
  // Turning the phone sideways later does the same.
  useEffect(() => {
    if (!inRoom) return;
    const short = window.matchMedia(SHORT_SCREEN);
    const bringIntoView = () => {
      if (short.matches) stageRef.current?.scrollIntoView({ block: 'start' });
    };
    bringIntoView();
    short.addEventListener('change', bringIntoView);
    return () => short.removeEventListener('change', bringIntoView);
  }, [inRoom]);

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
      <main id="main" className="mx-auto max-w-[1100px] px-4 py-6">
        <Notice role="alert" data-testid="room-not-allowed">
          {t('words.sessionUnavailable')}
        </Notice>
        <a href="/" className="inline-flex min-h-11 items-center">{t('backHome')}</a>
      </main>
    );
  }
  if (!detail.data) {
    return (
      <main id="main" className="mx-auto max-w-[1100px] px-4 py-6 text-muted" role="status">
        {t('connecting')}
      </main>
    );
  }

  const { session, meeting, viewer, attendance } = detail.data;
  const state = controls.state;
  const staff = viewer.canManage;
  const isStudent = viewer.joinRole === 'student';
  const over = ['completed', 'absent', 'cancelled'].includes(session.status) || Boolean(meeting?.endedAt) || Boolean(state?.ended);
  const removed = phase === 'removed' || (phase !== 'joined' && Boolean(state?.me.removed));
  const joined = phase === 'joined' && Boolean(joinToken) && !over;
  const tokenUnavailable = token.error?.data?.code === 'SERVICE_UNAVAILABLE';
  // Observers never publish: parents, colleagues observing, and managers who chose to observe hidden.
  const observing = viewer.joinRole === 'parent' || viewer.joinRole === 'observer' || joinToken?.grants.hidden === true;
  // A student waits for the teacher (docs/rules.md#running-over-and-ending) unless the academy lets students talk first.
  const waiting = isStudent && !!state && !state.teacherArrived && !joinToken?.talkBeforeTeacher;
  const reachedMaximum = Boolean(meeting?.endedAt) && new Date(meeting!.endedAt!).getTime() >= maxEndMs({ ...session, scheduledAt: new Date(session.scheduledAt) });

  let stage: ReactNode;
  if (videoUnavailable || tokenUnavailable || connectError) {
    const why = videoUnavailableDetail ?? connectError ?? refusalText(token.error)?.detail ?? null;
    stage = (
      <Notice className="m-4 self-start" role="alert" data-testid="video-unavailable">
        {t('videoUnavailable')}
        {why && `: ${why}`}
      </Notice>
    );
  } else if (over || phase === 'ended') {
    stage = (
      <Notice className="m-4 self-start" data-testid="room-ended" role="status">
        {t('roomEnded')}
        {reachedMaximum && <span data-testid="ended-at-maximum"> {t('classroom.endedAtMaximum')}</span>}
      </Notice>
    );
  } else if (removed) {
    stage = (
      <Notice className="m-4 self-start" data-testid="room-removed" role="alert">
        {t('room.removed')}
      </Notice>
    );
  } else if (!meeting) {
    stage = viewer.canManage ? (
      <Button className="m-4 self-start" disabled={create.isPending} onClick={() => create.mutate({ sessionId })} data-testid="start-meeting">
        <Play aria-hidden />
        {t('startMeeting')}
      </Button>
    ) : (
      <Notice className="m-4 self-start" role="status">{t('waitingForTeacher')}</Notice>
    );
  } else if (joined && joinToken && waiting) {
    stage = <WaitingScreen startsAt={new Date(session.scheduledAt)} camera={choices?.videoEnabled ?? true} />;
  } else if (joined && joinToken) {
    stage = (
      <ClassroomStage
        actions={isStudent && state && !removed && handAction ? [handAction] : []}
        micLocked={isStudent && !!state && isMicLocked(state, state.me.identity)}
        publishingStopped={isStudent && !!state && !state.studentsCanPublish}
        raisedHands={new Set(state?.raisedHands.map((h) => h.identity))}
        showObservers={viewer.canManage}
      />
    );
  } else if (phase === 'left') {
    stage = (
      <Notice className="m-4 self-start" data-testid="room-left" role="status">
        <p>{t('leftRoom')}</p>
        <Button className="mt-2" onClick={() => token.mutate({ sessionId })}>
          {t('rejoin')}
        </Button>
      </Notice>
    );
  } else if (viewer.joinRole === 'parent' || viewer.joinRole === 'observer') {
    // Observers are offered no camera or microphone (docs/rules.md#observers).
    stage = (
      <ObserverJoin
        pending={token.isPending}
        error={token.error?.message ?? null}
        onJoin={() => {
          setChoices(OBSERVER_CHOICES);
          join();
        }}
      />
    );
  } else {
    stage = (
      <div className="prejoin">
        {viewer.joinRole === 'manager' && (
          <ObserverJoin
            hiddenChoice
            pending={token.isPending}
            error={null}
            onJoin={() => {
              setChoices(OBSERVER_CHOICES);
              token.mutate({ sessionId, hidden: true });
            }}
          />
        )}
        <ClassroomPreJoin
          camera
          microphone
          joining={token.isPending}
          onJoin={(values) => {
            setChoices(values);
            join();
          }}
        >
          {token.error && (
            <ErrorText className="rounded-md bg-card px-4 py-2" data-testid="join-error">
              {refusalText(token.error)?.text}
            </ErrorText>
          )}
        </ClassroomPreJoin>
      </div>
    );
  }

  const live = Boolean(meeting) && !over;
  const body = (
    <>
      <div ref={stageRef} className="room-stage" data-testid="room-stage" data-lk-theme="default">
        {live && <RecordingNotice recording={state?.recording ?? false} />}
        {live && <AnnouncementBanner announcement={state?.announcement ?? null} />}
        {live && joined && (
          <ClassClockBar sessionId={sessionId} times={{ ...session, scheduledAt: new Date(session.scheduledAt) }} canManage={viewer.canManage && !observing} onExtended={() => void detail.refetch()} />
        )}
        {joined && state && <ClassroomTools sessionId={sessionId} userId={state.me.userId} state={state} canManage={viewer.canManage} isStudent={isStudent} kind={session.kind} />}
        {controls.liveUpdates === 'error' || (joined && controls.liveUpdates === 'connecting') ? (
          <p className="m-0 border-b border-[#e5c36b] bg-[#fff4d6] px-3 py-2 text-[#3d2e00]" role="status" data-testid="live-updates-down">
            {t('room.liveUpdatesDown')}
          </p>
        ) : null}
        <div className="stage-body">{stage}</div>
      </div>
      <aside className="min-h-0 overflow-auto" aria-label={session.title}>
        <Card>
          <h1 className="mb-1 text-xl">{session.title}</h1>
          <p className="text-muted">{t(`status.${session.status}` as TextKey)}</p>
          {viewer.canManage && meeting && !over && <EndForEveryone sessionId={sessionId} onEnded={() => void detail.refetch()} />}
          <p>
            <a href="/" className="inline-flex min-h-11 items-center">{t('backHome')}</a>
          </p>
        </Card>
        {live && state && !removed && (
          <HandsPanel
            sessionId={sessionId}
            hands={state.raisedHands}
            myUserId={state.me.userId}
            canRaise={isStudent && joined && !waiting}
            canManage={viewer.canManage && joined}
            speaking={state.micsLocked ? { speakerIdentity: state.speakerIdentity } : null}
          />
        )}
        {joined && viewer.canManage && !observing && state && <TeacherPanel sessionId={sessionId} state={state} />}
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
        className={ROOM_LAYOUT}
        serverUrl={joinToken.serverUrl}
        token={joinToken.token}
        connect
        audio={(choices?.audioEnabled ?? true) && allows('microphone')}
        video={(choices?.videoEnabled ?? true) && allows('camera')}
        options={captureOptionsFor(joinToken.videoQuality)}
        onError={onRoomError}
      >
        {isStudent && <PublishWhenAllowed camera={choices?.videoEnabled ?? true} microphone={choices?.audioEnabled ?? true} />}
        <RoomWatcher onSid={onSid} onEnded={onEnded} />
        <CommandListeners onCommand={controls.apply} />
        {body}
      </LiveKitRoom>
    );
  }
  return (
    <main id="main" className={ROOM_LAYOUT}>
      {body}
    </main>
  );
}
