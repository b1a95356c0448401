/**
 * Calendar dates for the dashboards' filters: 'YYYY-MM-DD' in a timezone, as
 * the report procedures and the CSV export take them. Pure, so the defaults
 * and the export link are unit-tested.
 */

/** The local calendar date of `instant` in `timezone`. */
export function localDateIn(instant: Date, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** `date` moved by whole calendar days (no timezone: a date is a date). */
export function shiftLocalDate(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

export interface DateRange {
  from: string;
  to: string;
}

/** From `back` days before today to `forward` days after it, both ends included. */
export function rangeAround(now: Date, timezone: string, back: number, forward = 0): DateRange {
  const today = localDateIn(now, timezone);
  return { from: shiftLocalDate(today, -back), to: shiftLocalDate(today, forward) };
}

export interface ExportFilters extends DateRange {
  teacherId?: number;
  kind?: string;
  academyId?: number;
}

/** The CSV export of a range, with exactly the parameters GET /api/attendance/export accepts (it refuses unknown ones). */
export function attendanceExportHref(filters: ExportFilters): string {
  const params = new URLSearchParams({ from: filters.from, to: filters.to });
  if (filters.teacherId !== undefined) params.set('teacherId', String(filters.teacherId));
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.academyId !== undefined) params.set('academyId', String(filters.academyId));
  return `/api/attendance/export?${params.toString()}`;
}

/** Seconds as hours and minutes, rounded down to the minute: "1:05". */
export function hoursAndMinutes(seconds: number): string {
  const minutes = Math.floor(Math.max(0, seconds) / 60);
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`;
}
