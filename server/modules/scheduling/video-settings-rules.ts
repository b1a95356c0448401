/**
 * Rules an academy's video settings must satisfy as a whole, checked after a
 * partial update is merged with what is stored (a request that only lowers
 * `studentPartialBelow` can still end up below `studentAbsentBelow`).
 */
import 'server-only';
import { parseLocalTime } from './eligibility';

export interface CheckedVideoSettings {
  minutesBefore: number;
  windowStart: string | null;
  windowEnd: string | null;
  blockedWeekdays: number[];
  defaultMaxParticipants: number;
  endBufferMinutes: number;
  studentAbsentBelow: number;
  studentPartialBelow: number;
  teacherAbsentBelow: number;
  teacherPartialBelow: number;
  lateGraceMinutes: number | null;
  reconnectWindowSeconds: number;
  overtimeMinutes: number;
  eventRetentionDays: number;
}

const within = (value: number, min: number, max: number) => Number.isInteger(value) && value >= min && value <= max;

export function videoSettingsProblems(s: CheckedVideoSettings): string[] {
  const problems: string[] = [];
  if (!within(s.minutesBefore, 0, 1440)) problems.push('minutesBefore must be 0..1440');
  for (const [name, value] of [['windowStart', s.windowStart], ['windowEnd', s.windowEnd]] as const) {
    if (value === null) continue;
    try {
      parseLocalTime(value);
    } catch {
      problems.push(`${name} must be 'HH:MM' or null`);
    }
  }
  if (!s.blockedWeekdays.every((d) => within(d, 0, 6)) || new Set(s.blockedWeekdays).size !== s.blockedWeekdays.length) {
    problems.push('blockedWeekdays must be distinct weekdays 0 (Sunday)..6 (Saturday)');
  }
  if (!within(s.defaultMaxParticipants, 1, 500)) problems.push('defaultMaxParticipants must be 1..500');
  if (!within(s.endBufferMinutes, 0, 1440)) problems.push('endBufferMinutes must be 0..1440');
  for (const who of ['student', 'teacher'] as const) {
    const absent = s[`${who}AbsentBelow`];
    const partial = s[`${who}PartialBelow`];
    if (!within(absent, 0, 100) || !within(partial, 0, 100)) problems.push(`${who} thresholds must be 0..100`);
    else if (absent > partial) problems.push(`${who}AbsentBelow (${absent}) must not be above ${who}PartialBelow (${partial})`);
  }
  if (s.lateGraceMinutes !== null && !within(s.lateGraceMinutes, 0, 240)) problems.push('lateGraceMinutes must be 0..240 or null');
  if (!within(s.reconnectWindowSeconds, 0, 3600)) problems.push('reconnectWindowSeconds must be 0..3600');
  if (!within(s.overtimeMinutes, 0, 1440)) problems.push('overtimeMinutes must be 0..1440');
  if (!within(s.eventRetentionDays, 7, 3650)) problems.push('eventRetentionDays must be 7..3650');
  return problems;
}
