/**
 * Reading the recitation log (docs/rules.md#recitation-log). Who sees whose entries
 * follows the session rules: the session's teacher and managers see
 * everyone's, a student their own, a parent their children's (and never
 * another child's); another academy's student is NOT_FOUND.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circleMembers, courseEnrollments, recitations, sessions, users } from '@/server/db/schema';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { gradesOf, isGradeScale, type GradeScale } from '@/shared/quran/grades';
import { countMistakes } from '@/shared/quran/mistakes';
import { coverageOf } from '@/shared/quran/range';
import { childrenOf, listRecitations } from './queries';
import { EDIT_WINDOW_DAYS, mayEdit } from './record-recitation';

const scaleOf = (value: string): GradeScale => (isGradeScale(value) ? value : 'five_level');

/** The session's students, for the teacher's form. */
async function sessionStudents(deps: Pick<Deps, 'db'>, session: typeof sessions.$inferSelect) {
  const ids = sql`(
    SELECT ${session.studentId ?? null}::integer
    UNION SELECT ${circleMembers.studentId} FROM ${circleMembers} WHERE ${circleMembers.circleId} = ${session.circleId ?? null}::integer
    UNION SELECT ${courseEnrollments.studentId} FROM ${courseEnrollments} WHERE ${courseEnrollments.courseId} = ${session.courseId ?? null}::integer
  )`;
  return deps.db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.academyId, session.academyId), eq(users.role, 'student'), inArray(users.id, ids)))
    .orderBy(users.name);
}

export async function listSessionRecitations(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: { sessionId: number }) {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const whose = ctx.canManage
    ? undefined
    : ctx.joinRole === 'parent'
      ? inArray(recitations.studentId, childrenOf(actor.id))
      : ctx.joinRole === 'student'
        ? eq(recitations.studentId, actor.id)
        : sql`false`;
  const rows = await listRecitations(deps.db, { academyId: ctx.session.academyId, filter: and(eq(recitations.sessionId, ctx.session.id), whose) });
  const now = deps.clock.now();
  const scale = scaleOf(ctx.academy.recitationGradeScale);
  return {
    scale,
    grades: gradesOf(scale),
    canRecord: ctx.canManage && ctx.session.status !== 'cancelled',
    editWindowDays: EDIT_WINDOW_DAYS,
    students: ctx.canManage ? await sessionStudents(deps, ctx.session) : [],
    rows: rows.map((r) => ({ ...r, counts: countMistakes(r.mistakes), editable: ctx.canManage && mayEdit(actor, r.createdAt, now) })),
  };
}

/** Whether the actor may see this student's progress; the student must be of the actor's academy. */
async function assertMaySeeStudent(deps: Pick<Deps, 'db'>, actor: Actor, studentId: number) {
  const [student] = await deps.db
    .select({ id: users.id, name: users.name, academyId: users.academyId })
    .from(users)
    .where(and(eq(users.id, studentId), eq(users.role, 'student'), actor.role === 'super_admin' ? undefined : eq(users.academyId, actor.academyId ?? -1)));
  if (!student || student.academyId === null) throw new DomainError('NOT_FOUND', 'Student not found');
  if (actor.role === 'super_admin' || isManagerRole(actor.role) || actor.id === studentId) return { ...student, academyId: student.academyId };
  const related =
    actor.role === 'parent'
      ? sql`EXISTS (SELECT 1 FROM parent_children pc WHERE pc.parent_id = ${actor.id} AND pc.child_id = ${studentId})`
      : actor.role === 'teacher'
        ? sql`(EXISTS (SELECT 1 FROM circles c JOIN circle_members cm ON cm.circle_id = c.id WHERE c.teacher_id = ${actor.id} AND cm.student_id = ${studentId})
            OR EXISTS (SELECT 1 FROM courses co JOIN course_enrollments ce ON ce.course_id = co.id WHERE co.teacher_id = ${actor.id} AND ce.student_id = ${studentId})
            OR EXISTS (SELECT 1 FROM sessions s WHERE s.teacher_id = ${actor.id} AND s.student_id = ${studentId}))`
        : sql`false`;
  const [row] = await deps.db.execute<{ ok: boolean }>(sql`SELECT ${related} AS ok`);
  if (!row?.ok) throw new DomainError('FORBIDDEN', 'You may not see this student’s recitations');
  return { ...student, academyId: student.academyId };
}

const CHART_POINTS = 60;

/**
 * A student's progress: what is memorised so far (memorisation entries,
 * each ayah once, by surah and juz), mistakes over time (one point per
 * recitation, oldest first) and the last `last` recitations.
 */
export async function getStudentProgress(deps: Pick<Deps, 'db'>, actor: Actor, input: { studentId: number; last?: number }) {
  const student = await assertMaySeeStudent(deps, actor, input.studentId);
  const rows = await listRecitations(deps.db, { academyId: student.academyId, filter: eq(recitations.studentId, student.id) });
  const [academy] = await deps.db.execute<{ scale: string }>(sql`SELECT recitation_grade_scale AS scale FROM academies WHERE id = ${student.academyId}`);
  const memorised = coverageOf(rows.filter((r) => r.kind === 'memorisation'));
  const chart = rows
    .slice(0, CHART_POINTS)
    .reverse()
    .map((r) => ({ id: r.id, at: r.createdAt, ...countMistakes(r.mistakes) }));
  return {
    student: { id: student.id, name: student.name },
    scale: scaleOf(academy?.scale ?? 'five_level'),
    total: rows.length,
    memorised,
    chart,
    last: rows.slice(0, input.last ?? 10).map((r) => ({ ...r, counts: countMistakes(r.mistakes) })),
  };
}
