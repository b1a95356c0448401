/**
 * The admin dashboard's attendance table (docs/rules.md#dashboards): one row per person per
 * session over a range of local dates, filtered by teacher, kind, effective
 * status and person type. Final records only, like the academy statistics and
 * the range CSV export, so the table, the charts and the file agree; a live
 * session's records are on its own page.
 */
import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { attendanceRecords, sessions, users } from '@/server/db/schema';
import type { attendanceStatus, AttendeeType, SessionKind } from '@/server/db/schema/enums';
import { withinLocalDates } from './report-range';
import { assertAcademyTeacher, type Academy } from './resolve-academy';
import type { AcademyAttendanceInput } from './schemas';

type Status = (typeof attendanceStatus.enumValues)[number];


export interface AcademyAttendanceRow {
  sessionId: number;
  sessionTitle: string;
  kind: SessionKind;
  scheduledAt: Date;
  teacherName: string;
  userId: number;
  name: string;
  userType: AttendeeType;
  status: Status;
  computedStatus: Status;
  overridden: boolean;
  percentage: number;
  totalSeconds: number;
  joinCount: number;
}

export interface AcademyAttendance {
  timezone: string;
  /** rows matching the filters; `rows` holds the newest `limit` of them */
  total: number;
  rows: AcademyAttendanceRow[];
}

const USER_TYPE_ORDER = sql`array_position(ARRAY['teacher', 'student', 'parent', 'supervisor']::attendee_type[], ${attendanceRecords.userType})`;

export async function listAcademyAttendance(deps: Pick<Deps, 'db'>, academy: Academy, input: AcademyAttendanceInput): Promise<AcademyAttendance> {
  await assertAcademyTeacher(deps.db, academy.id, input.teacherId);
  const effective = sql<Status>`coalesce(${attendanceRecords.overrideStatus}, ${attendanceRecords.status})`;
  const where = and(
    eq(sessions.academyId, academy.id),
    eq(attendanceRecords.academyId, academy.id),
    eq(attendanceRecords.isFinal, true),
    withinLocalDates(sessions.scheduledAt, academy.timezone, input.from, input.to),
    input.teacherId === undefined ? undefined : eq(sessions.teacherId, input.teacherId),
    input.kind === undefined ? undefined : eq(sessions.kind, input.kind),
    input.userType === undefined ? undefined : eq(attendanceRecords.userType, input.userType),
    input.status === undefined ? undefined : (sql`${effective} = ${input.status}::attendance_status` as SQL),
  );
  const teacher = alias(users, 'teacher');
  const [rows, [count]] = await Promise.all([
    deps.db
      .select({
        sessionId: sessions.id,
        sessionTitle: sessions.title,
        kind: sessions.kind,
        scheduledAt: sessions.scheduledAt,
        teacherName: teacher.name,
        userId: attendanceRecords.userId,
        name: users.name,
        userType: attendanceRecords.userType,
        status: effective,
        computedStatus: attendanceRecords.status,
        overrideStatus: attendanceRecords.overrideStatus,
        percentage: attendanceRecords.percentage,
        totalSeconds: attendanceRecords.totalSeconds,
        joinCount: attendanceRecords.joinCount,
      })
      .from(attendanceRecords)
      .innerJoin(sessions, eq(sessions.id, attendanceRecords.sessionId))
      .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
      .innerJoin(users, eq(users.id, attendanceRecords.userId))
      .where(where)
      .orderBy(desc(sessions.scheduledAt), desc(sessions.id), USER_TYPE_ORDER, asc(users.name), asc(attendanceRecords.userId))
      .limit(input.limit ?? 200),
    deps.db
      .select({ total: sql<number>`count(*)::int` })
      .from(attendanceRecords)
      .innerJoin(sessions, eq(sessions.id, attendanceRecords.sessionId))
      .where(where),
  ]);
  return {
    timezone: academy.timezone,
    total: count?.total ?? 0,
    rows: rows.map(({ overrideStatus, ...row }) => ({ ...row, overridden: overrideStatus !== null })),
  };
}
