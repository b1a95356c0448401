/**
 * Cancels a session that has not started (scheduled or ready → cancelled,
 * with a reason), deleting its room if it has one; or every upcoming session
 * of a weekly schedule at once, all or nothing.
 */
import 'server-only';
import { and, asc, eq, gte, inArray } from 'drizzle-orm';
import type { Tx } from '@/server/db';
import { meetings, schedules, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { resolveAcademy } from '@/server/modules/academies';
import { getSessionContextOrThrow } from '@/server/modules/sessions';
import { notifySessionChanged } from '@/server/modules/notifications';
import { assertTransition, transitionSession } from '@/server/modules/sessions';
import { deleteDetachedRoom, detachRoom } from './drop-room';
import type { CancelScheduleInput, CancelSessionInput } from './schemas';
import { sessionView, type SessionView } from './session-view';

type SessionRow = typeof sessions.$inferSelect;

/** Cancels a session whose row the transaction holds; returns it and the room to delete once committed. */
async function cancelLocked(deps: Deps, tx: Tx, session: SessionRow, reason: string, now: Date): Promise<{ session: SessionRow; roomToDelete: string | null }> {
  assertTransition(session.status, 'cancelled'); // before the room is detached
  const [meeting] = await tx.select().from(meetings).where(eq(meetings.sessionId, session.id));
  const roomToDelete = meeting ? await detachRoom(deps, tx, meeting) : null;
  const [updated] = await transitionSession(tx, session.id, session.status, 'cancelled', { cancelReason: reason, updatedAt: now });
  // Everyone in the audience is told, with the reason, in the same transaction.
  await notifySessionChanged(deps, tx, { sessionId: session.id, change: 'cancelled', reason, previousStartsAt: session.scheduledAt });
  return { session: updated!, roomToDelete };
}

export async function cancelSession(deps: Deps, actor: Actor, input: CancelSessionInput): Promise<SessionView> {
  const { academy } = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  const now = deps.clock.now();
  const { session, roomToDelete } = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(sessions).where(eq(sessions.id, input.sessionId)).for('update');
    if (!locked) throw new DomainError('NOT_FOUND', 'Session not found');
    return cancelLocked(deps, tx, locked, input.reason, now);
  });
  await deleteDetachedRoom(deps, roomToDelete);
  return sessionView(session, academy.timezone);
}

export async function cancelSchedule(deps: Deps, actor: Actor, input: CancelScheduleInput): Promise<{ scheduleId: number; cancelled: number[] }> {
  const scope = await resolveAcademy(deps.db, actor, actor.role === 'super_admin' ? await academyOfSchedule(deps, input.scheduleId) : undefined);
  const [schedule] = await deps.db
    .select({ id: schedules.id })
    .from(schedules)
    .where(and(eq(schedules.id, input.scheduleId), eq(schedules.academyId, scope.id)));
  if (!schedule) throw new DomainError('NOT_FOUND', 'Schedule not found');
  const now = deps.clock.now();
  const done = await deps.db.transaction(async (tx) => {
    // Locked in id order, so two overlapping cancellations cannot deadlock.
    const upcoming = await tx
      .select()
      .from(sessions)
      .where(
        and(
          eq(sessions.scheduleId, schedule.id),
          eq(sessions.academyId, scope.id),
          inArray(sessions.status, ['scheduled', 'ready']),
          gte(sessions.scheduledAt, now),
        ),
      )
      .orderBy(asc(sessions.id))
      .for('update');
    const results = [];
    for (const session of upcoming) results.push(await cancelLocked(deps, tx, session, input.reason, now));
    return results;
  });
  for (const { roomToDelete } of done) await deleteDetachedRoom(deps, roomToDelete);
  return { scheduleId: schedule.id, cancelled: done.map((d) => d.session.id) };
}

async function academyOfSchedule(deps: Deps, scheduleId: number): Promise<number> {
  const [row] = await deps.db.select({ academyId: schedules.academyId }).from(schedules).where(eq(schedules.id, scheduleId));
  if (!row) throw new DomainError('NOT_FOUND', 'Schedule not found');
  return row.academyId;
}
