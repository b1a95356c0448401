/**
 * Takes a session's room away for a reschedule or a cancellation, in two
 * steps around the caller's commit:
 *
 * 1. `detachRoom`, inside the caller's transaction (which holds the session
 *    row): checks LiveKit answers — so with LiveKit down the call fails and
 *    nothing changes — and deletes the meeting row.
 * 2. `deleteDetachedRoom`, after the commit: deletes the LiveKit room.
 *
 * The room goes only once the meeting row is gone for everyone because
 * deleting it makes LiveKit send room_finished, and the webhook handler finds
 * the session by the room's name: seeing the meeting still there it would
 * finalise the session (a rescheduled one as absent). After the commit the
 * event finds no meeting and is stored as an unknown room. The row is deleted
 * rather than marked ended because a rescheduled session needs a fresh
 * meeting (one per session).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/server/db';
import { meetings } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { DomainError } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';

type VideoDeps = Pick<Deps, 'livekit' | 'videoUnavailableReason'>;

/** Returns the name of the room to delete after the commit, or null when it had already ended. */
export async function detachRoom(deps: VideoDeps, tx: Tx, meeting: { id: number; roomName: string; endedAt: Date | null }): Promise<string | null> {
  const live = meeting.endedAt === null;
  if (live) {
    if (!deps.livekit) {
      throw new DomainError('SERVICE_UNAVAILABLE', `The session's room cannot be removed: video is unavailable (${deps.videoUnavailableReason ?? 'not configured'})`);
    }
    await deps.livekit.getRoom(meeting.roomName);
  }
  await tx.delete(meetings).where(eq(meetings.id, meeting.id));
  return live ? meeting.roomName : null;
}

/**
 * Whether the room is gone. LiveKit failing here, just after answering in
 * detachRoom, leaves an orphan room with no meeting: nobody can get a token
 * for it and LiveKit closes it when it stays empty, so it is logged, not thrown.
 */
export async function deleteDetachedRoom(deps: VideoDeps, roomName: string | null): Promise<boolean> {
  if (!roomName || !deps.livekit) return false;
  try {
    await deps.livekit.deleteRoom(roomName);
    return true;
  } catch (error) {
    logger.error('room left behind after its meeting was removed', { roomName, error: String(error) });
    return false;
  }
}
