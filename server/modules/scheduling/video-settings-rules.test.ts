import { describe, expect, it } from 'vitest';
import { DEFAULT_ACADEMY_VIDEO_SETTINGS } from '@/server/modules/academies';
import { videoSettingsProblems, type CheckedVideoSettings } from './video-settings-rules';

const base: CheckedVideoSettings = { ...DEFAULT_ACADEMY_VIDEO_SETTINGS };

describe('videoSettingsProblems', () => {
  it('accepts the defaults', () => {
    expect(videoSettingsProblems(base)).toEqual([]);
  });

  it.each<[string, Partial<CheckedVideoSettings>, RegExp | null]>([
    ['a window wrapping midnight', { windowStart: '22:00', windowEnd: '06:00' }, null],
    ['a half-open window', { windowStart: '08:00', windowEnd: null }, null],
    ['equal thresholds', { studentAbsentBelow: 50, studentPartialBelow: 50 }, null],
    ['no late grace', { lateGraceMinutes: null }, null],
    ['every day blocked', { blockedWeekdays: [0, 1, 2, 3, 4, 5, 6] }, null],
    ['student absent above partial', { studentAbsentBelow: 81, studentPartialBelow: 80 }, /studentAbsentBelow \(81\) must not be above studentPartialBelow \(80\)/],
    ['teacher absent above partial', { teacherAbsentBelow: 95 }, /teacherAbsentBelow/],
    ['a threshold above 100', { studentPartialBelow: 101 }, /student thresholds/],
    ['a malformed window', { windowStart: '8:00' }, /windowStart/],
    ['24:00 is not a time', { windowEnd: '24:00' }, /windowEnd/],
    ['a repeated weekday', { blockedWeekdays: [5, 5] }, /blockedWeekdays/],
    ['weekday 7', { blockedWeekdays: [7] }, /blockedWeekdays/],
    ['minutesBefore above a day', { minutesBefore: 1441 }, /minutesBefore/],
    ['negative minutesBefore', { minutesBefore: -1 }, /minutesBefore/],
    ['fractional max participants', { defaultMaxParticipants: 2.5 }, /defaultMaxParticipants/],
    ['zero max participants', { defaultMaxParticipants: 0 }, /defaultMaxParticipants/],
  ])('%s', (_name, change, problem) => {
    const problems = videoSettingsProblems({ ...base, ...change });
    if (problem === null) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(problem);
  });
});
