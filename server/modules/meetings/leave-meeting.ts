/**
 * The client's own "I left" (meeting.leave): a second source besides the
 * webhook, which may arrive late or never. Stored as an event of the actor's
 * own record only, once per connection.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { appendAttendanceEvent, getSessionInfo, lockAttendancePair, recomputeRecord } from '@/server/modules/attendance';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { holdRoomForTeacher } from './hold-room';

export async function recordClientLeave(deps: Deps, actor: Actor, input: { sessionId: number; participantSid: string }) {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  if (!ctx.meeting) throw new DomainError('PRECONDITION_FAILED', 'The meeting has not been started');
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    await lockAttendancePair(tx, ctx.session.id, actor.id);
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
