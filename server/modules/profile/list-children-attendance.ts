/**
 * A parent's children and each one's recent sessions with that child's own
 * attendance (docs/rules.md#dashboards: "children's sessions and attendance"). A session counts
 * for a child who is its individual student, a member of its circle or
 * enrolled in its course — the same rule as joining (sessions/access.ts).
 * Only the child's record is read, never a classmate's.
 */
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { parentChildren, users, type StoredCycle } from '@/server/db/schema';
import { withLiveFigures, type AttendanceStatus, type LiveState } from '@/server/modules/attendance';
import type { SessionKind, SessionStatus } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { ChildrenAttendanceInput } from './schemas';

export interface ChildSession {
  sessionId: number;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduledAt: Date;
  durationMinutes: number;
  teacherName: string;
  /** null: no record (the session has not been attended or finalised yet) */
  /**
   * While the session is live the record is provisional: `liveState` says in class / left and
   * `status` is not to be shown (docs/rules.md#attendance); counts take final records only.
   */
  attendance: { status: AttendanceStatus; percentage: number; totalSeconds: number; isFinal: boolean; liveState: LiveState | null } | null;
}

export interface ChildAttendance {
  childId: number;
  name: string;
  counts: Record<AttendanceStatus, number>;
  sessions: ChildSession[];
}

interface Row extends Record<string, unknown> {
  child_id: number;
  session_id: number;
  title: string;
  kind: SessionKind;
  status: SessionStatus;
  scheduled_ms: number;
  duration_minutes: number;
  extended_minutes: number;
  teacher_name: string;
  attendance_status: AttendanceStatus | null;
  percentage: string | null;
  total_seconds: number | null;
  is_final: boolean | null;
  in_room: boolean | null;
  cycles: StoredCycle[] | null;
}

export async function listChildrenAttendance(
  deps: Pick<Deps, 'db' | 'clock'>,
  actor: Actor,
  input: ChildrenAttendanceInput = {},
): Promise<ChildAttendance[]> {
  if (actor.role !== 'parent' || actor.academyId === null) throw new DomainError('FORBIDDEN', 'Only parents have children here');
  const days = input?.days ?? 60;
  const limit = input?.limit ?? 50;
  const now = deps.clock.now();
  const since = new Date(now.getTime() - days * 86_400_000).toISOString();
  const children = await deps.db
    .select({ id: users.id, name: users.name })
    .from(parentChildren)
    .innerJoin(users, eq(users.id, parentChildren.childId))
    .where(and(eq(parentChildren.parentId, actor.id), eq(parentChildren.academyId, actor.academyId)))
    .orderBy(asc(users.name), asc(users.id));
  if (children.length === 0) return [];

  const rows = await deps.db.execute<Row>(sql`
    SELECT * FROM (
      SELECT pc.child_id, s.id AS session_id, s.title, s.kind, s.status,
        (extract(epoch FROM s.scheduled_at) * 1000)::float8 AS scheduled_ms, s.duration_minutes, s.extended_minutes, t.name AS teacher_name,
        coalesce(r.override_status, r.status) AS attendance_status, r.percentage::text AS percentage, r.total_seconds, r.is_final,
        r.in_room, r.cycles,
        row_number() OVER (PARTITION BY pc.child_id ORDER BY s.scheduled_at DESC, s.id DESC) AS n
      FROM parent_children pc
      JOIN sessions s ON s.academy_id = pc.academy_id AND (
        s.student_id = pc.child_id
        OR s.circle_id IN (SELECT circle_id FROM circle_members WHERE student_id = pc.child_id)
        OR s.course_id IN (SELECT course_id FROM course_enrollments WHERE student_id = pc.child_id))
      JOIN users t ON t.id = s.teacher_id
      LEFT JOIN attendance_records r ON r.session_id = s.id AND r.user_id = pc.child_id AND r.academy_id = s.academy_id
      WHERE pc.parent_id = ${actor.id} AND pc.academy_id = ${actor.academyId}
        AND s.scheduled_at >= ${since}::timestamptz AND s.scheduled_at <= ${now.toISOString()}::timestamptz
    ) ranked
    WHERE n <= ${limit}
    ORDER BY child_id, scheduled_ms DESC, session_id DESC`);

  return children.map((child) => {
    const sessions: ChildSession[] = rows
      .filter((r) => r.child_id === child.id)
      .map((r) => ({
        sessionId: r.session_id,
        title: r.title,
        kind: r.kind,
        status: r.status,
        scheduledAt: new Date(r.scheduled_ms),
        durationMinutes: r.duration_minutes,
        teacherName: r.teacher_name,
        attendance:
          r.attendance_status === null
            ? null
            : liveView(
                withLiveFigures(
                  {
                    status: r.attendance_status,
                    percentage: Number(r.percentage),
                    totalSeconds: r.total_seconds ?? 0,
                    isFinal: r.is_final === true,
                    inRoom: r.in_room === true,
                    cycles: r.cycles ?? [],
                  },
                  { scheduledAt: new Date(r.scheduled_ms), durationMinutes: r.duration_minutes, extendedMinutes: r.extended_minutes },
                  now,
                ),
              ),
      }));
    const counts: Record<AttendanceStatus, number> = { present: 0, late: 0, partial: 0, absent: 0 };
    for (const s of sessions) if (s.attendance?.isFinal) counts[s.attendance.status] += 1;
    return { childId: child.id, name: child.name, counts, sessions };
  });
}

/** What the parent's page shows of a record: no cycles. */
function liveView(r: NonNullable<ChildSession['attendance']>): NonNullable<ChildSession['attendance']> {
  return { status: r.status, percentage: r.percentage, totalSeconds: r.totalSeconds, isFinal: r.isFinal, liveState: r.liveState };
}
