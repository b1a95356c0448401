/**
 * A live record read now (docs/rules.md#attendance, "Live records are
 * provisional"): a stored live record was computed at its last event, so an
 * open cycle would show the minutes of that moment (0:00 for someone who
 * joined and stayed). Reading projects open cycles to `now` and gives the
 * percentage of the part of the window elapsed so far. Final records are
 * returned as stored.
 */
import 'server-only';
import type { StoredCycle } from '@/server/db/schema';
import { plannedEndMs } from '@/shared/classroom/class-clock';
import { percentageOf } from './engine';

export type LiveState = 'in_class' | 'left';

interface RecordFigures {
  cycles: StoredCycle[];
  totalSeconds: number;
  percentage: number;
  inRoom: boolean;
  isFinal: boolean;
}

interface ScheduledSession {
  scheduledAt: Date;
  durationMinutes: number;
  /** Extensions move the planned end (docs/rules.md#attendance). */
  extendedMinutes: number;
}

/** `liveState` is null on final records: their status is the one to show. */
export function withLiveFigures<T extends RecordFigures>(record: T, session: ScheduledSession, now: Date): T & { liveState: LiveState | null } {
  if (record.isFinal) return { ...record, liveState: null };
  // While the meeting is live it has not ended, so students and the teacher share the planned span.
  const start = session.scheduledAt.getTime();
  const end = plannedEndMs(session);
  const asOf = now.getTime();
  let attendedMs = 0;
  for (const cycle of record.cycles) {
    const from = Math.max(new Date(cycle.joinedAt).getTime(), start);
    const to = Math.min(cycle.leftAt === null ? asOf : new Date(cycle.leftAt).getTime(), end);
    attendedMs += Math.max(0, to - from);
  }
  const elapsedMs = Math.min(end, Math.max(start, asOf)) - start;
  const percentage = percentageOf(attendedMs, elapsedMs, record.cycles.length > 0);
  return {
    ...record,
    totalSeconds: Math.floor(attendedMs / 1000),
    percentage: Math.round(percentage * 100) / 100,
    liveState: record.inRoom ? 'in_class' : 'left',
  };
}
