/**
 * Live room information (docs/rules.md#meetings). If the DB says the meeting is live but
 * LiveKit has no room, the room is recreated; if LiveKit cannot be reached
 * the answer comes from the DB with `fallbackMode: true`. Each answer asks
 * LiveKit, so a user gets INFO_RATE_LIMIT of them a minute.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { attendanceRecords, users } from '@/server/db/schema';
import { LivekitUnavailableError } from '@/server/livekit/gateway';
import { consumeRateLimit } from '@/server/modules/rate-limits';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import type { MeetingOptions } from './options';
import { planRecreatedRoom } from './room-plan';

export interface MeetingParticipant {
  identity: string;
  userId: number | null;
  name: string;
  joinedAt: Date | null;
  isPublisher: boolean;
}

export interface MeetingInfo {
  sessionId: number;
  roomName: string | null;
  active: boolean;
  participants: MeetingParticipant[];
  participantCount: number;
  createdAt: Date | null;
  fallbackMode: boolean;
  recreated: boolean;
}

export const INFO_RATE_LIMIT = { limit: 30, windowSeconds: 60 };

export async function getMeetingInfo(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<MeetingInfo> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const { meeting, session } = ctx;
  const base = { sessionId: session.id, roomName: meeting?.roomName ?? null, createdAt: meeting?.createdAt ?? null };
  if (!meeting || meeting.endedAt) {
    return { ...base, active: false, participants: [], participantCount: 0, fallbackMode: false, recreated: false };
  }
  if (!deps.livekit) return fallback(deps, base);
  await consumeRateLimit(deps.db, `info:${actor.id}`, INFO_RATE_LIMIT, deps.clock.now());
  try {
    let room = await deps.livekit.getRoom(meeting.roomName);
    let recreated = false;
    if (!room && (session.status === 'ready' || session.status === 'ongoing')) {
      const spec = planRecreatedRoom({ roomName: meeting.roomName, options: meeting.options as Partial<MeetingOptions>, session, now: deps.clock.now() });
      room = await deps.livekit.createRoom(spec);
      recreated = true;
    }
    if (!room) return { ...base, active: false, participants: [], participantCount: 0, fallbackMode: false, recreated };
    const participants = (await deps.livekit.listParticipants(meeting.roomName))
      .filter((p) => ctx.canManage || !p.hidden)
      .map((p) => ({
        identity: p.identity,
        userId: userIdFromIdentity(p.identity),
        name: p.name,
        joinedAt: p.joinedAt,
        isPublisher: p.isPublisher,
      }));
    return { ...base, active: true, participants, participantCount: participants.length, fallbackMode: false, recreated };
  } catch (error) {
    if (error instanceof LivekitUnavailableError) return fallback(deps, base);
    throw error;
  }
}

async function fallback(deps: Deps, base: Pick<MeetingInfo, 'sessionId' | 'roomName' | 'createdAt'>): Promise<MeetingInfo> {
  const inRoom = await deps.db
    .select({ userId: attendanceRecords.userId, name: users.name, joinedAt: attendanceRecords.firstJoinAt })
    .from(attendanceRecords)
    .innerJoin(users, eq(users.id, attendanceRecords.userId))
    .where(and(eq(attendanceRecords.sessionId, base.sessionId), eq(attendanceRecords.inRoom, true)));
  const participants = inRoom.map((r) => ({ identity: '', userId: r.userId, name: r.name, joinedAt: r.joinedAt, isPublisher: false }));
  return { ...base, active: false, participants, participantCount: participants.length, fallbackMode: true, recreated: false };
}
