/**
 * Authority first, on our side: every control use case starts here, before
 * anything is asked of LiveKit or written. Another academy's session is
 * NOT_FOUND (getSessionContextOrThrow); an ended or unstarted meeting has no
 * room to control.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError, videoUnavailableError } from '@/server/lib/domain-error';
import type { LiveParticipant, LivekitGateway } from '@/server/livekit/gateway';
import { meetingRulesOf, type MeetingRules } from '@/shared/classroom/grants';
import { participantIdentity } from '@/shared/classroom/identity';
import { assertCanManage, assertCanView, getSessionContextOrThrow, type SessionContext } from '@/server/modules/sessions';
import { isTerminal } from '@/server/modules/sessions';
import { participantKind, type ParticipantKind } from './permissions';

export interface RoomContext {
  ctx: SessionContext;
  key: { academyId: number; sessionId: number };
  roomName: string;
  /** The actor's LiveKit identity, computed here, never taken from the client. */
  identity: string;
  /** The meeting's resolved options as they bear on students (docs/rules.md#join-grants). */
  meeting: MeetingRules;
  livekit: LivekitGateway;
}

function liveRoom(deps: Deps, actor: Actor, ctx: SessionContext): RoomContext {
  if (!ctx.meeting || ctx.meeting.endedAt || isTerminal(ctx.session.status)) {
    throw new DomainError('PRECONDITION_FAILED', 'The meeting is not live');
  }
  if (!deps.livekit) throw videoUnavailableError(deps.videoUnavailableReason);
  return {
    ctx,
    key: { academyId: ctx.session.academyId, sessionId: ctx.session.id },
    roomName: ctx.meeting.roomName,
    identity: participantIdentity(actor.id, actor.name),
    meeting: meetingRulesOf(ctx.meeting.options),
    livekit: deps.livekit,
  };
}

/** The session's teacher or a manager of its academy, in a live meeting. */
export async function getManagedRoomOrThrow(deps: Deps, actor: Actor, sessionId: number): Promise<RoomContext> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, sessionId);
  assertCanManage(ctx);
  return liveRoom(deps, actor, ctx);
}

/** Anyone who may join the session (staff, students, parents), in a live meeting; what they may do there is the caller's to decide. */
export async function getViewerRoomOrThrow(deps: Deps, actor: Actor, sessionId: number): Promise<RoomContext> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, sessionId);
  assertCanView(ctx);
  return liveRoom(deps, actor, ctx);
}

/** A student of the session, in a live meeting. */
export async function getStudentRoomOrThrow(deps: Deps, actor: Actor, sessionId: number): Promise<RoomContext> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, sessionId);
  assertCanView(ctx);
  if (ctx.joinRole !== 'student') throw new DomainError('FORBIDDEN', 'Only students raise hands');
  return liveRoom(deps, actor, ctx);
}

/** Controls aim at students (and parents, for removal), never at staff. */
export function targetInRoomOrThrow(participants: LiveParticipant[], identity: string, kinds: readonly ParticipantKind[] = ['student']): LiveParticipant {
  const target = participants.find((p) => p.identity === identity);
  if (!target || !kinds.includes(participantKind(target.metadata))) {
    throw new DomainError('NOT_FOUND', 'No such student in the room');
  }
  return target;
}

export function studentsIn(participants: LiveParticipant[]): LiveParticipant[] {
  return participants.filter((p) => participantKind(p.metadata) === 'student');
}
