/**
 * End for everyone (docs/rules.md#meetings, docs/rules.md#classroom-controls): the meeting ends exactly as meeting.end does
 * (everyone removed, room deleted, attendance finalised), then a critical
 * meeting_ended command is stored for everyone who was connected. The room
 * is gone by then, so the command reaches clients through the event stream
 * (LiveKit itself tells them with a ROOM_DELETED disconnect) and they ack it.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { LivekitNotFoundError, LivekitUnavailableError } from '@/server/livekit/gateway';
import { issueCommand } from '@/server/modules/controls';
import { participantIdentity } from '@/shared/classroom/identity';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { endMeetingForSession, type EndMeetingResult } from './end-meeting';

export async function endRoom(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<EndMeetingResult & { commandId: string | null }> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const meeting = ctx.meeting;
  const participants =
    meeting && !meeting.endedAt && deps.livekit
      ? await deps.livekit.listParticipants(meeting.roomName).catch((error: unknown) => {
          if (error instanceof LivekitNotFoundError || error instanceof LivekitUnavailableError) return [];
          throw error;
        })
      : [];
  const result = await endMeetingForSession(deps, ctx.session.id);
  if (result.alreadyEnded || !meeting) return { ...result, commandId: null };
  const self = participantIdentity(actor.id, actor.name);
  const issued = await issueCommand(
    { ...deps, livekit: null },
    {
      academyId: ctx.session.academyId,
      sessionId: ctx.session.id,
      roomName: meeting.roomName,
      senderId: actor.id,
      type: 'meeting_ended',
      payload: {},
      targets: participants.filter((p) => p.identity !== self && !p.hidden).map((p) => p.identity),
      change: () => ({ raisedHands: [] }),
    },
  );
  return { ...result, commandId: issued.envelope.id };
}
