/**
 * recitations reads and writes, shaped fn(db, { academyId, ... }): every
 * query is filtered by the tenant.
 */
import 'server-only';
import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { recitations, sessions, users } from '@/server/db/schema';

export type RecitationRow = typeof recitations.$inferSelect;

/** A recitation as the pages show it: the row with the student's and writers' names and its session's title. */
export const recitationView = {
  id: recitations.id,
  sessionId: recitations.sessionId,
  sessionTitle: sessions.title,
  studentId: recitations.studentId,
  studentName: users.name,
  kind: recitations.kind,
  fromSurah: recitations.fromSurah,
  fromAyah: recitations.fromAyah,
  toSurah: recitations.toSurah,
  toAyah: recitations.toAyah,
  mistakes: recitations.mistakes,
  grade: recitations.grade,
  note: recitations.note,
  createdAt: recitations.createdAt,
  createdBy: recitations.createdBy,
  updatedAt: recitations.updatedAt,
  updatedBy: recitations.updatedBy,
};

export async function listRecitations(db: DbExecutor, where: { academyId: number; filter: SQL | undefined; limit?: number }) {
  const query = db
    .select(recitationView)
    .from(recitations)
    .innerJoin(users, eq(users.id, recitations.studentId))
    .innerJoin(sessions, and(eq(sessions.id, recitations.sessionId), eq(sessions.academyId, recitations.academyId)))
    .where(and(eq(recitations.academyId, where.academyId), where.filter))
    .orderBy(desc(recitations.createdAt), desc(recitations.id));
  return where.limit ? query.limit(where.limit) : query;
}

export type RecitationView = Awaited<ReturnType<typeof listRecitations>>[number];

export async function findRecitation(db: DbExecutor, key: { academyId: number | null; id: number }): Promise<RecitationRow | null> {
  const [row] = await db
    .select()
    .from(recitations)
    .where(and(eq(recitations.id, key.id), key.academyId === null ? undefined : eq(recitations.academyId, key.academyId)));
  return row ?? null;
}

/** Whether the user is a student of the session: its one-to-one student, or in its circle or course. */
export async function isStudentOfSession(db: DbExecutor, session: { id: number; academyId: number }, userId: number): Promise<boolean> {
  const [row] = await db
    .select({ yes: sql<boolean>`true` })
    .from(sessions)
    .innerJoin(users, and(eq(users.id, userId), eq(users.academyId, sessions.academyId), eq(users.role, 'student')))
    .where(
      and(
        eq(sessions.id, session.id),
        eq(sessions.academyId, session.academyId),
        sql`(${sessions.studentId} = ${userId}
          OR EXISTS (SELECT 1 FROM circle_members cm WHERE cm.circle_id = ${sessions.circleId} AND cm.student_id = ${userId})
          OR EXISTS (SELECT 1 FROM course_enrollments ce WHERE ce.course_id = ${sessions.courseId} AND ce.student_id = ${userId}))`,
      ),
    );
  return Boolean(row);
}

/** The students whose recitations a parent may see. */
export const childrenOf = (parentId: number) => sql`(SELECT child_id FROM parent_children WHERE parent_id = ${parentId})`;

export function recitationsOf(studentIds: number[] | SQL): SQL {
  return Array.isArray(studentIds) ? inArray(recitations.studentId, studentIds) : inArray(recitations.studentId, studentIds);
}
