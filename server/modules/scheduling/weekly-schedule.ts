/**
 * Expands a weekly recurring schedule into UTC start instants (docs/rules.md#sessions).
 *
 * Recurrence is defined in the academy's wall-clock time: a 17:00 class stays
 * at 17:00 local across daylight-saving changes, so its UTC instant moves by
 * the offset change. Calendar stepping is done on civil dates (UTC arithmetic
 * on a date with no zone), and only the final wall time is turned into an
 * instant, so no step ever accumulates an offset error.
 *
 * Wall times that do not map to exactly one instant resolve like RFC 5545,
 * java.time and Temporal's 'compatible' mode:
 * - nonexistent (spring-forward gap, e.g. 02:30 in New York on the March
 *   change): read with the offset in force before the gap, i.e. pushed
 *   forward by the gap length (02:30 → 03:30 EDT) — the instant `TZDate`
 *   from @date-fns/tz gives too;
 * - ambiguous (fall-back overlap, e.g. 01:30 in New York on the November
 *   change): the earlier of the two instants. `TZDate` is not used for this
 *   because its choice there depends on the server's own TZ.
 */
import 'server-only';
import { tzOffset } from '@date-fns/tz';
import { assertTimeZone, parseLocalTime } from './eligibility';

export interface WeeklyScheduleInput {
  timezone: string;
  /** Local 'YYYY-MM-DD': the first day considered (included when its weekday matches). */
  startDate: string;
  /** 0 = Sunday .. 6 = Saturday, local weekdays. */
  weekdays: number[];
  /** Local 'HH:MM'. */
  localTime: string;
  durationMinutes: number;
  /** Number of occurrences; exactly one of `count` / `endDate`. */
  count?: number;
  /** Local 'YYYY-MM-DD', inclusive; exactly one of `count` / `endDate`. */
  endDate?: string;
}

export const MAX_OCCURRENCES = 500;
export const MAX_SCHEDULE_YEARS = 2;
export const MAX_SCHEDULED_DURATION_MINUTES = 600;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A civil date as the UTC midnight of that date — a day counter, not an instant. */
function parseLocalDate(value: string, field: string): number {
  const match = LOCAL_DATE.exec(value);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const civil = new Date(Date.UTC(year, month - 1, day));
    // Date.UTC silently rolls 2025-02-30 over to March; refuse instead.
    if (civil.getUTCFullYear() === year && civil.getUTCMonth() === month - 1 && civil.getUTCDate() === day) {
      return civil.getTime();
    }
  }
  throw new RangeError(`${field} must be a real local date 'YYYY-MM-DD', got ${JSON.stringify(value)}`);
}

/** `civil` plus whole years, clamping 29 February to the 28th in common years. */
function addCivilYears(civil: number, years: number): number {
  const date = new Date(civil);
  const year = date.getUTCFullYear() + years;
  const lastDay = new Date(Date.UTC(year, date.getUTCMonth() + 1, 0)).getUTCDate();
  return Date.UTC(year, date.getUTCMonth(), Math.min(date.getUTCDate(), lastDay));
}

function resolveWallTime(timezone: string, wall: number): Date {
  // Offsets a day either side bracket any single transition around `wall`.
  const before = tzOffset(timezone, new Date(wall - DAY_MS));
  const after = tzOffset(timezone, new Date(wall + DAY_MS));
  const candidates = [before, after]
    .map((offset) => ({ offset, instant: wall - offset * MINUTE_MS }))
    .filter(({ offset, instant }) => tzOffset(timezone, new Date(instant)) === offset)
    .map(({ instant }) => instant);
  if (candidates.length > 0) return new Date(Math.min(...candidates));
  return new Date(wall - before * MINUTE_MS);
}

/**
 * The UTC instant of a local date and time in `timezone`, resolving DST gaps
 * and overlaps as described above. Shared with one-off session creation so a
 * single session and a weekly series agree on the same wall time.
 */
export function localDateTimeToUtc(timezone: string, localDate: string, localTime: string): Date {
  assertTimeZone(timezone);
  const civil = parseLocalDate(localDate, 'localDate');
  return resolveWallTime(timezone, civil + parseLocalTime(localTime) * MINUTE_MS);
}

function validate(input: WeeklyScheduleInput): { start: number; end: number | null; minuteOfDay: number } {
  assertTimeZone(input.timezone);
  const minuteOfDay = parseLocalTime(input.localTime);
  const start = parseLocalDate(input.startDate, 'startDate');

  const { weekdays, durationMinutes, count, endDate } = input;
  if (weekdays.length === 0) throw new RangeError('weekdays must not be empty');
  if (!weekdays.every((d) => Number.isInteger(d) && d >= 0 && d <= 6)) {
    throw new RangeError('weekdays must be integers 0 (Sunday) to 6 (Saturday)');
  }
  if (new Set(weekdays).size !== weekdays.length) throw new RangeError('weekdays must not repeat');
  if (!Number.isInteger(durationMinutes) || durationMinutes < 1 || durationMinutes > MAX_SCHEDULED_DURATION_MINUTES) {
    throw new RangeError(`durationMinutes must be an integer 1..${MAX_SCHEDULED_DURATION_MINUTES}`);
  }

  if ((count === undefined) === (endDate === undefined)) {
    throw new RangeError('Exactly one of count and endDate is required');
  }
  if (count !== undefined) {
    if (!Number.isInteger(count) || count < 1 || count > MAX_OCCURRENCES) {
      throw new RangeError(`count must be an integer 1..${MAX_OCCURRENCES}`);
    }
    return { start, end: null, minuteOfDay };
  }
  const end = parseLocalDate(endDate!, 'endDate');
  if (end < start) throw new RangeError('endDate must not be before startDate');
  if (end > addCivilYears(start, MAX_SCHEDULE_YEARS)) {
    throw new RangeError(`endDate must be within ${MAX_SCHEDULE_YEARS} years of startDate`);
  }
  return { start, end, minuteOfDay };
}

/** Start instants (UTC, strictly ascending) of every occurrence of the schedule. */
export function expandWeeklySchedule(input: WeeklyScheduleInput): Date[] {
  const { start, end, minuteOfDay } = validate(input);
  const weekdays = new Set(input.weekdays);
  const limit = input.count ?? Number.POSITIVE_INFINITY;
  const out: Date[] = [];
  // Validation bounds the loop: either `end` is at most two years away, or a
  // non-empty weekday set reaches `count` within 7 × count days.
  for (let day = start; out.length < limit && (end === null || day <= end); day += DAY_MS) {
    if (!weekdays.has(new Date(day).getUTCDay())) continue;
    out.push(resolveWallTime(input.timezone, day + minuteOfDay * MINUTE_MS));
  }
  return out;
}
