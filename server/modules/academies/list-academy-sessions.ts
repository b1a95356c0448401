/**
 * The admin's sessions table (docs/rules.md#dashboards): an academy's sessions over a range of
 * local dates with their audience, meeting state and the students' effective
 * attendance counts, filtered by teacher, kind and session status.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { attendanceRecords, circles, courses, meetings, sessions, users } from '@/server/db/schema';
import type { SessionKind, SessionStatus } from '@/server/db/schema/enums';
import { withinLocalDates } from './report-range';
import { assertAcademyTeacher, type Academy } from './resolve-academy';
import type { AcademySessionsInput } from './schemas';


export interface AcademySessionRow {
  id: number;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduledAt: Date;
  durationMinutes: number;
  teacherId: number;
  teacherName: string;
  /** the circle's name, the course's title or the individual student's name */
  audience: string | null;
  audienceType: 'student' | 'circle' | 'course';
  meeting: 'none' | 'open' | 'ended';
  students: { present: number; late: number; partial: number; absent: number; inRoom: number };
}

export async function listAcademySessions(
  deps: Pick<Deps, 'db'>,
  academy: Academy,
  input: AcademySessionsInput,
): Promise<{ timezone: string; total: number; rows: AcademySessionRow[] }> {
  await assertAcademyTeacher(deps.db, academy.id, input.teacherId);
  const where = and(
    eq(sessions.academyId, academy.id),
    withinLocalDates(sessions.scheduledAt, academy.timezone, input.from, input.to),
    input.teacherId === undefined ? undefined : eq(sessions.teacherId, input.teacherId),
    input.kind === undefined ? undefined : eq(sessions.kind, input.kind),
    input.status === undefined ? undefined : eq(sessions.status, input.status),
  );
  const teacher = alias(users, 'teacher');
  const student = alias(users, 'student');
  const effective = sql`coalesce(${attendanceRecords.overrideStatus}, ${attendanceRecords.status})`;
  const studentCount = (condition: ReturnType<typeof sql>) =>
    sql<number>`(count(${attendanceRecords.userId}) FILTER (WHERE ${attendanceRecords.userType} = 'student' AND ${condition}))::int`;
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        id: sessions.id,
        title: sessions.title,
        kind: sessions.kind,
        status: sessions.status,
        scheduledAt: sessions.scheduledAt,
        durationMinutes: sessions.durationMinutes,
        teacherId: sessions.teacherId,
        teacherName: teacher.name,
        studentId: sessions.studentId,
        circleId: sessions.circleId,
        studentName: student.name,
        circleName: circles.name,
        courseTitle: courses.title,
        meetingId: meetings.id,
        meetingEndedAt: meetings.endedAt,
        present: studentCount(sql`${attendanceRecords.isFinal} AND ${effective} = 'present'`),
        late: studentCount(sql`${attendanceRecords.isFinal} AND ${effective} = 'late'`),
        partial: studentCount(sql`${attendanceRecords.isFinal} AND ${effective} = 'partial'`),
        absent: studentCount(sql`${attendanceRecords.isFinal} AND ${effective} = 'absent'`),
        inRoom: studentCount(sql`${attendanceRecords.inRoom}`),
      })
      .from(sessions)
      .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
      .leftJoin(student, eq(student.id, sessions.studentId))
      .leftJoin(circles, eq(circles.id, sessions.circleId))
      .leftJoin(courses, eq(courses.id, sessions.courseId))
      .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
      .leftJoin(attendanceRecords, and(eq(attendanceRecords.sessionId, sessions.id), eq(attendanceRecords.academyId, academy.id)))
      .where(where)
      .groupBy(sessions.id, teacher.name, student.name, circles.name, courses.title, meetings.id)
      .orderBy(asc(sessions.scheduledAt), asc(sessions.id))
      .limit(input.limit ?? 200),
    deps.db.select({ total: sql<number>`count(*)::int` }).from(sessions).where(where),
  ]);
  return {
    timezone: academy.timezone,
    total: count?.total ?? 0,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      scheduledAt: r.scheduledAt,
      durationMinutes: r.durationMinutes,
      teacherId: r.teacherId,
      teacherName: r.teacherName,
      audience: r.studentName ?? r.circleName ?? r.courseTitle,
      audienceType: r.studentId !== null ? 'student' : r.circleId !== null ? 'circle' : 'course',
      meeting: r.meetingId === null ? 'none' : r.meetingEndedAt === null ? 'open' : 'ended',
      students: { present: r.present, late: r.late, partial: r.partial, absent: r.absent, inRoom: r.inRoom },
    })),
  };
}
