/**
 * The attendance engine (docs/rules.md#attendance): a pure function from one participant's
 * event log to their attendance record. No clock and no I/O — every instant
 * is an argument — so the same log always yields the same record, whatever
 * order or how many times webhooks delivered it.
 */

import 'server-only';
export type AttendanceStatus = 'present' | 'late' | 'partial' | 'absent';

export interface AttendanceThresholds {
  /** attended < this % → absent */
  absentBelowPercent: number;
  /** attended < this % → partial */
  partialBelowPercent: number;
  /** first join after start + grace → late; null = the academy does not use "late" */
  lateGraceMinutes: number | null;
}

export interface AttendanceSettings {
  thresholds: AttendanceThresholds;
  /**
   * What the percentage is measured against (docs/rules.md#attendance):
   * `held` — the part of the planned span the class was actually held, so a
   * class ended early does not make its students absent; `planned` — the
   * whole planned span (the teacher: ending early is the teacher's time).
   */
  measuredAgainst: 'held' | 'planned';
  reconnectWindowSeconds: number;
  /** open cycles close at the latest at session end + overtime */
  overtimeMinutes: number;
}

export interface SessionWindow {
  startAt: number;
  durationMinutes: number;
  /** minutes the class was extended by (0 when never extended); the planned end moves with it */
  extensionMinutes?: number;
}

export interface ParticipantEvent {
  kind: 'join' | 'leave';
  /** LiveKit gives every connection its own sid; join and leave pair by it. */
  participantSid: string;
  /** the event's own timestamp, not its arrival time */
  at: number;
  /** on a leave: when that connection joined, so a lost join can be recovered */
  joinedAt?: number;
  /**
   * On a leave: true when nobody reported it and reconciliation estimated it
   * (the last moment the connection was known to be there). A reported leave
   * (LiveKit's webhook, the client) always wins over an estimate.
   */
  estimated?: boolean;
}

export interface Cycle {
  joinedAt: number;
  leftAt: number | null;
  /** unrounded (ms / 1000): rounding happens once, on the total */
  seconds: number;
}

export interface AttendanceRecord {
  cycles: Cycle[];
  totalSeconds: number;
  joinCount: number;
  leaveCount: number;
  firstJoinAt: number | null;
  lastLeaveAt: number | null;
  /**
   * 0..100, rounded to 2 decimals for storage; the status used the unrounded value.
   * Final: of the attendance window. Live: of the part of the window elapsed by `asOf`.
   */
  percentage: number;
  /** Meaningful only when final; a live record's status is provisional and never shown. */
  status: AttendanceStatus;
  /** The attendance window this record was measured against (docs/rules.md#attendance). */
  window: { start: number; end: number };
}

export interface ComputeOptions {
  /** true at finalisation (room finished / meeting ended / sweep) */
  final: boolean;
  /** when the meeting ended (a manager's end, the room finishing, the sweep), if it has */
  finishedAt?: number;
  /** for live records: "now"; open cycles count up to here */
  asOf?: number;
}

export const DEFAULT_STUDENT_THRESHOLDS: AttendanceThresholds = Object.freeze({
  absentBelowPercent: 30,
  partialBelowPercent: 80,
  lateGraceMinutes: 15,
});

export const DEFAULT_TEACHER_THRESHOLDS: AttendanceThresholds = Object.freeze({
  absentBelowPercent: 50,
  partialBelowPercent: 90,
  lateGraceMinutes: 15,
});

export const DEFAULT_ATTENDANCE_SETTINGS: AttendanceSettings = Object.freeze({
  thresholds: DEFAULT_STUDENT_THRESHOLDS,
  measuredAgainst: 'held',
  reconnectWindowSeconds: 120,
  overtimeMinutes: 60,
});

const MS_PER_SECOND = 1000;
const MS_PER_MINUTE = 60_000;

interface Leave {
  at: number;
  joinedAt: number | undefined;
  estimated: boolean;
}

interface Connection {
  join: number | null;
  leave: Leave | null;
}

interface Interval {
  sid: string;
  start: number;
  end: number;
  /** still connected in a live (non-final) record */
  open: boolean;
}

interface Span {
  start: number;
  end: number;
  open: boolean;
}

export function computeAttendance(
  session: SessionWindow,
  events: readonly ParticipantEvent[],
  settings: AttendanceSettings,
  options: ComputeOptions,
): AttendanceRecord {
  assertValidSession(session);
  const connections = dedupe(events);
  const intervals = toIntervals(connections, session, settings, options);
  // A negative window would let overlapping connections stay separate cycles.
  const spans = mergeIntoCycles(intervals, Math.max(0, settings.reconnectWindowSeconds) * MS_PER_SECOND);
  const window = attendanceWindow(session, settings, options);
  const overlaps = spans.map((s) => overlapMs(s, window));
  const attendedMs = overlaps.reduce((sum, ms) => sum + ms, 0);
  // Intervals come sorted by start, so the first one holds the first join.
  const firstJoinAt = intervals[0]?.start ?? null;
  // A live record is measured against the part of the window elapsed so far.
  const measuredEnd = options.final ? window.end : Math.min(window.end, Math.max(window.start, options.asOf ?? window.start));
  const percentage = percentageOf(attendedMs, measuredEnd - window.start, firstJoinAt !== null);
  const closedEnds = intervals.filter((i) => !i.open).map((i) => i.end);

  return {
    cycles: spans.map((s, index) => ({
      joinedAt: s.start,
      leftAt: s.open ? null : s.end,
      seconds: (overlaps[index] ?? 0) / MS_PER_SECOND,
    })),
    totalSeconds: Math.floor(attendedMs / MS_PER_SECOND),
    joinCount: intervals.length,
    leaveCount: countLeaves(connections),
    firstJoinAt,
    lastLeaveAt: closedEnds.length > 0 ? Math.max(...closedEnds) : null,
    percentage: Math.min(100, Math.round(percentage * 100) / 100),
    status: attendanceStatus(percentage, firstJoinAt, session, settings.thresholds),
    window,
  };
}

/**
 * An empty span (a class ended at or before its start, or a live record
 * before the start) has nothing to miss: whoever came has 100 %, nobody else 0 %.
 */
export function percentageOf(attendedMs: number, spanMs: number, joined: boolean): number {
  if (spanMs <= 0) return joined ? 100 : 0;
  // Multiplying integers before dividing keeps 18 of 60 minutes at exactly 30, not 30.000000000000004.
  return Math.min(100, (attendedMs * 100) / spanMs);
}

/**
 * The span a record is measured against (docs/rules.md#attendance): from the
 * scheduled start to the planned end (scheduled end + extensions); for
 * `held`, cut at the meeting's end when that came earlier (never before the start).
 */
export function attendanceWindow(session: SessionWindow, settings: Pick<AttendanceSettings, 'measuredAgainst'>, options: Pick<ComputeOptions, 'finishedAt'>): { start: number; end: number } {
  const planned = sessionBounds(session);
  if (settings.measuredAgainst === 'planned' || options.finishedAt === undefined) return planned;
  return { start: planned.start, end: Math.max(planned.start, Math.min(planned.end, options.finishedAt)) };
}

export function attendanceStatus(
  percentageUnrounded: number,
  firstJoinAt: number | null,
  session: SessionWindow,
  thresholds: AttendanceThresholds,
): AttendanceStatus {
  if (firstJoinAt === null) return 'absent';
  if (percentageUnrounded < thresholds.absentBelowPercent) return 'absent';
  if (percentageUnrounded < thresholds.partialBelowPercent) return 'partial';
  if (isLate(firstJoinAt, session, thresholds.lateGraceMinutes)) return 'late';
  return 'present';
}

function isLate(firstJoinAt: number, session: SessionWindow, graceMinutes: number | null): boolean {
  return graceMinutes !== null && firstJoinAt > session.startAt + graceMinutes * MS_PER_MINUTE;
}

function assertValidSession(session: SessionWindow): void {
  // `!(x > 0)` also rejects NaN, which would otherwise poison every percentage.
  if (!(session.durationMinutes > 0) || !Number.isFinite(session.durationMinutes)) {
    throw new RangeError(`durationMinutes must be a positive finite number, got ${session.durationMinutes}`);
  }
}

/** The planned span: scheduled start to scheduled end + extensions. */
function sessionBounds(session: SessionWindow): { start: number; end: number } {
  const minutes = session.durationMinutes + Math.max(0, session.extensionMinutes ?? 0);
  return { start: session.startAt, end: session.startAt + minutes * MS_PER_MINUTE };
}

/**
 * Webhooks are retried and may arrive in any order, so each sid keeps its
 * earliest join and its earliest reported leave — an estimated leave only
 * when no leave was reported, since an estimate may be minutes early. Ties
 * break on joinedAt so the choice never depends on input order.
 */
function dedupe(events: readonly ParticipantEvent[]): Map<string, Connection> {
  const bySid = new Map<string, Connection>();
  for (const event of events) {
    const connection = bySid.get(event.participantSid) ?? { join: null, leave: null };
    if (event.kind === 'join') {
      connection.join = connection.join === null ? event.at : Math.min(connection.join, event.at);
    } else {
      const candidate = { at: event.at, joinedAt: event.joinedAt, estimated: event.estimated === true };
      if (connection.leave === null || leaveWins(candidate, connection.leave)) connection.leave = candidate;
    }
    bySid.set(event.participantSid, connection);
  }
  return bySid;
}

function leaveWins(a: Leave, b: Leave): boolean {
  if (a.estimated !== b.estimated) return !a.estimated;
  if (a.at !== b.at) return a.at < b.at;
  if (a.joinedAt === undefined) return false;
  return b.joinedAt === undefined || a.joinedAt < b.joinedAt;
}

/** A leave whose join was lost and carries no joinedAt is dropped: attendance is never invented. */
function joinTime(connection: Connection): number | null {
  return connection.join ?? connection.leave?.joinedAt ?? null;
}

function countLeaves(connections: Map<string, Connection>): number {
  let count = 0;
  for (const connection of connections.values()) {
    if (connection.leave !== null && joinTime(connection) !== null) count += 1;
  }
  return count;
}

function toIntervals(
  connections: Map<string, Connection>,
  session: SessionWindow,
  settings: AttendanceSettings,
  options: ComputeOptions,
): Interval[] {
  const latestClose = Math.min(
    options.finishedAt ?? Number.POSITIVE_INFINITY,
    sessionBounds(session).end + settings.overtimeMinutes * MS_PER_MINUTE,
  );
  const intervals: Interval[] = [];
  for (const [sid, connection] of connections) {
    const start = joinTime(connection);
    if (start === null) continue;
    intervals.push(closeInterval(sid, start, connection.leave?.at ?? null, latestClose, options));
  }
  return intervals.sort(compareIntervals);
}

function closeInterval(sid: string, start: number, leave: number | null, latestClose: number, options: ComputeOptions): Interval {
  // A clock-skewed leave before its join must not produce negative time.
  if (leave !== null) return { sid, start, end: Math.max(start, leave), open: false };
  if (options.final) return { sid, start, end: Math.max(start, latestClose), open: false };
  const liveEnd = Math.min(options.asOf ?? start, latestClose);
  return { sid, start, end: Math.max(start, liveEnd), open: true };
}

function compareIntervals(a: Interval, b: Interval): number {
  if (a.start !== b.start) return a.start - b.start;
  if (a.end !== b.end) return a.end - b.end;
  return a.sid < b.sid ? -1 : a.sid > b.sid ? 1 : 0;
}

/**
 * Overlapping connections (a second tab, a reconnect whose join beats the old
 * leave) and returns within the reconnect window are one continuous stay;
 * the short gap counts as attended.
 */
function mergeIntoCycles(sorted: readonly Interval[], reconnectWindowMs: number): Span[] {
  const spans: Span[] = [];
  for (const interval of sorted) {
    const last = spans.at(-1);
    if (last !== undefined && interval.start - last.end <= reconnectWindowMs) {
      last.end = Math.max(last.end, interval.end);
      last.open = last.open || interval.open;
    } else {
      spans.push({ start: interval.start, end: interval.end, open: interval.open });
    }
  }
  return spans;
}

function overlapMs(span: Span, window: { start: number; end: number }): number {
  return Math.max(0, Math.min(span.end, window.end) - Math.max(span.start, window.start));
}
