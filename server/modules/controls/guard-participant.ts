/**
 * The server's own enforcement at LiveKit's webhooks, so it never depends on
 * a teacher's page being open: a participant who joins although they were
 * removed from the room, or deactivated (or their academy was), is removed
 * at `participant_joined`; a student who publishes what the room state
 * forbids (stop publishing, mute) loses the track and the grant at
 * `track_published`. Both cases come from tokens minted before the change:
 * new tokens already carry the state (get-join-token.ts).
 */
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies, meetings, sessions, users } from '@/server/db/schema';
import { LivekitNotFoundError, liveParticipantOf } from '@/server/livekit/gateway';
import type { WebhookEvent } from '@/server/livekit/webhook-receiver';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import { enforceControls, type EnforceResult } from './enforce-controls';
import { readRoomState } from './state-store';

export type GuardOutcome = EnforceResult & { deactivated: boolean };

const GUARDED = new Set(['participant_joined', 'track_published']);

export async function guardParticipant(deps: Pick<Deps, 'db' | 'livekit'>, event: WebhookEvent): Promise<GuardOutcome | null> {
  const roomName = event.room?.name;
  const participant = event.participant;
  if (!GUARDED.has(event.event) || !roomName || !participant || !deps.livekit) return null;
  const userId = userIdFromIdentity(participant.identity);
  if (userId === null) return null;

  const [room] = await deps.db
    .select({ academyId: sessions.academyId, sessionId: sessions.id, options: meetings.options, endedAt: meetings.endedAt })
    .from(meetings)
    .innerJoin(sessions, eq(sessions.id, meetings.sessionId))
    .where(eq(meetings.roomName, roomName));
  if (!room || room.endedAt) return null;
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
  const state = await readRoomState(deps.db, { academyId: room.academyId, sessionId: room.sessionId });
  if (!state) return null;
  const live = liveParticipantOf(participant, event.event === 'track_published' ? event.track : undefined);
  // The meeting's resolved options (docs/rules.md#meetings), stored as JSON.
  const meetingAllowsPublish = (room.options as { studentsCanPublish?: boolean }).studentsCanPublish ?? true;
  const result = await enforceControls(deps.livekit, roomName, state, [live], { meetingAllowsPublish });
  return { ...result, deactivated: false };
}
