/**
 * The week calendar's sessions (docs/rules.md#calendar): every session of
 * the academy for its managers, a teacher's own for a teacher, between two
 * instants. The client places them in the viewer's timezone; the academy's
 * timezone comes along because a reschedule is said in it.
 */
import 'server-only';
import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { academies, circles, courses, sessions, users } from '@/server/db/schema';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import type { CalendarInput } from './schemas';

/** A week has far fewer; the cap keeps a super admin's all-academies view bounded. */
export const MAX_CALENDAR_SESSIONS = 2000;

export async function listCalendar(deps: Pick<Deps, 'db'>, actor: Actor, academyId: number | null, input: CalendarInput) {
  const teacher = alias(users, 'teacher');
  const student = alias(users, 'student');
  const rows = await deps.db
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      title: sessions.title,
      kind: sessions.kind,
      status: sessions.status,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      cancelReason: sessions.cancelReason,
      scheduleId: sessions.scheduleId,
      teacherId: sessions.teacherId,
      studentId: sessions.studentId,
      circleId: sessions.circleId,
      courseId: sessions.courseId,
      teacherName: teacher.name,
      audienceName: student.name,
      circleName: circles.name,
      courseTitle: courses.title,
      academyTimezone: academies.timezone,
    })
    .from(sessions)
    .innerJoin(academies, eq(academies.id, sessions.academyId))
    .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
    .leftJoin(student, eq(student.id, sessions.studentId))
    .leftJoin(circles, eq(circles.id, sessions.circleId))
    .leftJoin(courses, eq(courses.id, sessions.courseId))
    .where(
      and(
        academyId === null ? undefined : eq(sessions.academyId, academyId),
        actor.role === 'teacher' ? eq(sessions.teacherId, actor.id) : undefined,
        gte(sessions.scheduledAt, input.from),
        lt(sessions.scheduledAt, input.to),
      ),
    )
    .orderBy(asc(sessions.scheduledAt), asc(sessions.id))
    .limit(MAX_CALENDAR_SESSIONS);
  // Cancelling and moving a session is a manager's (scheduling's sessionManagerProcedure).
  const canChange = isManagerRole(actor.role);
  return rows.map(({ audienceName, circleName, courseTitle, ...row }) => ({
    ...row,
    audience: circleName ?? courseTitle ?? audienceName ?? '',
    canChange: canChange && (row.status === 'scheduled' || row.status === 'ready'),
  }));
}
export type CalendarSession = Awaited<ReturnType<typeof listCalendar>>[number];
