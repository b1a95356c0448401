'use client';

import {
  CarouselLayout,
  FocusLayout,
  FocusLayoutContainer,
  GridLayout,
  isTrackReference,
  LayoutContextProvider,
  RoomAudioRenderer,
  useChat,
  useConnectionState,
  useCreateLayoutContext,
  useLocalParticipantPermissions,
  usePinnedTracks,
  useTracks,
  type TrackReferenceOrPlaceholder,
} from '@livekit/components-react';
import { ConnectionState, RoomEvent, Track } from 'livekit-client';
import { useEffect, useRef, useState } from 'react';
import { useText } from '@/components/i18n/use-text';
import type { TextKey } from '@/components/i18n/use-text';
import { ClassroomChat } from './classroom-chat';
import { ClassroomControlBar } from './classroom-control-bar';
import { ClassroomTile, isClassTile, ObserversBadge } from './classroom-tile';
import type { RoomAction } from './room-action';

const MICROPHONE_SOURCE = 2; // TrackSource.MICROPHONE in LiveKit's protocol
const SCREEN_SHARE_SOURCE = 3; // TrackSource.SCREEN_SHARE

function isEqualTrackRef(a?: TrackReferenceOrPlaceholder, b?: TrackReferenceOrPlaceholder): boolean {
  if (!a || !b) return false;
  if (isTrackReference(a) && isTrackReference(b)) return a.publication.trackSid === b.publication.trackSid;
  return a.participant.identity === b.participant.identity && a.source === b.source && isTrackReference(a) === isTrackReference(b);
}

const CONNECTION_TEXT: Record<ConnectionState, TextKey> = {
  [ConnectionState.Connecting]: 'connecting',
  [ConnectionState.Connected]: 'room.connected',
  [ConnectionState.Reconnecting]: 'reconnecting',
  [ConnectionState.SignalReconnecting]: 'reconnecting',
  [ConnectionState.Disconnected]: 'room.disconnected',
};

/**
 * VideoConference's grid and focus layouts and screen share, our chat, and
 * a control bar that offers only what LiveKit lets this participant
 * publish: after mute all or stop publishing the buttons go, because the
 * server would refuse them anyway. The video takes all the stage the chat
 * leaves (room.css).
 */
export function ClassroomStage({
  micLocked,
  publishingStopped,
  actions,
  raisedHands = new Set<string>(),
  showObservers = false,
}: {
  micLocked: boolean;
  publishingStopped: boolean;
  /** The control bar's actions (pinned ones on the bar, the rest in its More menu). */
  actions: RoomAction[];
  /** Identities whose hand is up: shown on their tiles. */
  raisedHands?: ReadonlySet<string>;
  /** The teacher sees the observers' count (parents have no tiles). */
  showObservers?: boolean;
}) {
  const { t } = useText();
  const connection = useConnectionState();
  const permissions = useLocalParticipantPermissions();
  const layoutContext = useCreateLayoutContext();
  const tracks = useTracks(
    [
      { source: Track.Source.Camera, withPlaceholder: true },
      { source: Track.Source.ScreenShare, withPlaceholder: false },
    ],
    { updateOnlyOn: [RoomEvent.ActiveSpeakersChanged], onlySubscribed: false },
  ).filter(isClassTile);
  const screenShares = tracks.filter(isTrackReference).filter((tr) => tr.publication.source === Track.Source.ScreenShare);
  const focusTrack = usePinnedTracks(layoutContext)?.[0];
  const carouselTracks = tracks.filter((tr) => !isEqualTrackRef(tr, focusTrack));
  const autoFocused = useRef<TrackReferenceOrPlaceholder | null>(null);
  const screenShareKey = screenShares.map((s) => `${s.publication.trackSid}_${s.publication.isSubscribed}`).join();

  // A new screen share takes the focus (as in VideoConference); when it stops, back to the grid.
  useEffect(() => {
    if (screenShares.some((s) => s.publication.isSubscribed) && autoFocused.current === null) {
      layoutContext.pin.dispatch?.({ msg: 'set_pin', trackReference: screenShares[0]! });
      autoFocused.current = screenShares[0]!;
    } else if (autoFocused.current && !screenShares.some((s) => s.publication.trackSid === autoFocused.current?.publication?.trackSid)) {
      layoutContext.pin.dispatch?.({ msg: 'clear_pin' });
      autoFocused.current = null;
    }
  }, [screenShareKey, focusTrack?.publication?.trackSid]);

  const chat = useChat();
  const [chatOpen, setChatOpen] = useState(false);
  const [seen, setSeen] = useState(0);
  const messageCount = chat.chatMessages.length;
  useEffect(() => {
    if (chatOpen) setSeen(messageCount);
  }, [chatOpen, messageCount]);

  const canPublish = Boolean(permissions?.canPublish) && !publishingStopped;
  const sources = permissions?.canPublishSources ?? [];
  const allows = (source: number) => sources.length === 0 || sources.includes(source);
  const micAllowed = canPublish && !micLocked && allows(MICROPHONE_SOURCE);
  const chatAllowed = Boolean(permissions?.canPublishData) || messageCount > 0;

  return (
    <div className="classroom-stage">
      <p className={`connection-state ${connection}`} data-testid="connection-state" data-state={connection} role="status">
        {t(CONNECTION_TEXT[connection])}
      </p>
      {showObservers && <ObserversBadge />}
      {(micLocked || publishingStopped) && (
        <p className="stage-notice" data-testid={publishingStopped ? 'publishing-stopped' : 'mic-locked'} role="status">
          {t(publishingStopped ? 'room.publishingStopped' : 'room.micLocked')}
        </p>
      )}
      <LayoutContextProvider value={layoutContext}>
        <div className={`stage-main${chatOpen ? ' with-chat' : ''}`}>
          <div className="stage-video">
            {!focusTrack ? (
              <div className="lk-grid-layout-wrapper">
                <GridLayout tracks={tracks}>
                  <ClassroomTile raisedHands={raisedHands} />
                </GridLayout>
              </div>
            ) : (
              <div className="lk-focus-layout-wrapper">
                <FocusLayoutContainer>
                  <CarouselLayout tracks={carouselTracks}>
                    <ClassroomTile raisedHands={raisedHands} />
                  </CarouselLayout>
                  <FocusLayout trackRef={focusTrack} />
                </FocusLayoutContainer>
              </div>
            )}
          </div>
          {chatOpen && <ClassroomChat messages={chat.chatMessages} send={chat.send} sending={chat.isSending} canSend={Boolean(permissions?.canPublishData)} onClose={() => setChatOpen(false)} />}
        </div>
        <ClassroomControlBar
          microphone={micAllowed}
          camera={canPublish}
          screenShare={canPublish && allows(SCREEN_SHARE_SOURCE)}
          chat={chatAllowed ? { open: chatOpen, unread: chatOpen ? 0 : Math.max(0, messageCount - seen), toggle: () => setChatOpen((o) => !o) } : null}
          actions={actions}
        />
      </LayoutContextProvider>
      <RoomAudioRenderer />
    </div>
  );
}
