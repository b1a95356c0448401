/**
 * Dashboard ranges: calendar dates in the academy's timezone ('YYYY-MM-DD',
 * both ends inclusive), bounded like the attendance module's statistics and
 * export so a dashboard table and its CSV accept the same ranges. SQL turns
 * the dates into instants with AT TIME ZONE, so DST days keep their length.
 */
import 'server-only';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';

export const MAX_REPORT_DAYS = 366;

export function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 2000 || year > 2100) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Days from `from` to `to`, both counted. */
export function reportDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

export const reportDate = z.string().refine(isCalendarDate, 'expected a date YYYY-MM-DD between 2000 and 2100');

export function checkReportRange(range: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = reportDays(range.from, range.to);
  if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: '`to` must not be before `from`' });
  else if (days > MAX_REPORT_DAYS) ctx.addIssue({ code: 'custom', path: ['to'], message: `a range spans at most ${MAX_REPORT_DAYS} days` });
}

/** `column` (a timestamptz) falls on one of the local dates from..to in `timezone`. */
export function withinLocalDates(column: SQLWrapper, timezone: string, from: string, to: string): SQL {
  return sql`${column} >= (${from}::date)::timestamp AT TIME ZONE ${timezone}::text
    AND ${column} < (${to}::date + 1)::timestamp AT TIME ZONE ${timezone}::text`;
}
