/**
 * CSV export of attendance (docs/rules.md#attendance): one session's records, or an academy's
 * over a range of local dates. Rows come through a Postgres cursor in batches
 * and leave as a byte stream, so a 100,000-row range never sits in memory.
 *
 * Who: a session's own teacher and the academy's managers export a session;
 * only managers export ranges. A range holds final records only, like the
 * academy statistics, so the file agrees with the dashboard; a session's
 * export shows its records as they stand.
 *
 * Limits: a user runs at most EXPORT_LEASE.limit exports at once (across
 * instances, rate-limits/user-leases.ts), and the cursor runs on a reserved
 * connection with a statement timeout, so a reader who stops reading cannot
 * hold a pooled connection longer than EXPORT_STATEMENT_TIMEOUT_MS.
 */
import 'server-only';
import type { PendingQuery, Row, Sql } from 'postgres';
import type { Deps } from '@/server/deps';
import { rawSqlOf } from '@/server/db/client';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { assertAcademyPeople, resolveAcademy, viewerTimezone } from '@/server/modules/academies';
import { logger } from '@/server/lib/logger';
import { acquireLease, type LeaseRule } from '@/server/modules/rate-limits';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { csvHeaderFor, csvStream, type ExportRow } from './csv-format';
import type { ExportAttendanceInput } from './schemas';


export const EXPORT_BATCH_ROWS = 500;
export const EXPORT_LEASE: LeaseRule = { kind: 'csv-export', limit: 2, ttlSeconds: 120 };
/** Covers the whole cursor, reader's pauses included: a suspended portal keeps its statement's timer running. */
export const EXPORT_STATEMENT_TIMEOUT_MS = 10 * 60_000;

export interface AttendanceExport {
  filename: string;
  timezone: string;
  stream: ReadableStream<Uint8Array>;
}

interface ExportDbRow extends Row {
  session_id: number;
  session_title: string;
  kind: string;
  scheduled_ms: number;
  teacher_name: string;
  participant_name: string;
  user_type: string;
  status: string;
  computed_status: string;
  override_reason: string | null;
  first_join_ms: number | null;
  last_leave_ms: number | null;
  total_seconds: number;
  percentage: string;
  join_count: number;
  leave_count: number;
}

function toExportRow(row: ExportDbRow): ExportRow {
  return {
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    kind: row.kind,
    scheduledAt: new Date(row.scheduled_ms),
    teacherName: row.teacher_name,
    participantName: row.participant_name,
    userType: row.user_type,
    status: row.status,
    computedStatus: row.computed_status,
    overrideReason: row.override_reason,
    firstJoinAt: row.first_join_ms === null ? null : new Date(row.first_join_ms),
    lastLeaveAt: row.last_leave_ms === null ? null : new Date(row.last_leave_ms),
    totalSeconds: row.total_seconds,
    percentage: row.percentage,
    joinCount: row.join_count,
    leaveCount: row.leave_count,
  };
}

/** Checks access and returns the stream; nothing is read until the stream is. */
export async function exportAttendanceCsv(
  deps: Pick<Deps, 'db'> & Partial<Pick<Deps, 'clock'>>,
  actor: Actor,
  input: ExportAttendanceInput,
  /** `locale`: the exporter's language, for the header line unless the input asks for `header: 'keys'`. */
  options: { batchRows?: number; statementTimeoutMs?: number; locale?: 'ar' | 'en' } = {},
): Promise<AttendanceExport> {
  const pool = rawSqlOf(deps.db);
  let timezone: string;
  let filename: string;
  let where: (sql: Sql) => PendingQuery<Row[]>;
  if ('sessionId' in input) {
    const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
    assertCanManage(ctx);
    timezone = await viewerTimezone(deps.db, actor, ctx.academy.timezone);
    filename = asciiFilename(`attendance-${ctx.academy.slug}-session-${ctx.session.id}.csv`);
    const { academyId, id } = ctx.session;
    where = (sql) => sql`r.academy_id = ${academyId} AND r.session_id = ${id}`;
  } else {
    if (!isManagerRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only academy managers can see academy attendance');
    const academy = await resolveAcademy(deps.db, actor, input.academyId);
    await assertAcademyPeople(deps.db, academy.id, [input.teacherId, input.studentId]);
    // The range is of the academy's local dates (as its statistics); the times are written in the reader's timezone.
    const tz = academy.timezone;
    timezone = await viewerTimezone(deps.db, actor, academy.timezone);
    filename = asciiFilename(`attendance-${academy.slug}-${input.from}_${input.to}.csv`);
    where = (sql) => rangeFilter(sql, academy.id, tz, input);
  }
  const query = (sql: Sql) => sql<ExportDbRow[]>`
    SELECT s.id AS session_id, s.title AS session_title, s.kind::text AS kind,
      (extract(epoch FROM s.scheduled_at) * 1000)::float8 AS scheduled_ms,
      t.name AS teacher_name, u.name AS participant_name, r.user_type::text AS user_type,
      coalesce(r.override_status, r.status)::text AS status, r.status::text AS computed_status, r.override_reason,
      (extract(epoch FROM r.first_join_at) * 1000)::float8 AS first_join_ms,
      (extract(epoch FROM r.last_leave_at) * 1000)::float8 AS last_leave_ms,
      r.total_seconds, r.percentage::text AS percentage, r.join_count, r.leave_count
    FROM attendance_records r
    JOIN sessions s ON s.id = r.session_id AND s.academy_id = r.academy_id
    JOIN users t ON t.id = s.teacher_id
    JOIN users u ON u.id = r.user_id
    WHERE ${where(sql)}
    ORDER BY s.scheduled_at, s.id,
      array_position(ARRAY['teacher', 'student', 'parent', 'supervisor']::attendee_type[], r.user_type), u.name, r.user_id`;
  const now = () => deps.clock?.now() ?? new Date();
  const lease = await acquireLease(deps.db, actor.id, EXPORT_LEASE, now());
  const timeoutMs = options.statementTimeoutMs ?? EXPORT_STATEMENT_TIMEOUT_MS;
  async function* batches(): AsyncGenerator<ExportDbRow[]> {
    const reserved = await pool.reserve();
    try {
      await reserved`SELECT set_config('statement_timeout', ${String(timeoutMs)}, false)`;
      for await (const rows of query(reserved).cursor(options.batchRows ?? EXPORT_BATCH_ROWS)) {
        await lease.renew(now());
        yield rows;
      }
    } finally {
      await reserved`RESET statement_timeout`.catch(() => {});
      reserved.release();
    }
  }
  const stream = csvStream(
    batches(),
    toExportRow,
    timezone,
    (error) => logger.error('attendance export failed mid-stream', { filename, error: String(error) }),
    // A lease that cannot be deleted lapses by itself (EXPORT_LEASE.ttlSeconds).
    () => lease.release().catch((error: unknown) => logger.warn('export lease not released', { error: String(error) })),
    csvHeaderFor(input.header === 'keys' ? 'keys' : (options.locale ?? 'en')),
  );
  return { filename, timezone, stream };
}

/** Slugs are ASCII already; this keeps the Content-Disposition header safe if one ever is not. */
export function asciiFilename(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]/g, '-');
}

function rangeFilter(sql: Sql, academyId: number, tz: string, input: Extract<ExportAttendanceInput, { from: string }>): PendingQuery<Row[]> {
  const teacher = input.teacherId === undefined ? sql`` : sql`AND s.teacher_id = ${input.teacherId}`;
  const kind = input.kind === undefined ? sql`` : sql`AND s.kind = ${input.kind}::session_kind`;
  const student = input.studentId === undefined ? sql`` : sql`AND r.user_id = ${input.studentId}`;
  return sql`r.academy_id = ${academyId} AND s.academy_id = ${academyId} AND r.is_final
    AND s.scheduled_at >= (${input.from}::date)::timestamp AT TIME ZONE ${tz}::text
    AND s.scheduled_at < (${input.to}::date + 1)::timestamp AT TIME ZONE ${tz}::text
    ${teacher} ${kind} ${student}`;
}
