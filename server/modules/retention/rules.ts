/**
 * How long each kind of row that grows with use is kept
 * (docs/operations.md#data-retention). Plain data and date arithmetic, so
 * the rules are unit-tested apart from the SQL that applies them.
 *
 * Finalised attendance records are never pruned: they are the product. What
 * goes is what only explains them (LiveKit's raw webhooks, the join/leave
 * log), what only a live room needs (commands, acknowledgements, room
 * state), and what only guards the next minutes (rate-limit windows,
 * sign-in failures, expired leases).
 */
import 'server-only';

/** The academy setting `event_retention_days` when an academy has no settings row, or an event names no academy. */
export const DEFAULT_EVENT_RETENTION_DAYS = 90;
/** No academy may keep events for less: the sweep's index range starts here. */
export const MIN_EVENT_RETENTION_DAYS = 7;
/** A meeting's commands and room state outlive its end this long (a client reloading the ended room still reads meeting_ended). */
export const COMMAND_STATE_HOURS_AFTER_END = 24;
/** Longer than every rate-limit window and sign-in lock (server/auth/sign-in-throttle.ts: 15 min … 1 h). */
export const SHORT_LIVED_HOURS = 24;
/** Sweep run reports, for the admins' sweep statistics. */
export const SWEEP_RUN_DAYS = 90;
/** Rows deleted per statement: short transactions, no long lock on a hot table. */
export const PRUNE_BATCH_SIZE = 5_000;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface PruneCutoffs {
  /** Events received before this are gone whatever the academy's setting (the setting's lower bound). */
  eventsAtMost: Date;
  /** Commands and room state of meetings that ended before this. */
  meetingEndedBefore: Date;
  /** Rate-limit windows, sign-in failure windows and locks, leases that ended before this. */
  shortLivedBefore: Date;
  sweepRunsBefore: Date;
}

export function pruneCutoffs(now: Date): PruneCutoffs {
  const t = now.getTime();
  return {
    eventsAtMost: new Date(t - MIN_EVENT_RETENTION_DAYS * DAY_MS),
    meetingEndedBefore: new Date(t - COMMAND_STATE_HOURS_AFTER_END * HOUR_MS),
    shortLivedBefore: new Date(t - SHORT_LIVED_HOURS * HOUR_MS),
    sweepRunsBefore: new Date(t - SWEEP_RUN_DAYS * DAY_MS),
  };
}

/** When an event of an academy with `retentionDays` (null: the default) stops being kept. */
export function eventExpiresAt(receivedAt: Date, retentionDays: number | null): Date {
  return new Date(receivedAt.getTime() + (retentionDays ?? DEFAULT_EVENT_RETENTION_DAYS) * DAY_MS);
}
