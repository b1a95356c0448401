/**
 * The admin dashboard's attendance table (SPEC 9): one row per person per
 * session over a range of local dates, filtered by teacher, kind, effective
 * status and person type. Final records only, like the academy statistics and
 * the range CSV export, so the table, the charts and the file agree; a live
 * session's records are on its own page.
 */
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Deps } from '@/server/deps';
import { attendanceRecords, sessions, users } from '@/server/db/schema';
import { attendanceStatus, attendeeType, sessionKind, type AttendeeType, type SessionKind } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { assertAcademyTeacher, getManagedAcademyOrThrow } from './manager-scope';
import { checkReportRange, reportDate, withinLocalDates } from './report-range';

const id = z.number().int().positive().max(2_147_483_647);
type Status = (typeof attendanceStatus.enumValues)[number];

export const academyAttendanceInput = z
  .object({
    academyId: id.optional(),
    from: reportDate,
    to: reportDate,
    teacherId: id.optional(),
    kind: z.enum(sessionKind.enumValues).optional(),
    /** the effective status: an override wins over the computed one */
    status: z.enum(attendanceStatus.enumValues).optional(),
    userType: z.enum(attendeeType.enumValues).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .superRefine(checkReportRange);
export type AcademyAttendanceInput = z.infer<typeof academyAttendanceInput>;

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

export async function listAcademyAttendance(deps: Pick<Deps, 'db'>, actor: Actor, input: AcademyAttendanceInput): Promise<AcademyAttendance> {
  const academy = await getManagedAcademyOrThrow(deps.db, actor, input.academyId);
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
