/**
 * Deactivating a user ends everything they hold at once: the users row's
 * trigger bumps their session version (every signed-in session is refused on
 * its next request, server/auth/session-actor.ts), meeting.token refuses
 * them, and they are removed from every live room LiveKit reports them in.
 * Should one of their clients connect again with a token minted earlier, the
 * participant_joined webhook removes it (controls/guard-participant.ts).
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { attendanceRecords, meetings, users } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import { LivekitNotFoundError } from '@/server/livekit/gateway';
import { userIdFromIdentity } from '@/shared/classroom/identity';

export async function setUserActive(deps: Pick<Deps, 'db' | 'livekit'>, input: { userId: number; active: boolean }): Promise<{ removedFromRooms: string[] }> {
  const updated = await deps.db.update(users).set({ active: input.active }).where(eq(users.id, input.userId)).returning({ id: users.id });
  if (updated.length === 0) throw new DomainError('NOT_FOUND', 'No such user');
  if (input.active || !deps.livekit) return { removedFromRooms: [] };
  return { removedFromRooms: await removeFromLiveRooms(deps.livekit, deps.db, input.userId) };
}

async function removeFromLiveRooms(livekit: NonNullable<Deps['livekit']>, db: Deps['db'], userId: number): Promise<string[]> {
  const rooms = await db
    .selectDistinct({ roomName: meetings.roomName })
    .from(attendanceRecords)
    .innerJoin(meetings, eq(meetings.sessionId, attendanceRecords.sessionId))
    .where(and(eq(attendanceRecords.userId, userId), eq(attendanceRecords.inRoom, true), isNull(meetings.endedAt)));
  const removed: string[] = [];
  for (const { roomName } of rooms) {
    const participants = await livekit.listParticipants(roomName).catch((error: unknown) => {
      if (error instanceof LivekitNotFoundError) return [];
      throw error;
    });
    for (const p of participants.filter((p) => userIdFromIdentity(p.identity) === userId)) {
      await livekit.removeParticipant(roomName, p.identity).catch((error: unknown) => {
        if (!(error instanceof LivekitNotFoundError)) throw error;
      });
      removed.push(roomName);
    }
  }
  return removed;
}
