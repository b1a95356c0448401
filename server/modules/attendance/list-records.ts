/**
 * A session's attendance records for its teacher and the academy's managers
 * (docs/rules.md#dashboards: the teacher's "attendance after the end", the admin's tables):
 * effective status first, the computed one and any override beside it.
 */
import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { attendanceRecords, users, type StoredCycle } from '@/server/db/schema';
import type { AttendeeType } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import type { AttendanceStatus } from './engine';
import { withLiveFigures, type LiveState } from './live-figures';
import type { ListRecordsInput } from './schemas';


export interface AttendanceRecordView {
  userId: number;
  name: string;
  userType: AttendeeType;
  status: AttendanceStatus;
  computedStatus: AttendanceStatus;
  override: { status: AttendanceStatus; reason: string | null; byUserId: number | null; byName: string | null } | null;
  firstJoinAt: Date | null;
  lastLeaveAt: Date | null;
  cycles: StoredCycle[];
  totalSeconds: number;
  percentage: number;
  joinCount: number;
  leaveCount: number;
  inRoom: boolean;
  isFinal: boolean;
  /** a live record's state; null when final (docs/rules.md#attendance: live records are provisional) */
  liveState: LiveState | null;
  calculatedAt: Date;
}

const USER_TYPE_ORDER = sql`array_position(ARRAY['teacher', 'student', 'parent', 'supervisor']::attendee_type[], ${attendanceRecords.userType})`;

export async function listAttendanceRecords(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: ListRecordsInput): Promise<AttendanceRecordView[]> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const effective = sql<AttendanceStatus>`coalesce(${attendanceRecords.overrideStatus}, ${attendanceRecords.status})`;
  const filters: (SQL | undefined)[] = [
    eq(attendanceRecords.academyId, ctx.session.academyId),
    eq(attendanceRecords.sessionId, ctx.session.id),
    input.userType ? eq(attendanceRecords.userType, input.userType) : undefined,
    input.status ? sql`${effective} = ${input.status}::attendance_status` : undefined,
    input.inRoom === undefined ? undefined : eq(attendanceRecords.inRoom, input.inRoom),
  ];
  const overrider = alias(users, 'overrider');
  const rows = await deps.db
    .select({ record: attendanceRecords, name: users.name, effective, overriderName: overrider.name })
    .from(attendanceRecords)
    .innerJoin(users, eq(users.id, attendanceRecords.userId))
    .leftJoin(overrider, eq(overrider.id, attendanceRecords.overriddenBy))
    .where(and(...filters))
    .orderBy(USER_TYPE_ORDER, asc(users.name), asc(attendanceRecords.userId));
  const now = deps.clock.now();
  return rows.map(({ record: r, name, effective: status, overriderName }) => withLiveFigures({
    userId: r.userId,
    name,
    userType: r.userType,
    status,
    computedStatus: r.status,
    override: r.overrideStatus
      ? { status: r.overrideStatus, reason: r.overrideReason, byUserId: r.overriddenBy, byName: overriderName }
      : null,
    firstJoinAt: r.firstJoinAt,
    lastLeaveAt: r.lastLeaveAt,
    cycles: r.cycles,
    totalSeconds: r.totalSeconds,
    percentage: r.percentage,
    joinCount: r.joinCount,
    leaveCount: r.leaveCount,
    inRoom: r.inRoom,
    isFinal: r.isFinal,
    calculatedAt: r.calculatedAt,
  }, ctx.session, now));
}
