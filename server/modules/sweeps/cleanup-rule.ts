/**
 * Which sessions the cleanup sweep closes, and how (docs/rules.md#cleanup). Pure: `now` and
 * the academy's settings come in as arguments.
 *
 * - A live meeting ends once the session's planned end (scheduled end +
 *   extensions) + the academy's end buffer has passed, its teacher is not in
 *   the room and its persistence grace (set when the teacher dropped) is
 *   over, in academies with auto-end on. At the class's maximum length
 *   (scheduled end + MAX_EXTENSION_MINUTES) it ends whoever is in it, and
 *   the room is told why (`atMaximum`).
 * - More than HARD_CLOSE_MINUTES past the end, a session is closed whatever
 *   the settings: its meeting ended, or — scheduled and never given a room —
 *   finalised as absent.
 */
import 'server-only';
import type { SessionStatus } from '@/server/db/schema/enums';
import { MAX_EXTENSION_MINUTES, maxEndMs, plannedEndMs } from '@/shared/classroom/class-clock';
import { isOpenStatus } from '@/shared/session-status';

export const HARD_CLOSE_MINUTES = 120;

const MINUTE_MS = 60_000;

export interface CleanupCandidate {
  now: Date;
  settings: { autoEnd: boolean; endBufferMinutes: number };
  session: { scheduledAt: Date; durationMinutes: number; extendedMinutes: number; status: string };
  /** null when the session never got a room. teacherPresent: the teacher's attendance record is in the room now. */
  meeting: { endedAt: Date | null; persistUntil: Date | null; teacherPresent: boolean } | null;
}

export type CleanupAction = 'end_meeting' | 'close_session';
export type CleanupWait = 'status' | 'not_over' | 'auto_end_off' | 'persisting' | 'no_meeting' | 'teacher_present';

export type CleanupDecision = { action: CleanupAction; atMaximum?: true } | { wait: CleanupWait };

export function cleanupDecision({ now, settings, session, meeting }: CleanupCandidate): CleanupDecision {
  if (!isOpenStatus(session.status as SessionStatus)) return { wait: 'status' };
  const nowMs = now.getTime();
  const endMs = session.scheduledAt.getTime() + session.durationMinutes * MINUTE_MS;
  const hard = nowMs > endMs + HARD_CLOSE_MINUTES * MINUTE_MS;
  // A meeting already marked ended with its session still open only needs finalising.
  const live = meeting !== null && meeting.endedAt === null;
  const action: CleanupAction = live ? 'end_meeting' : 'close_session';
  if (hard) return { action };
  if (meeting === null) return { wait: 'no_meeting' };
  if (!settings.autoEnd) return { wait: 'auto_end_off' };
  if (live && nowMs >= maxEndMs(session)) return { action, atMaximum: true };
  if (nowMs < plannedEndMs(session) + settings.endBufferMinutes * MINUTE_MS) return { wait: 'not_over' };
  if (live && meeting.teacherPresent) return { wait: 'teacher_present' };
  if (live && meeting.persistUntil && nowMs < meeting.persistUntil.getTime()) return { wait: 'persisting' };
  return { action };
}

/**
 * The latest `scheduled_at` any session the rule could act on may have, for
 * an index range prefilter (`scheduled_at <= bound`): the shortest possible
 * session (1 minute) and the smallest end buffer among auto-end academies
 * (at most the maximum extension, where a class ends whatever the buffer).
 */
export function cleanupScheduledBound(now: Date, minEndBufferMinutes: number | null): Date {
  // The maximum length ends a meeting even when the buffer is longer.
  const wait = minEndBufferMinutes === null ? HARD_CLOSE_MINUTES : Math.min(minEndBufferMinutes, MAX_EXTENSION_MINUTES, HARD_CLOSE_MINUTES);
  return new Date(now.getTime() - (1 + wait) * MINUTE_MS);
}
