/**
 * Edits or reschedules a session that has not started (scheduled or ready).
 * A change of start, duration or teacher invalidates the room (its timeout,
 * options and metadata were made for the old ones): the room is deleted and a
 * ready session goes back to scheduled, to get a fresh room from the sweep or
 * the teacher. A title change keeps the room.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { meetings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { getSessionContextOrThrow } from '@/server/modules/sessions';
import { assertTransition, transitionSession } from '@/server/modules/sessions';
import { assertParticipants } from './participants';
import { wallTimeToUtcOrThrow } from './create-session';
import { deleteDetachedRoom, detachRoom } from './drop-room';
import type { UpdateSessionInput } from './schemas';
import { localDateTime, sessionView, type SessionView } from './session-view';

export async function updateSession(deps: Deps, actor: Actor, input: UpdateSessionInput): Promise<{ session: SessionView; roomDeleted: boolean }> {
  const { academy } = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  const now = deps.clock.now();
  const { session, roomToDelete } = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(sessions).where(eq(sessions.id, input.sessionId)).for('update');
    if (!locked) throw new DomainError('NOT_FOUND', 'Session not found');
    if (locked.status !== 'scheduled' && locked.status !== 'ready') {
      throw new DomainError('CONFLICT', `A ${locked.status} session cannot be changed`);
    }

    let scheduledAt = locked.scheduledAt;
    if (input.localDate !== undefined || input.localTime !== undefined) {
      const current = localDateTime(locked.scheduledAt, academy.timezone);
      scheduledAt = wallTimeToUtcOrThrow(academy.timezone, input.localDate ?? current.date, input.localTime ?? current.time);
      if (scheduledAt.getTime() !== locked.scheduledAt.getTime() && scheduledAt.getTime() < now.getTime()) {
        throw new DomainError('BAD_REQUEST', 'The session would start in the past');
      }
    }
    const durationMinutes = input.durationMinutes ?? locked.durationMinutes;
    const teacherId = input.teacherId ?? locked.teacherId;
    if (teacherId !== locked.teacherId) await assertParticipants(tx, locked.academyId, locked.kind, { ...locked, teacherId });

    const resetsRoom =
      scheduledAt.getTime() !== locked.scheduledAt.getTime() || durationMinutes !== locked.durationMinutes || teacherId !== locked.teacherId;
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.sessionId, locked.id));
    let roomToDelete: string | null = null;
    // A ready session whose room goes returns to the schedule.
    const backToScheduled = resetsRoom && meeting !== undefined && locked.status === 'ready';
    if (backToScheduled) assertTransition('ready', 'scheduled'); // before the room is detached
    if (resetsRoom && meeting) roomToDelete = await detachRoom(deps, tx, meeting);
    const patch = { title: input.title ?? locked.title, teacherId, scheduledAt, durationMinutes, updatedAt: now };
    const [updated] = backToScheduled
      ? await transitionSession(tx, locked.id, 'ready', 'scheduled', patch)
      : await tx
          .update(sessions)
          .set(patch)
          .where(and(eq(sessions.id, locked.id), eq(sessions.status, locked.status)))
          .returning();
    return { session: sessionView(updated!, academy.timezone), roomToDelete };
  });
  return { session, roomDeleted: await deleteDetachedRoom(deps, roomToDelete) };
}
