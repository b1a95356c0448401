/**
 * Derives one (session, user) attendance record from its stored events with
 * the pure engine and upserts it. Callers hold the pair's advisory lock
 * (lockAttendancePair) so a join and a leave arriving together are applied
 * one after the other and neither is lost.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { attendanceEvents, attendanceRecords, meetings, sessions, users, type StoredCycle } from '@/server/db/schema';
import type { AttendeeType } from '@/server/db/schema/enums';
import { getAcademyVideoSettings, type AcademyVideoSettings } from '@/server/modules/academies';
import { computeAttendance, type AttendanceSettings, type AttendanceRecord } from './engine';

export async function lockAttendancePair(db: DbExecutor, sessionId: number, userId: number): Promise<void> {
  // Two int4 keys: minus the session id, and the user id; distinct from other advisory lock users by the first key's sign.
  // (The webhook's target lookup takes the same key in its own statement: ingest-webhook-event.ts.)
  await db.execute(sql`SELECT pg_advisory_xact_lock(${-sessionId}::int, ${userId}::int)`);
}

export function attendanceSettingsFor(settings: AcademyVideoSettings, userType: AttendeeType): AttendanceSettings {
  const teacher = userType === 'teacher';
  return {
    thresholds: {
      absentBelowPercent: teacher ? settings.teacherAbsentBelow : settings.studentAbsentBelow,
      partialBelowPercent: teacher ? settings.teacherPartialBelow : settings.studentPartialBelow,
      lateGraceMinutes: settings.lateGraceMinutes,
    },
    // The teacher is measured against the planned span: ending early is the teacher's time.
    measuredAgainst: teacher ? 'planned' : 'held',
    reconnectWindowSeconds: settings.reconnectWindowSeconds,
    overtimeMinutes: settings.overtimeMinutes,
  };
}

export function attendeeTypeFor(role: string, userId: number, teacherId: number): AttendeeType {
  if (userId === teacherId) return 'teacher';
  if (role === 'student') return 'student';
  if (role === 'parent') return 'parent';
  return 'supervisor';
}

export interface SessionInfo {
  id: number;
  academyId: number;
  teacherId: number;
  scheduledAt: Date;
  durationMinutes: number;
  /** Minutes the class was extended by: the planned end moves with them (docs/rules.md#attendance). */
  extendedMinutes: number;
  /** The meeting's end: once set, every record of the session is final and open cycles close here. */
  meetingEndedAt: Date | null;
}

export interface RecomputeOptions {
  now: Date;
  /** Passed by callers that already read them, to save a round trip each. */
  settings?: AcademyVideoSettings;
  userRole?: string;
}

export async function recomputeRecord(db: DbExecutor, session: SessionInfo, userId: number, options: RecomputeOptions): Promise<AttendanceRecord> {
  const role = options.userRole ?? (await db.select({ role: users.role }).from(users).where(eq(users.id, userId)))[0]?.role;
  const userType = attendeeTypeFor(role ?? 'student', userId, session.teacherId);
  const settings = options.settings ?? (await getAcademyVideoSettings(db, session.academyId));
  const events = await db
    .select({
      kind: attendanceEvents.kind,
      participantSid: attendanceEvents.participantSid,
      occurredAt: attendanceEvents.occurredAt,
      joinedAt: attendanceEvents.joinedAt,
      source: attendanceEvents.source,
      // Read after the pair's lock, in the same round trip: the caller's copy may predate a
      // finalisation that held the lock (webhook intake reads it in the statement that waits for it).
      meetingEndedAt: sql<Date | null>`(SELECT ${meetings.endedAt} FROM ${meetings} WHERE ${meetings.sessionId} = ${session.id})`.mapWith(meetings.endedAt),
    })
    .from(attendanceEvents)
    .where(and(eq(attendanceEvents.sessionId, session.id), eq(attendanceEvents.userId, userId)));
  const current: SessionInfo = events[0]?.meetingEndedAt ? { ...session, meetingEndedAt: events[0].meetingEndedAt } : session;

  const record = computeAttendance(
    { startAt: session.scheduledAt.getTime(), durationMinutes: session.durationMinutes, extensionMinutes: session.extendedMinutes },
    events.map((e) => ({
      kind: e.kind,
      participantSid: e.participantSid,
      at: e.occurredAt.getTime(),
      ...(e.joinedAt ? { joinedAt: e.joinedAt.getTime() } : {}),
      // Reconciliation's leaves are estimates; reported leaves win over them (docs/rules.md#attendance).
      ...(e.kind === 'leave' && e.source === 'reconcile' ? { estimated: true } : {}),
    })),
    attendanceSettingsFor(settings, userType),
    {
      final: current.meetingEndedAt !== null,
      asOf: options.now.getTime(),
      ...(current.meetingEndedAt ? { finishedAt: current.meetingEndedAt.getTime() } : {}),
    },
  );
  await upsertRecord(db, current, userId, userType, record, options);
  return record;
}

async function upsertRecord(
  db: DbExecutor,
  session: SessionInfo,
  userId: number,
  userType: AttendeeType,
  record: AttendanceRecord,
  options: RecomputeOptions,
): Promise<void> {
  const final = session.meetingEndedAt !== null;
  const cycles: StoredCycle[] = record.cycles.map((c) => ({
    joinedAt: new Date(c.joinedAt).toISOString(),
    leftAt: c.leftAt === null ? null : new Date(c.leftAt).toISOString(),
    seconds: c.seconds,
  }));
  const values = {
    userType,
    firstJoinAt: record.firstJoinAt === null ? null : new Date(record.firstJoinAt),
    lastLeaveAt: record.lastLeaveAt === null ? null : new Date(record.lastLeaveAt),
    cycles,
    totalSeconds: record.totalSeconds,
    joinCount: record.joinCount,
    leaveCount: record.leaveCount,
    status: record.status,
    percentage: record.percentage,
    isFinal: final,
    inRoom: !final && record.cycles.some((c) => c.leftAt === null),
    calculatedAt: options.now,
  };
  // Overrides live in their own columns, so recalculation never touches them.
  await db
    .insert(attendanceRecords)
    .values({ academyId: session.academyId, sessionId: session.id, userId, ...values })
    .onConflictDoUpdate({ target: [attendanceRecords.sessionId, attendanceRecords.userId], set: values });
}

export async function getSessionInfo(db: DbExecutor, sessionId: number): Promise<SessionInfo | null> {
  const [row] = await db
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      teacherId: sessions.teacherId,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      extendedMinutes: sessions.extendedMinutes,
      meetingEndedAt: meetings.endedAt,
    })
    .from(sessions)
    .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
    .where(eq(sessions.id, sessionId));
  return row ?? null;
}
