/**
 * The dashboards' session lists (docs/rules.md#dashboards): today (in the academy's timezone)
 * or upcoming, for the actor's role — a teacher's own, a student's (individual,
 * circle, course), a parent's children's, all of an academy for managers.
 */
import 'server-only';
import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';
import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { academies, attendanceRecords, meetings, sessions, users } from '@/server/db/schema';
import { canManageSession } from './access';

export type SessionRange = 'today' | 'upcoming' | 'past';

export interface SessionListItem {
  id: number;
  title: string;
  kind: string;
  scheduledAt: Date;
  durationMinutes: number;
  status: string;
  teacherName: string;
  meetingStarted: boolean;
  meetingEnded: boolean;
  canManage: boolean;
  /** a final status, or 'in_class' / 'left' while the record is live; null without a record */
  myAttendance: string | null;
}

export function dayBounds(now: Date, timezone: string): { from: Date; to: Date } {
  const start = startOfDay(new TZDate(now.getTime(), timezone));
  return { from: new Date(start.getTime()), to: new Date(addDays(start, 1).getTime()) };
}

function audienceFilter(actor: Actor): SQL | undefined {
  switch (actor.role) {
    case 'super_admin':
      return undefined;
    case 'academy_admin':
    case 'supervisor':
      return eq(sessions.academyId, actor.academyId ?? -1);
    case 'teacher':
      return eq(sessions.teacherId, actor.id);
    case 'student':
      return sql`(${sessions.studentId} = ${actor.id}
        OR ${sessions.circleId} IN (SELECT circle_id FROM circle_members WHERE student_id = ${actor.id})
        OR ${sessions.courseId} IN (SELECT course_id FROM course_enrollments WHERE student_id = ${actor.id}))`;
    case 'parent':
      return sql`(${sessions.studentId} IN (SELECT child_id FROM parent_children WHERE parent_id = ${actor.id})
        OR ${sessions.circleId} IN (SELECT cm.circle_id FROM circle_members cm JOIN parent_children pc ON pc.child_id = cm.student_id WHERE pc.parent_id = ${actor.id})
        OR ${sessions.courseId} IN (SELECT ce.course_id FROM course_enrollments ce JOIN parent_children pc ON pc.child_id = ce.student_id WHERE pc.parent_id = ${actor.id}))`;
  }
}

export async function listMySessions(deps: Deps, actor: Actor, input: { range: SessionRange; limit?: number }): Promise<SessionListItem[]> {
  const now = deps.clock.now();
  const timezone = await actorTimezone(deps, actor);
  const { from, to } = dayBounds(now, timezone);
  const window =
    input.range === 'today'
      ? and(gte(sessions.scheduledAt, from), lt(sessions.scheduledAt, to))
      : input.range === 'upcoming'
        ? and(gte(sessions.scheduledAt, to), lt(sessions.scheduledAt, addDays(to, 14)))
        : // Past: the last 30 days before today, and today's sessions that have finished
          // (a class that ended an hour ago belongs in "My attendance").
          and(
            gte(sessions.scheduledAt, addDays(from, -30)),
            lt(sessions.scheduledAt, to),
            or(lt(sessions.scheduledAt, from), inArray(sessions.status, ['completed', 'absent'])),
          );
  const teacher = alias(users, 'teacher');
  const rows = await deps.db
    .select({
      id: sessions.id,
      title: sessions.title,
      kind: sessions.kind,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      status: sessions.status,
      teacherId: sessions.teacherId,
      teacherName: teacher.name,
      meetingId: meetings.id,
      meetingEndedAt: meetings.endedAt,
      // A live record is provisional: it says in class / left, never a final status (docs/rules.md#attendance).
      myAttendance: sql<string | null>`CASE WHEN ${attendanceRecords.isFinal} THEN coalesce(${attendanceRecords.overrideStatus}, ${attendanceRecords.status})::text
        WHEN ${attendanceRecords.inRoom} THEN 'in_class' WHEN ${attendanceRecords.userId} IS NOT NULL THEN 'left' END`,
    })
    .from(sessions)
    .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
    .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
    .leftJoin(attendanceRecords, and(eq(attendanceRecords.sessionId, sessions.id), eq(attendanceRecords.userId, actor.id)))
    .where(and(audienceFilter(actor), window))
    .orderBy(input.range === 'past' ? sql`${sessions.scheduledAt} DESC` : asc(sessions.scheduledAt))
    .limit(input.limit ?? 100);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    kind: r.kind,
    scheduledAt: r.scheduledAt,
    durationMinutes: r.durationMinutes,
    status: r.status,
    teacherName: r.teacherName,
    meetingStarted: r.meetingId !== null,
    meetingEnded: r.meetingEndedAt !== null,
    canManage: canManageSession(actor, r.teacherId),
    myAttendance: r.myAttendance,
  }));
}

async function actorTimezone(deps: Deps, actor: Actor): Promise<string> {
  const [row] = await deps.db
    .select({ userTz: users.timezone, academyTz: academies.timezone })
    .from(users)
    .leftJoin(academies, eq(academies.id, users.academyId))
    .where(eq(users.id, actor.id));
  return row?.userTz ?? row?.academyTz ?? 'UTC';
}
