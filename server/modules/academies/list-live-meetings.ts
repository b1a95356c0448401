/**
 * Meetings open right now (docs/rules.md#dashboards: the admin's "live meetings now", the
 * teacher's live participants). Who is in the room comes from the attendance
 * records' open cycles, which the webhooks keep current, rather than from
 * LiveKit: one query for every room, cheap enough to poll every few seconds,
 * and hidden observers are left out as they are from attendance.
 *
 * Managers see their academy's (the super admin any academy, or all); a
 * teacher sees their own sessions'; nobody else.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { academies, attendanceRecords, meetings, sessions, users } from '@/server/db/schema';
import type { SessionKind, SessionStatus } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { OPEN_STATUSES } from '@/shared/session-status';
import type { Academy } from './resolve-academy';


export interface LiveMeeting {
  sessionId: number;
  academySlug: string;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduledAt: Date;
  durationMinutes: number;
  teacherName: string;
  roomName: string;
  openedAt: Date;
  inRoom: number;
  studentsInRoom: number;
  teacherInRoom: boolean;
}

/** At most this many rows: a dashboard list, not an export. */
const MAX_ROWS = 200;

/** Staff only (the procedure's rule). `academy` is the one the caller may act on (resolveAcademy); null: a super admin's every academy. */
export async function listLiveMeetings(deps: Pick<Deps, 'db'>, actor: Actor, academy: Academy | null): Promise<LiveMeeting[]> {
  const scope = academy === null ? undefined : and(eq(sessions.academyId, academy.id), actor.role === 'teacher' ? eq(sessions.teacherId, actor.id) : undefined);
  const teacher = alias(users, 'teacher');
  const inRoomOf = (type?: 'student' | 'teacher') =>
    sql<number>`(count(${attendanceRecords.userId}) FILTER (WHERE ${attendanceRecords.inRoom}${type ? sql` AND ${attendanceRecords.userType} = ${type}` : sql``}))::int`;
  const rows = await deps.db
    .select({
      sessionId: sessions.id,
      academySlug: academies.slug,
      title: sessions.title,
      kind: sessions.kind,
      status: sessions.status,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      teacherName: teacher.name,
      roomName: meetings.roomName,
      openedAt: meetings.createdAt,
      inRoom: inRoomOf(),
      studentsInRoom: inRoomOf('student'),
      teachersInRoom: inRoomOf('teacher'),
    })
    .from(meetings)
    .innerJoin(sessions, and(eq(sessions.id, meetings.sessionId), eq(sessions.academyId, meetings.academyId)))
    .innerJoin(academies, eq(academies.id, sessions.academyId))
    .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
    .leftJoin(attendanceRecords, and(eq(attendanceRecords.sessionId, sessions.id), eq(attendanceRecords.academyId, sessions.academyId)))
    .where(and(isNull(meetings.endedAt), inArray(sessions.status, OPEN_STATUSES), scope))
    .groupBy(sessions.id, academies.slug, teacher.name, meetings.id)
    .orderBy(asc(sessions.scheduledAt), asc(sessions.id))
    .limit(MAX_ROWS);
  return rows.map(({ teachersInRoom, ...row }) => ({ ...row, teacherInRoom: teachersInRoom > 0 }));
}
