/**
 * Mints a LiveKit join token for the actor (docs/rules.md#meetings): identity
 * `{userId}_{slug}`, display name as given, metadata {name, role, user_id},
 * TTL 3 h, grants by how the actor relates to the session.
 */
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { TrackSourceName } from '@/server/livekit/gateway';
import { studentGrantsFor } from '@/server/modules/controls';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import { assertCanView, getSessionContextOrThrow, type JoinRole } from '@/server/modules/sessions/access';
import { isTerminal } from '@/server/modules/sessions/status-machine';
import { participantIdentity } from './identity';
import type { MeetingOptions } from './options';

export const TOKEN_TTL_SECONDS = 3 * 60 * 60;
export const TOKEN_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

export interface JoinGrants {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  roomAdmin: boolean;
  hidden: boolean;
  /** Set only when the room's controls narrow what may be published (mute). */
  canPublishSources?: TrackSourceName[];
}

/** Pure: the grants of the spec for a role (docs/rules.md#meetings). */
export function grantsFor(joinRole: JoinRole, canManage: boolean, options: Pick<MeetingOptions, 'studentsCanPublish'>, hidden: boolean): JoinGrants {
  if (hidden) return { canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: canManage, hidden: true };
  switch (joinRole) {
    case 'teacher':
    case 'manager':
    case 'staff':
      return { canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: canManage, hidden: false };
    case 'student':
      return { canPublish: options.studentsCanPublish, canSubscribe: true, canPublishData: true, roomAdmin: false, hidden: false };
    case 'parent':
      return { canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: false };
  }
}

export interface JoinToken {
  token: string;
  serverUrl: string;
  roomName: string;
  identity: string;
  grants: JoinGrants;
  expiresAt: Date;
}

export async function getJoinToken(deps: Deps, actor: Actor, input: { sessionId: number; hidden?: boolean }): Promise<JoinToken> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  if (input.hidden && ctx.joinRole !== 'manager') {
    throw new DomainError('FORBIDDEN', 'Only admins and supervisors can join hidden');
  }
  if (isTerminal(ctx.session.status)) throw new DomainError('CONFLICT', `The session is ${ctx.session.status}`);
  if (!ctx.meeting || ctx.meeting.endedAt) {
    throw new DomainError('PRECONDITION_FAILED', 'The meeting has not been started yet');
  }
  if (!deps.livekit) throw new DomainError('SERVICE_UNAVAILABLE', `Video is unavailable: ${deps.videoUnavailableReason ?? 'not configured'}`);
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `token:${actor.id}`, TOKEN_RATE_LIMIT, now);

  const options = ctx.meeting.options as Partial<MeetingOptions>;
  const identity = participantIdentity(actor.id, actor.name);
  let grants = grantsFor(ctx.joinRole!, ctx.canManage, { studentsCanPublish: options.studentsCanPublish ?? true }, input.hidden ?? false);
  if (ctx.joinRole === 'student' || ctx.joinRole === 'parent') {
    // The room's controls (docs/rules.md#classroom-controls): removed users stay out, and stop publishing / mute bind new tokens too.
    const controls = await studentGrantsFor(deps.db, {
      academyId: ctx.session.academyId,
      sessionId: ctx.session.id,
      userId: actor.id,
      identity,
      meetingAllowsPublish: options.studentsCanPublish ?? true,
    });
    if (controls.removed) throw new DomainError('FORBIDDEN', 'The teacher removed you from this meeting');
    if (ctx.joinRole === 'student') {
      grants = { ...grants, canPublish: controls.canPublish, ...(controls.canPublishSources ? { canPublishSources: controls.canPublishSources } : {}) };
    }
  }
  const token = await deps.livekit.createToken({
    identity,
    name: actor.name,
    metadata: JSON.stringify({ name: actor.name, role: actor.role, user_id: actor.id }),
    ttlSeconds: TOKEN_TTL_SECONDS,
    grant: { roomJoin: true, room: ctx.meeting.roomName, ...grants },
  });
  return {
    token,
    serverUrl: deps.livekit.wsUrl,
    roomName: ctx.meeting.roomName,
    identity,
    grants,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000),
  };
}
