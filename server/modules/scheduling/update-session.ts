/**
 * Edits a session that has not started: title, duration, teacher, audience.
 * Its time changes only through rescheduleSession, so every move of a
 * session passes one function.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { changeUnstartedSession, type SessionChange } from './change-unstarted-session';
import { assertParticipants } from './participants';
import type { UpdateSessionInput } from './schemas';

export async function updateSession(deps: Deps, actor: Actor, input: UpdateSessionInput): Promise<Omit<SessionChange, 'before'>> {
  const { session, roomDeleted } = await changeUnstartedSession(deps, actor, input.sessionId, async (tx, locked) => {
    const audienceGiven = input.studentId !== undefined || input.circleId !== undefined || input.courseId !== undefined;
    const audience = audienceGiven
      ? { studentId: input.studentId ?? null, circleId: input.circleId ?? null, courseId: input.courseId ?? null }
      : { studentId: locked.studentId, circleId: locked.circleId, courseId: locked.courseId };
    const teacherId = input.teacherId ?? locked.teacherId;
    if (audienceGiven || teacherId !== locked.teacherId) await assertParticipants(tx, locked.academyId, locked.kind, { teacherId, ...audience });
    return { title: input.title ?? locked.title, teacherId, durationMinutes: input.durationMinutes ?? locked.durationMinutes, ...audience };
  });
  return { session, roomDeleted };
}
