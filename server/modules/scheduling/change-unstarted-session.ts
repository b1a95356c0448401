/**
 * The one way a session that has not started (scheduled or ready) changes,
 * shared by an edit (update-session.ts) and a reschedule
 * (reschedule-session.ts). A change of start, duration or teacher
 * invalidates the room (its timeout, options and metadata were made for the
 * old ones): the room is deleted and a ready session goes back to scheduled,
 * to get a fresh room from the sweep or the teacher. A title or audience
 * change keeps the room. A live, finished or cancelled session is CONFLICT.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/server/db';
import { meetings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { assertTransition, getSessionContextOrThrow, transitionSession } from '@/server/modules/sessions';
import { deleteDetachedRoom, detachRoom } from './drop-room';
import { sessionView, type SessionView } from './session-view';

type SessionRow = typeof sessions.$inferSelect;
export type SessionPatch = Partial<Pick<SessionRow, 'title' | 'teacherId' | 'scheduledAt' | 'durationMinutes' | 'studentId' | 'circleId' | 'courseId'>>;

export interface SessionChange {
  /** The session as it was before the change. */
  before: SessionView;
  session: SessionView;
  roomDeleted: boolean;
}

export async function changeUnstartedSession(
  deps: Deps,
  actor: Actor,
  sessionId: number,
  decide: (tx: Tx, locked: SessionRow, academy: Academy, now: Date) => Promise<SessionPatch>,
  /** Runs in the same transaction once the row is written (e.g. to tell people). */
  afterWrite?: (tx: Tx, before: SessionRow, after: SessionRow) => Promise<void>,
): Promise<SessionChange> {
  const { academy } = await getSessionContextOrThrow(deps.db, actor, sessionId);
  const now = deps.clock.now();
  const { before, session, roomToDelete } = await deps.db.transaction(async (tx) => {
    const [locked] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).for('update');
    if (!locked) throw new DomainError('NOT_FOUND', 'Session not found');
    if (locked.status !== 'scheduled' && locked.status !== 'ready') {
      throw new DomainError('CONFLICT', `A ${locked.status} session cannot be changed`);
    }
    const patch = await decide(tx, locked, academy, now);
    const next = { ...locked, ...patch };
    const resetsRoom =
      next.scheduledAt.getTime() !== locked.scheduledAt.getTime() || next.durationMinutes !== locked.durationMinutes || next.teacherId !== locked.teacherId;
    const [meeting] = await tx.select().from(meetings).where(eq(meetings.sessionId, locked.id));
    // A ready session whose room goes returns to the schedule.
    const backToScheduled = resetsRoom && meeting !== undefined && locked.status === 'ready';
    if (backToScheduled) assertTransition('ready', 'scheduled'); // before the room is detached
    const roomToDelete = resetsRoom && meeting ? await detachRoom(deps, tx, meeting) : null;
    const values = { ...patch, updatedAt: now };
    const [updated] = backToScheduled
      ? await transitionSession(tx, locked.id, 'ready', 'scheduled', values)
      : await tx
          .update(sessions)
          .set(values)
          .where(and(eq(sessions.id, locked.id), eq(sessions.status, locked.status)))
          .returning();
    if (afterWrite) await afterWrite(tx, locked, updated!);
    return { before: sessionView(locked, academy.timezone), session: sessionView(updated!, academy.timezone), roomToDelete };
  });
  return { before, session, roomDeleted: await deleteDetachedRoom(deps, roomToDelete) };
}
