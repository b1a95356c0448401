/**
 * Ends a session's attendance (docs/rules.md#attendance): marks the meeting ended, recomputes
 * every record as final (open cycles close at the end, or at session end +
 * overtime if earlier), writes absent records for expected students who never
 * came, and completes the session — `absent` when no student ever joined.
 * Idempotent: a second call (room_finished after meeting.end) changes nothing
 * but the records' calculated-at.
 */
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/server/db';
import { meetings, sessions } from '@/server/db/schema';
import type { SessionStatus } from '@/server/db/schema/enums';
import { getAcademyVideoSettings } from '@/server/modules/academies';
import { endStatus, expectedStudentIds, isTerminal, transitionPath, transitionSession } from '@/server/modules/sessions';
import { getSessionInfo, lockAttendancePair, recomputeRecord } from './record-store';

export interface FinalizeResult {
  status: SessionStatus;
  anyStudentJoined: boolean;
  records: number;
}

export interface FinalizeOptions {
  now: Date;
  /**
   * The reconcile sweep's repair of a session whose room_finished could not
   * apply: its end status may be reached through allowed steps (scheduled →
   * ready → completed) instead of one.
   */
  throughAllowedSteps?: boolean;
}

export async function finalizeSessionInTx(tx: Tx, sessionId: number, options: FinalizeOptions): Promise<FinalizeResult> {
  // Lock order everywhere: the (session, user) advisory locks, sorted, before
  // any session or meeting row; webhooks do the same, so they cannot deadlock.
  for (const userId of await sessionPeople(tx, sessionId)) await lockAttendancePair(tx, sessionId, userId);

  const [locked] = await tx.execute<{ status: SessionStatus }>(sql`SELECT status FROM sessions WHERE id = ${sessionId} FOR UPDATE`);
  await tx
    .update(meetings)
    .set({ endedAt: options.now })
    .where(and(eq(meetings.sessionId, sessionId), isNull(meetings.endedAt)));
  // Everyone again, now that the session row is locked: a join whose event was
  // stored before the lock held it (the event's foreign key shares the row) until
  // it committed, so it is listed now and made final here; a later join waits on
  // that foreign key for this transaction and then reads the meeting's end.
  const userIds = await sessionPeople(tx, sessionId);
  const session = (await getSessionInfo(tx, sessionId))!;
  // A session with no meeting (closed by the sweep) ends now.
  const info = { ...session, meetingEndedAt: session.meetingEndedAt ?? options.now };
  const settings = await getAcademyVideoSettings(tx, session.academyId);
  for (const userId of userIds) await recomputeRecord(tx, info, userId, { now: options.now, settings });

  const [joined] = await tx.execute<{ any: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM attendance_records
      WHERE session_id = ${sessionId} AND user_type = 'student' AND join_count > 0) AS any`);
  const anyStudentJoined = Boolean(joined?.any);
  let status = locked!.status;
  if (!isTerminal(status)) {
    const next = endStatus(anyStudentJoined);
    // A stranded session (e.g. still scheduled) may need more than one step; each is checked.
    const steps = (options.throughAllowedSteps && transitionPath(status, next)) || [next];
    let from = status;
    for (const step of steps) {
      await transitionSession(tx, sessionId, from, step, step === next ? { endedAt: options.now, updatedAt: options.now } : { updatedAt: options.now });
      from = step;
    }
    status = next;
  }
  return { status, anyStudentJoined, records: userIds.length };
}

/** Everyone with an event, every expected student and the teacher, sorted. */
async function sessionPeople(tx: Tx, sessionId: number): Promise<number[]> {
  const [eventUsers, expected, teacher] = await Promise.all([
    tx.execute<{ user_id: number }>(sql`SELECT DISTINCT user_id FROM attendance_events WHERE session_id = ${sessionId}`),
    expectedStudentIds(tx, sessionId),
    tx.select({ teacherId: sessions.teacherId }).from(sessions).where(eq(sessions.id, sessionId)),
  ]);
  if (!teacher[0]) throw new Error(`session ${sessionId} vanished while finalising`);
  return [...new Set([...eventUsers.map((r) => r.user_id), ...expected, teacher[0].teacherId])].sort((a, b) => a - b);
}
