/** Time comes from a clock so use cases and sweeps can be run at any instant in tests. */
import 'server-only';
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(at: Date | string): Clock {
  const instant = new Date(at);
  return { now: () => new Date(instant) };
}
