/**
 * The attendance event log's one writer (docs/rules.md#attendance): every
 * join and leave, whatever its source (LiveKit's webhook, the client's own
 * leave, reconciliation, the demo seed), is appended here and records are
 * recomputed from the log. An event whose source id is already stored is
 * skipped, so a retried source never counts twice.
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import { attendanceEvents } from '@/server/db/schema';

export type NewAttendanceEvent = typeof attendanceEvents.$inferInsert;

/** Returns how many of the events were new. The caller holds the (session, user) locks (lockAttendancePair). */
export async function appendAttendanceEvent(db: DbExecutor, events: NewAttendanceEvent | readonly NewAttendanceEvent[]): Promise<number> {
  const rows = Array.isArray(events) ? [...events] : [events as NewAttendanceEvent];
  if (rows.length === 0) return 0;
  const inserted = await db.insert(attendanceEvents).values(rows).onConflictDoNothing().returning({ id: attendanceEvents.id });
  return inserted.length;
}
