/**
 * A session's teacher and audience must be the academy's own, and the kind
 * decides which audiences make sense (docs/rules.md#sessions).
 */
import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { circles, courses, users } from '@/server/db/schema';
import type { SessionKind } from '@/server/db/schema/enums';
import { DomainError } from '@/server/lib/domain-error';

export interface Participants {
  teacherId: number;
  studentId?: number | null;
  circleId?: number | null;
  courseId?: number | null;
}

/** The teacher and the one audience must be the academy's own; the kind decides which audiences make sense. */
export async function assertParticipants(db: DbExecutor, academyId: number, kind: SessionKind, p: Participants): Promise<void> {
  const [teacher] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, p.teacherId), eq(users.academyId, academyId), eq(users.role, 'teacher')));
  if (!teacher) throw new DomainError('BAD_REQUEST', 'teacherId is not a teacher of this academy');

  const given = [p.studentId, p.circleId, p.courseId].filter((x) => x !== undefined && x !== null);
  if (given.length !== 1) throw new DomainError('BAD_REQUEST', 'Give exactly one of studentId, circleId and courseId');
  if (kind === 'interactive_course' && !p.courseId) throw new DomainError('BAD_REQUEST', 'An interactive course session belongs to a course');
  if (kind === 'quran' && p.courseId) throw new DomainError('BAD_REQUEST', 'A Quran session is for a student or a circle');

  if (p.studentId) {
    const [student] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, p.studentId), eq(users.academyId, academyId), eq(users.role, 'student')));
    if (!student) throw new DomainError('BAD_REQUEST', 'studentId is not a student of this academy');
  } else if (p.circleId) {
    const [circle] = await db.select({ id: circles.id }).from(circles).where(and(eq(circles.id, p.circleId), eq(circles.academyId, academyId), isNull(circles.archivedAt)));
    if (!circle) throw new DomainError('BAD_REQUEST', 'circleId is not an open (unarchived) circle of this academy');
  } else if (p.courseId) {
    const [course] = await db.select({ id: courses.id }).from(courses).where(and(eq(courses.id, p.courseId), eq(courses.academyId, academyId), isNull(courses.archivedAt)));
    if (!course) throw new DomainError('BAD_REQUEST', 'courseId is not an open (unarchived) course of this academy');
  }
}
