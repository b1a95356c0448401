/**
 * The class's clock (docs/rules.md#running-over-and-ending): when it is
 * planned to end, how far the teacher may extend it, and when the room
 * shows its countdown. Pure, shared by the server (extend, the cleanup
 * sweep, attendance) and the room page, so they cannot disagree.
 */

/** The extensions a teacher may add at once. */
export const EXTENSION_STEPS = [5, 15] as const;
export type ExtensionStep = (typeof EXTENSION_STEPS)[number];

/**
 * A class runs at most this long past its scheduled end, extended or not:
 * the meeting's maximum length (duration + 60 minutes, meetings/options.ts).
 * The sessions_extended_minutes CHECK holds the same number.
 */
export const MAX_EXTENSION_MINUTES = 60;

/** The countdown shows this long before the planned end. */
export const COUNTDOWN_MINUTES = 5;

const MINUTE_MS = 60_000;

export interface ClassTimes {
  scheduledAt: Date | number;
  durationMinutes: number;
  extendedMinutes: number;
}

const ms = (d: Date | number) => (typeof d === 'number' ? d : d.getTime());

/** Scheduled start + duration. */
export function scheduledEndMs(c: Omit<ClassTimes, 'extendedMinutes'>): number {
  return ms(c.scheduledAt) + c.durationMinutes * MINUTE_MS;
}

/** Scheduled end + extensions: the attendance window and the countdown follow it. */
export function plannedEndMs(c: ClassTimes): number {
  return scheduledEndMs(c) + Math.max(0, c.extendedMinutes) * MINUTE_MS;
}

/** Scheduled end + MAX_EXTENSION_MINUTES: the room ends here whoever is in it. */
export function maxEndMs(c: Omit<ClassTimes, 'extendedMinutes'>): number {
  return scheduledEndMs(c) + MAX_EXTENSION_MINUTES * MINUTE_MS;
}

/** The minutes still available for extensions. */
export function extensionRoom(extendedMinutes: number): number {
  return Math.max(0, MAX_EXTENSION_MINUTES - extendedMinutes);
}

/** May `step` be added now? Never past the maximum, and only before the maximum is reached. */
export function canExtend(c: ClassTimes, step: number, nowMs: number): boolean {
  return (EXTENSION_STEPS as readonly number[]).includes(step) && step <= extensionRoom(c.extendedMinutes) && nowMs < maxEndMs(c);
}

export type ClockPhase = 'before' | 'running' | 'countdown' | 'overtime';

/**
 * What the room shows now: `countdown` within COUNTDOWN_MINUTES of the
 * planned end, `overtime` once it passed (the class goes on until the
 * teacher ends it, the sweep does, or the maximum).
 */
export function clockPhase(c: ClassTimes, nowMs: number): ClockPhase {
  const end = plannedEndMs(c);
  if (nowMs < ms(c.scheduledAt)) return 'before';
  if (nowMs >= end) return 'overtime';
  return nowMs >= end - COUNTDOWN_MINUTES * MINUTE_MS ? 'countdown' : 'running';
}

/** Whole seconds left until `endMs`, never negative. */
export function secondsLeft(endMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((endMs - nowMs) / 1000));
}
