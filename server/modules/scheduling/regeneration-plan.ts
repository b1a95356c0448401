/**
 * Which sessions a weekly schedule should gain after an edit or a resume
 * (docs/rules.md#weekly-schedules). Pure: `now` and the sessions kept are
 * arguments.
 *
 * The caller has already removed the schedule's replaceable sessions (still
 * `scheduled`, no room, starting after now). Everything else it keeps: the
 * past, the live, the ready (their room exists) and the cancelled (their
 * history). The new rule then fills the future, except on a local date
 * that already holds a kept session, so an edit never adds a second class
 * on a day that had one (a moved time does not repeat today's finished class).
 */
import 'server-only';
import { localDateTime } from './session-view';
import { expandWeeklySchedule, type WeeklyScheduleInput } from './weekly-schedule';

export function plannedStarts(rule: WeeklyScheduleInput, kept: readonly Date[], now: Date): Date[] {
  const taken = new Set(kept.map((at) => localDateTime(at, rule.timezone).date));
  return expandWeeklySchedule(rule).filter((at) => at.getTime() > now.getTime() && !taken.has(localDateTime(at, rule.timezone).date));
}
