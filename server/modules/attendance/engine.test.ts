import { describe, expect, it } from 'vitest';
import {
  attendanceStatus,
  computeAttendance,
  DEFAULT_ATTENDANCE_SETTINGS,
  DEFAULT_STUDENT_THRESHOLDS,
  DEFAULT_TEACHER_THRESHOLDS,
  type AttendanceSettings,
  type AttendanceThresholds,
  type ComputeOptions,
  type ParticipantEvent,
  type SessionWindow,
} from './engine';

// A fixed instant keeps every expectation readable as "minutes after start".
const START = Date.UTC(2025, 0, 6, 16, 0, 0);
const SESSION: SessionWindow = { startAt: START, durationMinutes: 60 };
const FINAL: ComputeOptions = { final: true };

const at = (minutes: number): number => START + minutes * 60_000;
const join = (sid: string, time: number): ParticipantEvent => ({ kind: 'join', participantSid: sid, at: time });
const leave = (sid: string, time: number, joinedAt?: number): ParticipantEvent => ({
  kind: 'leave',
  participantSid: sid,
  at: time,
  ...(joinedAt === undefined ? {} : { joinedAt }),
});

const withThresholds = (thresholds: AttendanceThresholds): AttendanceSettings => ({ ...DEFAULT_ATTENDANCE_SETTINGS, thresholds });
const compute = (events: ParticipantEvent[], options: ComputeOptions = FINAL, settings = DEFAULT_ATTENDANCE_SETTINGS) =>
  computeAttendance(SESSION, events, settings, options);

describe('defaults', () => {
  it('match the product spec', () => {
    expect(DEFAULT_STUDENT_THRESHOLDS).toEqual({ absentBelowPercent: 30, partialBelowPercent: 80, lateGraceMinutes: 15 });
    expect(DEFAULT_TEACHER_THRESHOLDS).toEqual({ absentBelowPercent: 50, partialBelowPercent: 90, lateGraceMinutes: 15 });
    expect(DEFAULT_ATTENDANCE_SETTINGS).toEqual({
      thresholds: DEFAULT_STUDENT_THRESHOLDS,
      measuredAgainst: 'held',
      reconnectWindowSeconds: 120,
      overtimeMinutes: 60,
    });
  });
});

describe('computeAttendance: seed scenarios', () => {
  it('on time and stays to the end → present, 100 %', () => {
    expect(compute([join('PA_a', at(0)), leave('PA_a', at(60))])).toEqual({
      cycles: [{ joinedAt: at(0), leftAt: at(60), seconds: 3600 }],
      totalSeconds: 3600,
      joinCount: 1,
      leaveCount: 1,
      firstJoinAt: at(0),
      lastLeaveAt: at(60),
      percentage: 100,
      status: 'present',
      window: { start: at(0), end: at(60) },
    });
  });

  it('joins 20 min late and stays → 66.67 %, partial by default', () => {
    const record = compute([join('PA_a', at(20)), leave('PA_a', at(60))]);
    expect(record.percentage).toBe(66.67);
    expect(record.totalSeconds).toBe(2400);
    expect(record.status).toBe('partial');
  });

  it('joins 20 min late and stays → late with thresholds 30/60/15', () => {
    const settings = withThresholds({ absentBelowPercent: 30, partialBelowPercent: 60, lateGraceMinutes: 15 });
    expect(compute([join('PA_a', at(20)), leave('PA_a', at(60))], FINAL, settings).status).toBe('late');
  });

  it('drops for 90 s and returns → one continuous cycle, the gap counted', () => {
    const record = compute([join('PA_a', at(0)), leave('PA_a', at(20)), join('PA_b', at(21.5)), leave('PA_b', at(60))]);
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: at(60), seconds: 3600 }]);
    expect(record).toMatchObject({ joinCount: 2, leaveCount: 2, percentage: 100, status: 'present' });
  });

  it('drops for 5 min → two cycles, the gap not counted', () => {
    const record = compute([join('PA_a', at(0)), leave('PA_a', at(20)), join('PA_b', at(25)), leave('PA_b', at(60))]);
    expect(record.cycles).toEqual([
      { joinedAt: at(0), leftAt: at(20), seconds: 1200 },
      { joinedAt: at(25), leftAt: at(60), seconds: 2100 },
    ]);
    expect(record).toMatchObject({ totalSeconds: 3300, percentage: 91.67, status: 'present' });
  });

  it('never leaves before room_finished → the cycle closes at the finish, measured against the class held', () => {
    const record = compute([join('PA_a', at(0))], { final: true, finishedAt: at(50) });
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: at(50), seconds: 3000 }]);
    expect(record).toMatchObject({ leaveCount: 0, lastLeaveAt: at(50), percentage: 100, status: 'present' });
    const teacher = compute([join('PA_a', at(0))], { final: true, finishedAt: at(50) }, { ...DEFAULT_ATTENDANCE_SETTINGS, measuredAgainst: 'planned' });
    expect(teacher).toMatchObject({ percentage: 83.33, window: { start: at(0), end: at(60) } });
  });

  it('never leaves and no finish → closes at end + overtime, counted only to session end', () => {
    const record = compute([join('PA_a', at(0))]);
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: at(120), seconds: 3600 }]);
    expect(record).toMatchObject({ lastLeaveAt: at(120), totalSeconds: 3600, percentage: 100, status: 'present' });
  });

  it('joins after the end → absent, 0 %', () => {
    const record = compute([join('PA_a', at(65)), leave('PA_a', at(70))]);
    expect(record).toMatchObject({ joinCount: 1, firstJoinAt: at(65), totalSeconds: 0, percentage: 0, status: 'absent' });
    expect(record.cycles).toEqual([{ joinedAt: at(65), leftAt: at(70), seconds: 0 }]);
  });

  it('a leave before its join in the input array changes nothing', () => {
    expect(compute([leave('PA_a', at(60)), join('PA_a', at(0))])).toEqual(compute([join('PA_a', at(0)), leave('PA_a', at(60))]));
  });

  it('a leave whose join was lost is recovered from its joinedAt', () => {
    expect(compute([leave('PA_a', at(60), at(0))])).toEqual(compute([join('PA_a', at(0)), leave('PA_a', at(60))]));
  });

  it('a leave whose join was lost and has no joinedAt is ignored', () => {
    expect(compute([leave('PA_a', at(60))])).toEqual({
      cycles: [],
      totalSeconds: 0,
      joinCount: 0,
      leaveCount: 0,
      firstJoinAt: null,
      lastLeaveAt: null,
      percentage: 0,
      status: 'absent',
      window: { start: at(0), end: at(60) },
    });
  });

  it('duplicate-identity reconnect (new sid joins before the old leave) → one cycle', () => {
    const record = compute([join('PA_a', at(0)), join('PA_b', at(30)), leave('PA_a', at(30.1)), leave('PA_b', at(60))]);
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: at(60), seconds: 3600 }]);
    expect(record).toMatchObject({ joinCount: 2, leaveCount: 2, percentage: 100 });
  });

  it.each([
    { minutes: 27, student: 'partial', teacher: 'absent' },
    { minutes: 30, student: 'partial', teacher: 'partial' },
    { minutes: 51, student: 'present', teacher: 'partial' },
    { minutes: 54, student: 'present', teacher: 'present' },
  ])('teacher thresholds 50/90: $minutes min → teacher $teacher, student $student', ({ minutes, student, teacher }) => {
    const events = [join('PA_t', at(0)), leave('PA_t', at(minutes))];
    expect(compute(events).status).toBe(student);
    expect(compute(events, FINAL, withThresholds(DEFAULT_TEACHER_THRESHOLDS)).status).toBe(teacher);
  });

  it('lateGraceMinutes null never gives late', () => {
    const settings = withThresholds({ absentBelowPercent: 30, partialBelowPercent: 60, lateGraceMinutes: null });
    expect(compute([join('PA_a', at(20)), leave('PA_a', at(60))], FINAL, settings).status).toBe('present');
  });

  it('a live record counts an open cycle up to asOf and leaves it open', () => {
    const record = compute([join('PA_a', at(0))], { final: false, asOf: at(30) });
    expect(record).toEqual({
      cycles: [{ joinedAt: at(0), leftAt: null, seconds: 1800 }],
      totalSeconds: 1800,
      joinCount: 1,
      leaveCount: 0,
      firstJoinAt: at(0),
      lastLeaveAt: null,
      // 30 minutes of the 30 elapsed: a live percentage is of the elapsed part of the window.
      percentage: 100,
      status: 'present',
      window: { start: at(0), end: at(60) },
    });
  });
});

describe('computeAttendance: edges', () => {
  it('a leave earlier than its join is a zero-length connection', () => {
    const record = compute([join('PA_a', at(10)), leave('PA_a', at(5))]);
    expect(record.cycles).toEqual([{ joinedAt: at(10), leftAt: at(10), seconds: 0 }]);
    expect(record).toMatchObject({ lastLeaveAt: at(10), totalSeconds: 0, status: 'absent' });
  });

  it('keeps the earliest join and the earliest leave of a sid', () => {
    const record = compute([join('PA_a', at(5)), join('PA_a', at(0)), leave('PA_a', at(60)), leave('PA_a', at(40))]);
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: at(40), seconds: 2400 }]);
    expect(record).toMatchObject({ joinCount: 1, leaveCount: 1 });
  });

  it('two leaves of a lost join at the same instant resolve to the same joinedAt in any order', () => {
    const early = leave('PA_a', at(60), at(0));
    const late = leave('PA_a', at(60), at(10));
    const bare = leave('PA_a', at(60));
    const expected = compute([join('PA_a', at(0)), leave('PA_a', at(60))]);
    expect(compute([early, late, bare])).toEqual(expected);
    expect(compute([bare, late, early])).toEqual(expected);
  });

  it('a gap of exactly the reconnect window continues the cycle; one ms more splits it', () => {
    const events = (gapMs: number) => [join('PA_a', at(0)), leave('PA_a', at(30)), join('PA_b', at(30) + gapMs), leave('PA_b', at(60))];
    expect(compute(events(120_000)).cycles).toHaveLength(1);
    expect(compute(events(120_001)).cycles).toHaveLength(2);
  });

  it('time before the start does not count, but the first join is still reported', () => {
    const record = compute([join('PA_a', at(-10)), leave('PA_a', at(60))]);
    expect(record).toMatchObject({ firstJoinAt: at(-10), totalSeconds: 3600, percentage: 100, status: 'present' });
    expect(record.cycles[0]?.seconds).toBe(3600);
  });

  it('rounds only the total: two 1.5 s cycles make 3 s', () => {
    const record = compute([join('PA_a', at(0)), leave('PA_a', at(0) + 1500), join('PA_b', at(10)), leave('PA_b', at(10) + 1500)]);
    expect(record.cycles.map((c) => c.seconds)).toEqual([1.5, 1.5]);
    expect(record.totalSeconds).toBe(3);
  });

  it('a final open connection that joined after the closing time is zero length at its join', () => {
    const record = compute([join('PA_a', at(55))], { final: true, finishedAt: at(50) });
    expect(record.cycles).toEqual([{ joinedAt: at(55), leftAt: at(55), seconds: 0 }]);
    expect(record.lastLeaveAt).toBe(at(55));
  });

  it('a live open connection without asOf counts nothing yet, of nothing elapsed', () => {
    const record = compute([join('PA_a', at(0))], { final: false });
    expect(record.cycles).toEqual([{ joinedAt: at(0), leftAt: null, seconds: 0 }]);
    expect(record).toMatchObject({ totalSeconds: 0, percentage: 100 });
  });

  it('a live open connection stops counting at the finish and at end + overtime', () => {
    expect(compute([join('PA_a', at(0))], { final: false, asOf: at(45), finishedAt: at(20) }).totalSeconds).toBe(1200);
    expect(compute([join('PA_a', at(0))], { final: false, asOf: at(500) }).totalSeconds).toBe(3600);
  });

  it('a live record reports the closed part of the history', () => {
    const record = compute([join('PA_a', at(0)), leave('PA_a', at(10)), join('PA_b', at(20))], { final: false, asOf: at(40) });
    expect(record.cycles).toEqual([
      { joinedAt: at(0), leftAt: at(10), seconds: 600 },
      { joinedAt: at(20), leftAt: null, seconds: 1200 },
    ]);
    expect(record).toMatchObject({ lastLeaveAt: at(10), joinCount: 2, leaveCount: 1, totalSeconds: 1800 });
  });

  it('the status compares the unrounded percentage', () => {
    // 40 of 60 min is 66.666…%: stored as 66.67 but still below a 66.67 threshold.
    const settings = withThresholds({ absentBelowPercent: 30, partialBelowPercent: 66.67, lateGraceMinutes: null });
    const record = compute([join('PA_a', at(20)), leave('PA_a', at(60))], FINAL, settings);
    expect(record).toMatchObject({ percentage: 66.67, status: 'partial' });
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])('durationMinutes %s is a RangeError', (durationMinutes) => {
    expect(() => computeAttendance({ startAt: START, durationMinutes }, [], DEFAULT_ATTENDANCE_SETTINGS, FINAL)).toThrow(RangeError);
  });
});

describe('threshold boundaries', () => {
  const grace = START + 15 * 60_000;

  it.each([
    { pct: 29.99, expected: 'absent' },
    { pct: 30, expected: 'partial' },
    { pct: 79.99, expected: 'partial' },
    { pct: 80, expected: 'present' },
  ])('attendanceStatus($pct %) on time → $expected', ({ pct, expected }) => {
    expect(attendanceStatus(pct, START, SESSION, DEFAULT_STUDENT_THRESHOLDS)).toBe(expected);
  });

  it.each([
    { firstJoin: grace, expected: 'present' },
    { firstJoin: grace + 1, expected: 'late' },
  ])('attendanceStatus(100 %) first join at start + 15 min + $firstJoin ms → $expected', ({ firstJoin, expected }) => {
    expect(attendanceStatus(100, firstJoin, SESSION, DEFAULT_STUDENT_THRESHOLDS)).toBe(expected);
  });

  it('late never hides absent or partial', () => {
    expect(attendanceStatus(79.99, grace + 1, SESSION, DEFAULT_STUDENT_THRESHOLDS)).toBe('partial');
    expect(attendanceStatus(29.99, grace + 1, SESSION, DEFAULT_STUDENT_THRESHOLDS)).toBe('absent');
  });

  it('no join is absent whatever the percentage', () => {
    expect(attendanceStatus(100, null, SESSION, DEFAULT_STUDENT_THRESHOLDS)).toBe('absent');
  });

  // 0.2999 × 60 min = 1 079 640 ms; 0.7999 × 60 min = 2 879 640 ms.
  it.each([
    { attendedMs: 1_079_640, percentage: 29.99, expected: 'absent' },
    { attendedMs: 1_080_000, percentage: 30, expected: 'partial' },
    { attendedMs: 2_879_640, percentage: 79.99, expected: 'partial' },
    { attendedMs: 2_880_000, percentage: 80, expected: 'present' },
  ])('computeAttendance with $attendedMs ms → $percentage %, $expected', ({ attendedMs, percentage, expected }) => {
    const record = compute([join('PA_a', at(0)), leave('PA_a', at(0) + attendedMs)]);
    expect(record).toMatchObject({ percentage, status: expected });
  });

  it.each([
    { offsetMs: 0, expected: 'present' },
    { offsetMs: 1, expected: 'late' },
  ])('computeAttendance with the first join at start + grace + $offsetMs ms → $expected', ({ offsetMs, expected }) => {
    const settings = withThresholds({ absentBelowPercent: 30, partialBelowPercent: 60, lateGraceMinutes: 15 });
    expect(compute([join('PA_a', grace + offsetMs), leave('PA_a', at(60))], FINAL, settings).status).toBe(expected);
  });
});

describe('the attendance window (docs/rules.md#attendance)', () => {
  const STUDENT = DEFAULT_ATTENDANCE_SETTINGS;
  const TEACHER: AttendanceSettings = { ...DEFAULT_ATTENDANCE_SETTINGS, thresholds: DEFAULT_TEACHER_THRESHOLDS, measuredAgainst: 'planned' };
  const endedAt = (minutes: number): ComputeOptions => ({ final: true, finishedAt: at(minutes) });

  it('ended early after 5 of 60 minutes: students who stayed are present, the teacher absent', () => {
    const events = [join('PA_a', at(0))];
    expect(compute(events, endedAt(5), STUDENT)).toMatchObject({ totalSeconds: 300, percentage: 100, status: 'present', window: { start: at(0), end: at(5) } });
    expect(compute(events, endedAt(5), TEACHER)).toMatchObject({ totalSeconds: 300, percentage: 8.33, status: 'absent', window: { start: at(0), end: at(60) } });
  });

  it('ended early: the teacher is partial or absent by the teacher thresholds of the planned length', () => {
    // 45 of 60 minutes = 75 %: teacher partial (50 ≤ 75 < 90); 27 of 60 = 45 %: absent.
    expect(compute([join('PA_a', at(0))], endedAt(45), TEACHER).status).toBe('partial');
    expect(compute([join('PA_a', at(0))], endedAt(27), TEACHER).status).toBe('absent');
    expect(compute([join('PA_a', at(0))], endedAt(54), TEACHER).status).toBe('present');
  });

  it('ended early: a student who left halfway through the class held is measured against it', () => {
    // Class held 0–40; the student was there 0–16: 40 % → partial; 0–10: 25 % → absent.
    expect(compute([join('PA_a', at(0)), leave('PA_a', at(16))], endedAt(40), STUDENT)).toMatchObject({ percentage: 40, status: 'partial' });
    expect(compute([join('PA_a', at(0)), leave('PA_a', at(10))], endedAt(40), STUDENT)).toMatchObject({ percentage: 25, status: 'absent' });
  });

  it('ended at or before the scheduled start: an empty window, 100 % for whoever came, 0 % for nobody', () => {
    expect(compute([join('PA_a', at(-10))], endedAt(-2), STUDENT)).toMatchObject({ percentage: 100, status: 'present', window: { start: at(0), end: at(0) } });
    expect(compute([], endedAt(-2), STUDENT)).toMatchObject({ percentage: 0, status: 'absent' });
  });

  it('ended after the scheduled end: the window stays the scheduled span', () => {
    const record = compute([join('PA_a', at(0))], endedAt(75), STUDENT);
    expect(record).toMatchObject({ window: { start: at(0), end: at(60) }, totalSeconds: 3600, percentage: 100 });
  });

  it('started late: the window still opens at the scheduled start; the late joiner is late or partial', () => {
    // The teacher opened the class 20 minutes late and everyone joined then.
    const events = [join('PA_a', at(20)), leave('PA_a', at(60))];
    expect(compute(events, FINAL, STUDENT)).toMatchObject({ percentage: 66.67, status: 'partial', window: { start: at(0), end: at(60) } });
    expect(compute(events, FINAL, TEACHER)).toMatchObject({ percentage: 66.67, status: 'partial' });
  });

  it('extended: the planned end moves with the extension, for students and the teacher, and so does the overtime cap', () => {
    const extended: SessionWindow = { ...SESSION, extensionMinutes: 15 };
    const stayed = [join('PA_a', at(0)), leave('PA_a', at(75))];
    expect(computeAttendance(extended, stayed, STUDENT, FINAL)).toMatchObject({ totalSeconds: 4500, percentage: 100, window: { start: at(0), end: at(75) } });
    expect(computeAttendance(extended, stayed, TEACHER, FINAL)).toMatchObject({ percentage: 100, status: 'present' });
    // Left at the original end of an extended class: 60 of 75 minutes.
    expect(computeAttendance(extended, [join('PA_a', at(0)), leave('PA_a', at(60))], STUDENT, FINAL)).toMatchObject({ percentage: 80, status: 'present' });
    // Ended by a manager during the extension: students measured to that end.
    expect(computeAttendance(extended, [join('PA_a', at(0))], STUDENT, endedAt(70))).toMatchObject({ percentage: 100, window: { end: at(70) } });
    // The overtime cap (end + 60) moves too: an unclosed connection counts to the extended end.
    expect(computeAttendance(extended, [join('PA_a', at(0))], STUDENT, FINAL).cycles[0]?.leftAt).toBe(at(135));
  });

  it('a live record is a percentage of the elapsed part of the window', () => {
    // In the room since minute 10, now minute 20: 10 of 20 elapsed minutes.
    expect(compute([join('PA_a', at(10))], { final: false, asOf: at(20) })).toMatchObject({ totalSeconds: 600, percentage: 50 });
    // Past the planned end the elapsed part is the whole window.
    expect(compute([join('PA_a', at(0)), leave('PA_a', at(30))], { final: false, asOf: at(90) })).toMatchObject({ percentage: 50 });
  });
});

describe('reported leaves win over reconciliation estimates', () => {
  const estimate = (sid: string, time: number): ParticipantEvent => ({ ...leave(sid, time), estimated: true });

  it('a webhook leave arriving after an earlier estimate replaces it', () => {
    const events = [join('PA_a', at(0)), estimate('PA_a', at(30)), leave('PA_a', at(60))];
    expect(compute(events)).toMatchObject({ totalSeconds: 3600, status: 'present', lastLeaveAt: at(60) });
    expect(compute([...events].reverse())).toEqual(compute(events));
  });

  it('an estimate is used only when no leave was reported', () => {
    expect(compute([join('PA_a', at(0)), estimate('PA_a', at(30))])).toMatchObject({ totalSeconds: 1800, lastLeaveAt: at(30) });
  });

  it('a reported leave earlier than the estimate wins as well', () => {
    expect(compute([join('PA_a', at(0)), estimate('PA_a', at(50)), leave('PA_a', at(40))])).toMatchObject({ totalSeconds: 2400, lastLeaveAt: at(40) });
  });
});
