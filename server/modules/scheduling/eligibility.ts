/**
 * Which sessions the create-scheduled sweep may open a room for (docs/rules.md#automatic-rooms).
 *
 * Pure: the caller passes `now`, the academy's IANA timezone and its settings.
 * Comparing the UTC time of day with the academy's local hours gets the
 * window wrong and cannot wrap midnight, so every calendar question
 * here — time of day, weekday — is answered in the academy's local time.
 *
 * Local time is derived from @date-fns/tz's `tzOffset` (Intl-backed, so it
 * depends only on the zone database, never on the server's own TZ) rather
 * than from `TZDate` getters, whose results near DST transitions vary with
 * the process timezone.
 */
import 'server-only';
import { tzOffset } from '@date-fns/tz';

export interface CreationSettings {
  autoCreate: boolean;
  minutesBefore: number;
  /** Local 'HH:MM'; null on either bound leaves that side of the day open. */
  windowStart: string | null;
  /** Local 'HH:MM', exclusive; below `windowStart` the window wraps midnight. */
  windowEnd: string | null;
  /** 0 = Sunday .. 6 = Saturday, in the academy's local time. */
  blockedWeekdays: number[];
}

export const LOOK_AHEAD_MINUTES = 120;

/** Mirrors the `sessions_duration_positive` check, so the SQL prefilter can never drop a running session. */
export const MAX_SESSION_DURATION_MINUTES = 1440;

export type Ineligibility =
  | 'auto_create_off'
  | 'academy_inactive'
  | 'status'
  | 'has_meeting'
  | 'too_far'
  | 'too_early'
  | 'already_started_past'
  | 'outside_window'
  | 'blocked_day';

export interface CreationCandidate {
  now: Date;
  timezone: string;
  academyActive: boolean;
  settings: CreationSettings;
  session: { scheduledAt: Date; durationMinutes: number; status: string; hasMeeting: boolean };
}

const MINUTE_MS = 60_000;
const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight for a strict 'HH:MM' (00:00–23:59). */
export function parseLocalTime(value: string): number {
  const match = LOCAL_TIME.exec(value);
  if (!match) throw new RangeError(`Expected a local time 'HH:MM' (00:00–23:59), got ${JSON.stringify(value)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

const checkedZones = new Set<string>();

/** Refuses unknown zones up front: tzOffset would otherwise return NaN and every comparison would quietly be false. */
export function assertTimeZone(timezone: string): void {
  if (checkedZones.has(timezone)) return;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timezone });
  } catch {
    throw new RangeError(`Unknown IANA timezone ${JSON.stringify(timezone)}`);
  }
  if (Number.isNaN(tzOffset(timezone, new Date(0)))) {
    throw new RangeError(`Unknown IANA timezone ${JSON.stringify(timezone)}`);
  }
  checkedZones.add(timezone);
}

export interface LocalParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  /** 0 = Sunday .. 6 = Saturday */
  weekday: number;
  /** Whole minutes after local midnight. */
  minuteOfDay: number;
}

/** The wall-clock calendar fields of an instant in `timezone`. */
export function localParts(at: Date, timezone: string): LocalParts {
  assertTimeZone(timezone);
  const wall = new Date(at.getTime() + tzOffset(timezone, at) * MINUTE_MS);
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    weekday: wall.getUTCDay(),
    minuteOfDay: wall.getUTCHours() * 60 + wall.getUTCMinutes(),
  };
}

/**
 * Whether a local minute-of-day falls in the half-open window [start, end).
 * End is exclusive so adjacent windows (06:00–12:00, 12:00–18:00) never both
 * claim 12:00; equal bounds mean the whole day because an empty daily window
 * is better expressed by turning auto-create off.
 */
export function inLocalWindow(minuteOfDay: number, windowStart: string | null, windowEnd: string | null): boolean {
  const start = windowStart === null ? null : parseLocalTime(windowStart);
  const end = windowEnd === null ? null : parseLocalTime(windowEnd);
  if (start === null) return end === null || minuteOfDay < end;
  if (end === null) return minuteOfDay >= start;
  if (start === end) return true;
  if (start < end) return minuteOfDay >= start && minuteOfDay < end;
  return minuteOfDay >= start || minuteOfDay < end;
}

/**
 * Why a session may not get an automatic room now, or null when it may.
 * Reasons are checked in the order of the `Ineligibility` union, so a session
 * failing several rules always reports the same one.
 */
export function creationIneligibility(input: CreationCandidate): Ineligibility | null {
  const { now, timezone, academyActive, settings, session } = input;
  if (!settings.autoCreate) return 'auto_create_off';
  if (!academyActive) return 'academy_inactive';
  if (session.status !== 'scheduled') return 'status';
  if (session.hasMeeting) return 'has_meeting';

  const start = session.scheduledAt.getTime();
  const nowMs = now.getTime();
  if (start > nowMs + LOOK_AHEAD_MINUTES * MINUTE_MS) return 'too_far';
  if (nowMs < start - settings.minutesBefore * MINUTE_MS) return 'too_early';
  // A session already under way still gets its (late) room; only one that
  // has fully ended is left to the cleanup sweep.
  if (start + session.durationMinutes * MINUTE_MS <= nowMs) return 'already_started_past';

  const local = localParts(session.scheduledAt, timezone);
  if (!inLocalWindow(local.minuteOfDay, settings.windowStart, settings.windowEnd)) return 'outside_window';
  if (settings.blockedWeekdays.includes(local.weekday)) return 'blocked_day';
  return null;
}

/**
 * A `scheduledAt` range that contains every session `creationIneligibility`
 * could accept at `now`, for use as an index-range prefilter:
 * `scheduled_at >= from AND scheduled_at <= to` (both inclusive). It is a
 * superset — the lower bound assumes the longest allowed duration — so each
 * row must still go through `creationIneligibility`.
 */
export function eligibleScheduledRange(
  now: Date,
  settings: Pick<CreationSettings, 'minutesBefore'>,
): { from: Date; to: Date } {
  const nowMs = now.getTime();
  const ahead = Math.min(LOOK_AHEAD_MINUTES, settings.minutesBefore);
  return {
    from: new Date(nowMs - MAX_SESSION_DURATION_MINUTES * MINUTE_MS),
    to: new Date(nowMs + ahead * MINUTE_MS),
  };
}
