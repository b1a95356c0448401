/**
 * The server's own enforcement at LiveKit's webhooks, so it never depends on
 * a teacher's page being open: a participant who joins although they were
 * removed from the room, or deactivated (or their academy was), is removed
 * at `participant_joined`; a student who publishes what the room state
 * forbids (stop publishing, mute) loses the track and the grant at
 * `track_published`. Both cases come from tokens minted before the change:
 * new tokens already carry the state (get-join-token.ts).
 *
 * Two room events change what others may do, also handled here, after the
 * event is stored: the teacher's `participant_joined` opens the class, so
 * the waiting students' permissions are pushed again (webhook intake has
 * marked the arrival); a student's `participant_left` lowers their raised
 * hand unless another connection of theirs is still in the room.
 */
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, meetings, sessions, users } from '@/server/db/schema';
import { LivekitNotFoundError, liveParticipantOf } from '@/server/livekit/gateway';
import type { WebhookEvent } from '@/server/livekit/webhook-receiver';
import { meetingRulesOf } from '@/shared/classroom/grants';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import { enforceControls, type EnforceResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { participantKind } from './permissions';
import { readRoomState } from './state-store';

export type GuardOutcome = EnforceResult & { deactivated: boolean };

const GUARDED = new Set(['participant_joined', 'track_published', 'participant_left']);

export async function guardParticipant(deps: Pick<Deps, 'db' | 'livekit' | 'clock'>, event: WebhookEvent): Promise<GuardOutcome | null> {
  const roomName = event.room?.name;
  const participant = event.participant;
  if (!GUARDED.has(event.event) || !roomName || !participant || !deps.livekit) return null;
  const userId = userIdFromIdentity(participant.identity);
  if (userId === null) return null;

  const [room] = await deps.db
    .select({ academyId: sessions.academyId, sessionId: sessions.id, teacherId: sessions.teacherId, options: meetings.options, endedAt: meetings.endedAt })
    .from(meetings)
    .innerJoin(sessions, eq(sessions.id, meetings.sessionId))
    .where(eq(meetings.roomName, roomName));
  if (!room || room.endedAt) return null;
  const key = { academyId: room.academyId, sessionId: room.sessionId };
  if (event.event === 'participant_left') {
    if (participantKind(participant.metadata) === 'student') await lowerHandOnLeave(deps, { ...key, roomName, userId });
    return null;
  }
  const [user] = await deps.db
    .select({ active: users.active, academyActive: academies.active })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, userId));

  if (!user || !user.active || user.academyActive === false) {
    await deps.livekit.removeParticipant(roomName, participant.identity).catch((error: unknown) => {
      if (!(error instanceof LivekitNotFoundError)) throw error;
    });
    return { removed: [participant.identity], permissionsUpdated: [], tracksMuted: 0, deactivated: true };
  }
  const state = await readRoomState(deps.db, key);
  if (!state) return null;
  if (event.event === 'participant_joined' && (userId === room.teacherId || participantKind(participant.metadata) === 'staff')) {
    // The class opens: everyone waiting gets the grants of an open class.
    const everyone = await deps.livekit.listParticipants(roomName);
    return { ...(await enforceControls(deps.livekit, roomName, state, everyone, { meeting: meetingRulesOf(room.options) })), deactivated: false };
  }
  const live = liveParticipantOf(participant, event.event === 'track_published' ? event.track : undefined);
  const result = await enforceControls(deps.livekit, roomName, state, [live], { meeting: meetingRulesOf(room.options) });
  return { ...result, deactivated: false };
}

async function lowerHandOnLeave(deps: Pick<Deps, 'db' | 'livekit' | 'clock'>, room: { academyId: number; sessionId: number; roomName: string; userId: number }): Promise<void> {
  const state = await readRoomState(deps.db, room);
  if (!state?.raisedHands.some((h) => h.userId === room.userId)) return;
  const still = await deps.livekit!.listParticipants(room.roomName).catch((error: unknown) => {
    if (error instanceof LivekitNotFoundError) return [];
    throw error;
  });
  if (still.some((p) => userIdFromIdentity(p.identity) === room.userId)) return;
  await issueCommand(
    deps,
    {
      academyId: room.academyId,
      sessionId: room.sessionId,
      roomName: room.roomName,
      senderId: null,
      type: 'hand_lowered',
      payload: { userId: room.userId },
      targets: null,
      change: (s) => ({ raisedHands: s.raisedHands.filter((h) => h.userId !== room.userId) }),
    },
  );
}
