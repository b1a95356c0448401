/**
 * Attendance statistics for the dashboards (docs/rules.md#attendance, docs/rules.md#dashboards): one session's, and an
 * academy's over a range of local dates. Every figure uses the effective
 * status (an admin's override wins over the computed one) and is aggregated
 * in Postgres; students and teachers are counted apart, because teachers have
 * their own thresholds and would blur the students' figures.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { SessionKind } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { assertAcademyPeople, type Academy } from '@/server/modules/academies';
import type { AcademyStatsInput, SessionStatsInput } from './schemas';


export interface StatusCounts {
  totalParticipants: number;
  /** final statuses count final records only (docs/rules.md#attendance: live records are provisional) */
  present: number;
  late: number;
  partial: number;
  absent: number;
  /** live records: still connected, and left (for now) */
  inClass: number;
  left: number;
  /** mean of the records' percentages, 2 decimals; 0 without records */
  averagePercentage: number;
  attendedSeconds: number;
}

export interface SessionStatistics {
  sessionId: number;
  /** false while the meeting is live: records still change */
  final: boolean;
  students: StatusCounts;
  teachers: StatusCounts;
  /**
   * From the first join of anyone (teacher included) to the last leave — the
   * time people were in the room, not how long the room existed (LiveKit rooms
   * open before the start and may outlive everyone). While someone is still
   * connected it runs to now.
   */
  meeting: {
    durationSeconds: number;
    from: Date | null;
    to: Date | null;
    basis: 'first_join_to_last_leave' | 'first_join_to_now' | 'no_joins';
  };
}

const COUNTS = sql`
  count(*)::int AS total,
  count(*) FILTER (WHERE is_final AND status = 'present')::int AS present,
  count(*) FILTER (WHERE is_final AND status = 'late')::int AS late,
  count(*) FILTER (WHERE is_final AND status = 'partial')::int AS partial,
  count(*) FILTER (WHERE is_final AND status = 'absent')::int AS absent,
  count(*) FILTER (WHERE NOT is_final AND in_room)::int AS in_class,
  count(*) FILTER (WHERE NOT is_final AND NOT in_room)::int AS left_class,
  coalesce(round(avg(percentage), 2), 0)::float8 AS average_percentage,
  coalesce(sum(total_seconds), 0)::float8 AS attended_seconds`;

interface CountsRow extends Record<string, unknown> {
  total: number;
  present: number;
  late: number;
  partial: number;
  absent: number;
  in_class: number;
  left_class: number;
  average_percentage: number;
  attended_seconds: number;
}

const EMPTY_COUNTS: StatusCounts = { totalParticipants: 0, present: 0, late: 0, partial: 0, absent: 0, inClass: 0, left: 0, averagePercentage: 0, attendedSeconds: 0 };

function toCounts(row: CountsRow | undefined): StatusCounts {
  if (!row) return { ...EMPTY_COUNTS };
  return {
    totalParticipants: row.total,
    present: row.present,
    late: row.late,
    partial: row.partial,
    absent: row.absent,
    inClass: row.in_class,
    left: row.left_class,
    averagePercentage: row.average_percentage,
    attendedSeconds: row.attended_seconds,
  };
}

/** Timestamps leave SQL as epoch milliseconds: the Drizzle client hands timestamptz over as unparsed text. */
const epochMs = (column: SQL) => sql`(extract(epoch FROM ${column}) * 1000)::float8`;

export async function getSessionStatistics(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: SessionStatsInput): Promise<SessionStatistics> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const rows = await deps.db.execute<
    CountsRow & { user_type: string; first_join_ms: number | null; last_leave_ms: number | null; in_room: boolean; all_final: boolean }
  >(sql`
    SELECT user_type, ${COUNTS},
      ${epochMs(sql`min(first_join_at)`)} AS first_join_ms,
      ${epochMs(sql`max(last_leave_at)`)} AS last_leave_ms,
      bool_or(in_room) AS in_room,
      bool_and(is_final) AS all_final
    FROM (
      SELECT user_type, coalesce(override_status, status) AS status, percentage, total_seconds,
        first_join_at, last_leave_at, in_room, is_final
      FROM attendance_records
      WHERE session_id = ${ctx.session.id} AND academy_id = ${ctx.session.academyId}
    ) effective
    GROUP BY user_type`);

  const firstJoins = rows.map((r) => r.first_join_ms).filter((ms): ms is number => ms !== null);
  const lastLeaves = rows.map((r) => r.last_leave_ms).filter((ms): ms is number => ms !== null);
  const live = rows.some((r) => r.in_room) && ctx.meeting?.endedAt == null;
  const from = firstJoins.length ? Math.min(...firstJoins) : null;
  const to = from === null ? null : live ? deps.clock.now().getTime() : lastLeaves.length ? Math.max(...lastLeaves) : from;
  return {
    sessionId: ctx.session.id,
    final: rows.length > 0 && rows.every((r) => r.all_final),
    students: toCounts(rows.find((r) => r.user_type === 'student')),
    teachers: toCounts(rows.find((r) => r.user_type === 'teacher')),
    meeting: {
      durationSeconds: from === null || to === null ? 0 : Math.max(0, Math.floor((to - from) / 1000)),
      from: from === null ? null : new Date(from),
      to: to === null ? null : new Date(to),
      basis: from === null ? 'no_joins' : live ? 'first_join_to_now' : 'first_join_to_last_leave',
    },
  };
}

export interface GroupFigures extends StatusCounts {
  sessions: number;
  /** share of records that are present or late, in %, 2 decimals */
  attendanceRate: number;
}

export interface AcademyStatistics {
  academyId: number;
  timezone: string;
  from: string;
  to: string;
  granularity: 'day' | 'week' | 'month';
  students: {
    overall: GroupFigures;
    /** academy-local dates that had sessions with final records, ascending */
    byDay: (GroupFigures & { date: string })[];
    byTeacher: (GroupFigures & { teacherId: number; teacherName: string })[];
    byKind: (GroupFigures & { kind: SessionKind })[];
    /** buckets of `granularity`, each named by its first local date, ascending */
    trend: (GroupFigures & { periodStart: string })[];
  };
  teachers: {
    overall: GroupFigures;
    byTeacher: (GroupFigures & { teacherId: number; teacherName: string })[];
  };
}

type Dimension = 'overall' | 'day' | 'teacher' | 'kind' | 'period';

interface GroupRow extends CountsRow {
  user_type: 'student' | 'teacher';
  dimension: Dimension;
  day_label: string | null;
  teacher_id: number | null;
  teacher_name: string | null;
  kind: SessionKind | null;
  period_label: string | null;
  sessions: number;
  attendance_rate: number;
}

/**
 * Only final records count: a live session's records still grow. The range
 * is local dates of the sessions' scheduled starts; `AT TIME ZONE` turns its
 * ends into instants so the sessions index is used and DST days keep their
 * real length.
 */
export async function getAcademyStatistics(deps: Pick<Deps, 'db'>, academy: Academy, input: AcademyStatsInput): Promise<AcademyStatistics> {
  await assertAcademyPeople(deps.db, academy.id, [input.teacherId, input.studentId]);
  const tz = academy.timezone;
  const granularity = input.granularity ?? 'week';
  const filters: SQL[] = [];
  if (input.teacherId !== undefined) filters.push(sql`s.teacher_id = ${input.teacherId}`);
  if (input.kind !== undefined) filters.push(sql`s.kind = ${input.kind}::session_kind`);
  if (input.studentId !== undefined) {
    // The student's own records, and the teachers' records of the sessions that student has.
    filters.push(sql`(r.user_type = 'teacher' OR r.user_id = ${input.studentId})`);
    filters.push(sql`EXISTS (SELECT 1 FROM attendance_records x
      WHERE x.session_id = s.id AND x.user_id = ${input.studentId} AND x.user_type = 'student' AND x.is_final)`);
  }
  const rows = await deps.db.execute<GroupRow>(sql`
    WITH scoped AS (
      SELECT r.user_type, r.session_id, coalesce(r.override_status, r.status) AS status, r.percentage, r.total_seconds,
        r.is_final, r.in_room, s.teacher_id, t.name AS teacher_name, s.kind,
        (s.scheduled_at AT TIME ZONE ${tz}::text)::date AS day
      FROM sessions s
      JOIN attendance_records r ON r.session_id = s.id AND r.academy_id = s.academy_id
      JOIN users t ON t.id = s.teacher_id
      WHERE s.academy_id = ${academy.id}
        AND s.scheduled_at >= (${input.from}::date)::timestamp AT TIME ZONE ${tz}::text
        AND s.scheduled_at < (${input.to}::date + 1)::timestamp AT TIME ZONE ${tz}::text
        AND r.is_final AND r.user_type IN ('student', 'teacher')
        ${filters.length ? sql`AND ${sql.join(filters, sql` AND `)}` : sql``}
    ), bucketed AS (
      SELECT *, date_trunc(${granularity}::text, day::timestamp)::date AS period FROM scoped
    )
    SELECT user_type,
      CASE WHEN GROUPING(day) = 0 THEN 'day' WHEN GROUPING(teacher_id) = 0 THEN 'teacher'
           WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(period) = 0 THEN 'period' ELSE 'overall' END AS dimension,
      to_char(day, 'YYYY-MM-DD') AS day_label, teacher_id, teacher_name, kind, to_char(period, 'YYYY-MM-DD') AS period_label,
      count(DISTINCT session_id)::int AS sessions,
      coalesce(round(100.0 * count(*) FILTER (WHERE status IN ('present', 'late')) / nullif(count(*), 0), 2), 0)::float8 AS attendance_rate,
      ${COUNTS}
    FROM bucketed
    GROUP BY user_type, GROUPING SETS ((), (day), (teacher_id, teacher_name), (kind), (period))
    ORDER BY user_type, dimension, day, teacher_name, teacher_id, kind, period`);

  const pick = (userType: GroupRow['user_type'], dimension: Dimension) =>
    rows.filter((r) => r.user_type === userType && r.dimension === dimension);
  const byTeacher = (userType: GroupRow['user_type']) =>
    pick(userType, 'teacher').map((r) => ({ teacherId: r.teacher_id!, teacherName: r.teacher_name!, ...toFigures(r) }));
  return {
    academyId: academy.id,
    timezone: tz,
    from: input.from,
    to: input.to,
    granularity,
    students: {
      overall: toFigures(pick('student', 'overall')[0]),
      byDay: pick('student', 'day').map((r) => ({ date: r.day_label!, ...toFigures(r) })),
      byTeacher: byTeacher('student'),
      byKind: pick('student', 'kind').map((r) => ({ kind: r.kind!, ...toFigures(r) })),
      trend: pick('student', 'period').map((r) => ({ periodStart: r.period_label!, ...toFigures(r) })),
    },
    teachers: { overall: toFigures(pick('teacher', 'overall')[0]), byTeacher: byTeacher('teacher') },
  };
}

function toFigures(row: GroupRow | undefined): GroupFigures {
  return { sessions: row?.sessions ?? 0, attendanceRate: row?.attendance_rate ?? 0, ...toCounts(row) };
}
