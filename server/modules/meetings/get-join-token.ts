/**
 * Mints a LiveKit join token for the actor (docs/rules.md#meetings): identity
 * `{userId}_{slug}`, display name as given, metadata {name, role, user_id},
 * grants by how the actor relates to the session and the room's controls
 * (grantsFor, docs/rules.md#join-grants), valid for TOKEN_TTL_SECONDS.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError, videoUnavailableError } from '@/server/lib/domain-error';
import { readStudentControls } from '@/server/modules/controls';
import { grantsFor, meetingRulesOf, type ControlState, type JoinGrants } from '@/shared/classroom/grants';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import { assertCanView, getSessionContextOrThrow, isTerminal } from '@/server/modules/sessions';
import { participantIdentity } from '@/shared/classroom/identity';
import { videoQualityOf, type MeetingOptions, type VideoQuality } from './options';

/**
 * Ten minutes: LiveKit itself refreshes the token of a connected participant
 * (at join, then every 5 minutes, each refresh valid for 10), so a long class
 * never needs a new one from us, and a reconnect after a network drop works
 * for at least 5 minutes (up to 10) after the last refresh. Past that the
 * room page asks meeting.token again, which checks removal and deactivation.
 * A token saved by someone later removed is useless within 10 minutes, and
 * before that the server removes them at participant_joined.
 */
export const TOKEN_TTL_SECONDS = 10 * 60;
export const TOKEN_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

export interface JoinToken {
  token: string;
  serverUrl: string;
  roomName: string;
  identity: string;
  grants: JoinGrants;
  /** The meeting's video quality: the room page captures and publishes at it. */
  videoQuality: VideoQuality;
  /** The academy lets students talk before the teacher arrives: no waiting screen. */
  talkBeforeTeacher: boolean;
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
  if (!deps.livekit) throw videoUnavailableError(deps.videoUnavailableReason);
  const now = deps.clock.now();
  await consumeRateLimit(deps.db, `token:${actor.id}`, TOKEN_RATE_LIMIT, now);

  const options = ctx.meeting.options as Partial<MeetingOptions>;
  const identity = participantIdentity(actor.id, actor.name);
  let controls: ControlState | undefined;
  if (ctx.joinRole === 'student' || ctx.joinRole === 'parent') {
    // The room's controls: removed users stay out, and stop publishing / mute bind new tokens too.
    const read = await readStudentControls(deps.db, { academyId: ctx.session.academyId, sessionId: ctx.session.id, userId: actor.id });
    if (read.removed) throw new DomainError('FORBIDDEN', 'The teacher removed you from this meeting');
    controls = read.state;
  }
  const grants = grantsFor({
    joinRole: ctx.joinRole!,
    canManage: ctx.canManage,
    hidden: input.hidden ?? false,
    meeting: meetingRulesOf(ctx.meeting.options),
    controls: ctx.joinRole === 'student' && controls ? { state: controls, identity } : undefined,
  });
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
    videoQuality: videoQualityOf(options),
    talkBeforeTeacher: meetingRulesOf(ctx.meeting.options).studentsTalkBeforeTeacher,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000),
  };
}
