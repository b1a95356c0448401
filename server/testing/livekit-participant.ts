/**
 * A real participant for integration tests, joined from Node with
 * @livekit/rtc-node (a native WebRTC stack): LiveKit sees a real connection
 * and sends real webhooks for it.
 */
import { AudioFrame, AudioSource, LocalAudioTrack, Room, RoomEvent, TrackPublishOptions, TrackSource } from '@livekit/rtc-node';

export interface ReceivedData {
  topic: string | undefined;
  text: string;
  /** Empty when the server sent it (RoomService.sendData), else the sending participant. */
  from: string;
}

export interface TestParticipant {
  room: Room;
  sid: string;
  disconnect(): Promise<void>;
  /** Resolves when the server ends our connection (room deleted, removed). */
  disconnected: Promise<void>;
  /** Every data message received so far, oldest first. */
  data: ReceivedData[];
  /** Publishes a microphone track fed with silence; rejects if LiveKit refuses it. */
  publishMicrophone(): Promise<{ sid: string; stop(): Promise<void> }>;
}

export async function joinAsParticipant(wsUrl: string, token: string): Promise<TestParticipant> {
  const room = new Room();
  const disconnected = new Promise<void>((resolve) => room.once(RoomEvent.Disconnected, () => resolve()));
  const data: ReceivedData[] = [];
  room.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
    data.push({ topic, text: new TextDecoder().decode(payload), from: participant?.identity ?? '' });
  });
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  return {
    room,
    sid: room.localParticipant?.sid ?? '',
    disconnect: () => room.disconnect(),
    disconnected,
    data,
    publishMicrophone: async () => {
      const source = new AudioSource(48_000, 1);
      const track = LocalAudioTrack.createAudioTrack('microphone', source);
      const publication = await room.localParticipant!.publishTrack(track, new TrackPublishOptions({ source: TrackSource.SOURCE_MICROPHONE }));
      // A few frames of silence so the track carries media.
      for (let i = 0; i < 5; i++) await source.captureFrame(new AudioFrame(new Int16Array(480), 48_000, 1, 480));
      return {
        sid: publication.sid ?? '',
        stop: async () => {
          await source.close();
        },
      };
    },
  };
}
