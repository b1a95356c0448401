'use client';

/**
 * What a room-composite recording films (app/recording-layout): the teacher
 * large (their shared screen when there is one), the students in a strip,
 * the session title and academy name, a small "recorded on" line. It joins
 * with the egress's hidden, subscribe-only token, tells egress to start
 * filming once connected (console "START_RECORDING", egress's start signal)
 * and to stop when the room ends ("END_RECORDING").
 */
import './recording-layout.css';
import { LiveKitRoom, RoomAudioRenderer, VideoTrack, useRoomContext, useTracks, type TrackReference } from '@livekit/components-react';
import { RoomEvent, Track } from 'livekit-client';
import { useEffect } from 'react';
import { useText } from '@/components/i18n/use-text';
import { directionOf, type Locale } from '@/components/i18n/catalogue';
import { userIdFromIdentity } from '@/shared/classroom/identity';

export interface RecordingLayoutProps {
  serverUrl: string;
  token: string;
  locale: Locale;
  sessionTitle: string;
  academyName: string;
  teacherUserId: number;
  teacherName: string;
  recordedOn: string;
}

/** egress waits for these console lines (its "start signal" and end of recording). */
const START_RECORDING = 'START_RECORDING';
const END_RECORDING = 'END_RECORDING';

function Signals() {
  const room = useRoomContext();
  useEffect(() => {
    const started = () => console.log(START_RECORDING);
    const ended = () => console.log(END_RECORDING);
    if (room.state === 'connected') started();
    room.on(RoomEvent.Connected, started).on(RoomEvent.Disconnected, ended);
    return () => {
      room.off(RoomEvent.Connected, started).off(RoomEvent.Disconnected, ended);
    };
  }, [room]);
  return null;
}

function nameOf(track: TrackReference): string {
  return track.participant.name || track.participant.identity;
}

function Stage({ teacherUserId, teacherName }: { teacherUserId: number; teacherName: string }) {
  const { t } = useText();
  const tracks = useTracks([Track.Source.Camera, Track.Source.ScreenShare], { onlySubscribed: true });
  const isTeacher = (track: TrackReference) => userIdFromIdentity(track.participant.identity) === teacherUserId;
  const teacherTracks = tracks.filter(isTeacher);
  // The teacher's shared screen, else their camera; a student's shared screen takes the stage only when the teacher shows nothing.
  const main =
    teacherTracks.find((tr) => tr.source === Track.Source.ScreenShare) ??
    teacherTracks.find((tr) => tr.source === Track.Source.Camera) ??
    tracks.find((tr) => tr.source === Track.Source.ScreenShare);
  const strip = tracks.filter((tr) => tr !== main && tr.source === Track.Source.Camera);
  return (
    <>
      <div className="recording-main" data-testid="recording-main">
        {main ? (
          <>
            <VideoTrack trackRef={main} className="recording-video" />
            <span className="recording-label">{nameOf(main)}</span>
          </>
        ) : (
          <p className="recording-waiting">{t('recordingLayout.waitingFor', { name: teacherName })}</p>
        )}
      </div>
      {strip.length > 0 && (
        <ul className="recording-strip" aria-label={t('recordingLayout.students')}>
          {strip.map((tr) => (
            <li key={`${tr.participant.identity}:${tr.publication.trackSid}`}>
              <VideoTrack trackRef={tr} className="recording-video" />
              <span className="recording-label">{nameOf(tr)}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function RecordingLayout(props: RecordingLayoutProps) {
  const { t, formatDate } = useText();
  return (
    <div className="recording-layout" lang={props.locale} dir={directionOf(props.locale)} data-testid="recording-layout">
      <LiveKitRoom className="recording-room" serverUrl={props.serverUrl} token={props.token} connect audio={false} video={false} options={{ adaptiveStream: false }}>
        <Signals />
        <header className="recording-header">
          <div>
            <h1>{props.sessionTitle}</h1>
            <p>{props.academyName}</p>
          </div>
          <small>{t('recordingLayout.recordedOn', { date: formatDate(props.recordedOn) })}</small>
        </header>
        <Stage teacherUserId={props.teacherUserId} teacherName={props.teacherName} />
        <RoomAudioRenderer />
      </LiveKitRoom>
    </div>
  );
}
