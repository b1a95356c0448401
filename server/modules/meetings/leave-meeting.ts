/**
 * The client's own "I left" (meeting.leave): a second source besides the
 * webhook, which may arrive late or never. Stored as an event of the actor's
 * own record only, once per connection. Each new participant sid is a row,
 * so a user may report at most LEAVE_SIDS_PER_SESSION of them per session
 * (a real user reconnects a handful of times in a class).
 */
import 'server-only';
import { and, countDistinct, eq, sql } from 'drizzle-orm';
import { attendanceEvents } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { appendAttendanceEvent, getSessionInfo, lockAttendancePair, recomputeRecord } from '@/server/modules/attendance';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { holdRoomForTeacher } from './hold-room';

export const LEAVE_SIDS_PER_SESSION = 50;

export async function recordClientLeave(deps: Deps, actor: Actor, input: { sessionId: number; participantSid: string }) {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  if (!ctx.meeting) throw new DomainError('PRECONDITION_FAILED', 'The meeting has not been started');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockAttendancePair(tx, ctx.session.id, actor.id);
    const mine = and(eq(attendanceEvents.sessionId, ctx.session.id), eq(attendanceEvents.userId, actor.id), eq(attendanceEvents.source, 'client'));
    const [seen] = await tx
      .select({ sids: countDistinct(attendanceEvents.participantSid), known: sql<boolean>`bool_or(${attendanceEvents.participantSid} = ${input.participantSid})` })
      .from(attendanceEvents)
      .where(mine);
    if ((seen?.sids ?? 0) >= LEAVE_SIDS_PER_SESSION && !seen?.known) {
      throw new DomainError('TOO_MANY_REQUESTS', `At most ${LEAVE_SIDS_PER_SESSION} connections per session are recorded`, { retryAfterSeconds: 3600 });
    }
    const inserted = await appendAttendanceEvent(tx, {
        academyId: ctx.session.academyId,
        sessionId: ctx.session.id,
        userId: actor.id,
        kind: 'leave',
        participantSid: input.participantSid,
        occurredAt: now,
        source: 'client',
        sourceEventId: `client-leave:${ctx.session.id}:${actor.id}:${input.participantSid}`,
    });
    if (actor.id === ctx.session.teacherId) await holdRoomForTeacher(tx, ctx.session);
    const info = (await getSessionInfo(tx, ctx.session.id))!;
    const record = await recomputeRecord(tx, info, actor.id, { now });
    return { recorded: inserted > 0, totalSeconds: record.totalSeconds, status: record.status };
  });
}
