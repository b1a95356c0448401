/**
 * Report ranges are calendar dates in the academy's timezone ('YYYY-MM-DD',
 * both ends inclusive); SQL turns them into instants with AT TIME ZONE, so a
 * day is whatever length DST makes it.
 */
import 'server-only';
import { z } from 'zod';

/** A year of days plus a leap day: enough for yearly reports, small enough to stay cheap. */
export const MAX_RANGE_DAYS = 366;
const MS_PER_DAY = 86_400_000;

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, counting both: 2025-01-01..2025-01-01 is 1. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / MS_PER_DAY) + 1;
}

export const localDate = z.string().refine(isCalendarDate, 'expected a date YYYY-MM-DD between 2000 and 2100');

/** Adds the from ≤ to and maximum-length checks to an object schema holding `from` and `to`. */
export function checkDateRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = daysInRange(range.from, range.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
  else if (days > MAX_RANGE_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a range spans at most ${MAX_RANGE_DAYS} days` });
}
