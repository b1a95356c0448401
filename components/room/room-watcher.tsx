'use client';

import { useRoomContext } from '@livekit/components-react';
import { DisconnectReason, RoomEvent } from 'livekit-client';
import { useEffect } from 'react';

/**
 * Reports how the connection ended: the server ending the room (deleted or
 * we were removed) differs from the user pressing Leave. Remembers the local
 * participant's sid so the client can send its own "I left".
 */
export function RoomWatcher({ onSid, onEnded }: { onSid: (sid: string) => void; onEnded: (reason: 'ended' | 'removed' | 'left') => void }) {
  const room = useRoomContext();
  useEffect(() => {
    const connected = () => {
      if (room.localParticipant.sid) onSid(room.localParticipant.sid);
    };
    const disconnected = (reason?: DisconnectReason) => {
      if (reason === DisconnectReason.ROOM_DELETED) onEnded('ended');
      else if (reason === DisconnectReason.PARTICIPANT_REMOVED) onEnded('removed');
      else onEnded('left');
    };
    connected();
    room.on(RoomEvent.Connected, connected).on(RoomEvent.Disconnected, disconnected);
    return () => {
      room.off(RoomEvent.Connected, connected).off(RoomEvent.Disconnected, disconnected);
    };
  }, [room, onSid, onEnded]);
  return null;
}
