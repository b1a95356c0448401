/**
 * A real participant for integration tests, joined from Node with
 * @livekit/rtc-node (a native WebRTC stack): LiveKit sees a real connection
 * and sends real webhooks for it.
 */
import { Room, RoomEvent } from '@livekit/rtc-node';

export interface TestParticipant {
  room: Room;
  sid: string;
  disconnect(): Promise<void>;
  /** Resolves when the server ends our connection (room deleted, removed). */
  disconnected: Promise<void>;
}

export async function joinAsParticipant(wsUrl: string, token: string): Promise<TestParticipant> {
  const room = new Room();
  const disconnected = new Promise<void>((resolve) => room.once(RoomEvent.Disconnected, () => resolve()));
  await room.connect(wsUrl, token, { autoSubscribe: false, dynacast: false });
  return {
    room,
    sid: room.localParticipant?.sid ?? '',
    disconnect: () => room.disconnect(),
    disconnected,
  };
}
