import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reminderDue, wants } from './preferences';
import { attendanceNotices, changeNotices, dueReminders, recordingNotices, type Member } from './recipients';
import { digestDay } from './queue-digests';

const member = (userId: number, as: Member['as'], extra: Partial<Member> = {}): Member => ({
  userId,
  as,
  role: as,
  active: true,
  prefs: null,
  ...extra,
});

describe('who gets a class reminder', () => {
  const startsAt = new Date('2026-03-29T09:00:00Z');
  const members = [member(1, 'teacher'), member(2, 'student'), member(3, 'parent', { childId: 2 }), member(4, 'student', { active: false })];

  it('students and the teacher at the academy’s lead time; parents only when they opt in; deactivated people never', () => {
    const at = (minutesBefore: number) => dueReminders({ sessionId: 9, startsAt, members, academyMinutes: 30, now: new Date(startsAt.getTime() - minutesBefore * 60_000) });
    expect(at(31)).toEqual([]);
    expect(at(30).map((n) => n.userId)).toEqual([1, 2]);
    expect(at(30)[0]).toMatchObject({ kind: 'reminder', key: 'reminder:9:1', email: true, inApp: true });
    const optedIn = [...members.slice(0, 2), member(3, 'parent', { childId: 2, prefs: { reminderMinutes: null, choices: { 'reminder.email': true } } })];
    const withParent = dueReminders({ sessionId: 9, startsAt, members: optedIn, academyMinutes: 30, now: new Date(startsAt.getTime() - 5 * 60_000) });
    expect(withParent.map((n) => [n.userId, n.email, n.inApp])).toEqual([[1, true, true], [2, true, true], [3, true, false]]);
  });

  it('each person at their own lead time (off, 10, 30, 60), never once the class has started', () => {
    const people = [
      member(1, 'teacher', { prefs: { reminderMinutes: 0, choices: {} } }),
      member(2, 'student', { prefs: { reminderMinutes: 10, choices: {} } }),
      member(3, 'student', { prefs: { reminderMinutes: 60, choices: {} } }),
    ];
    const ids = (minutesBefore: number) => dueReminders({ sessionId: 1, startsAt, members: people, academyMinutes: 30, now: new Date(startsAt.getTime() - minutesBefore * 60_000) }).map((n) => n.userId);
    expect(ids(60)).toEqual([3]);
    expect(ids(10)).toEqual([2, 3]);
    expect(ids(0)).toEqual([]);
    expect(ids(-1)).toEqual([]);
  });

  it('a parent with two children in one class gets one reminder', () => {
    const prefs = { reminderMinutes: null, choices: { 'reminder.inApp': true } };
    const notices = dueReminders({ sessionId: 5, startsAt, members: [member(7, 'parent', { childId: 1, prefs }), member(7, 'parent', { childId: 2, prefs })], academyMinutes: 30, now: new Date(startsAt.getTime() - 60_000) });
    expect(notices).toHaveLength(1);
  });

  it('is due exactly in [start − lead, start), for every instant and lead, across DST changes (instants, not wall times)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-01-01T00:00:00Z'), noInvalidDate: true }), fc.constantFrom(10, 30, 60), fc.integer({ min: -120, max: 120 }), (start, lead, offset) => {
        const now = new Date(start.getTime() - offset * 60_000);
        expect(reminderDue(start, lead, now)).toBe(offset > 0 && offset <= lead);
      }),
    );
    // London springs forward at 01:00 UTC on 29 March 2026: a 02:30 (BST) class is 01:30 UTC; 60 minutes before is 00:30 UTC (00:30 GMT).
    expect(reminderDue(new Date('2026-03-29T01:30:00Z'), 60, new Date('2026-03-29T00:30:00Z'))).toBe(true);
    expect(reminderDue(new Date('2026-03-29T01:30:00Z'), 60, new Date('2026-03-29T00:29:59Z'))).toBe(false);
  });
});

describe('absence and lateness notices', () => {
  const parents = [{ ...member(10, 'parent'), childId: 2 }, { ...member(11, 'parent'), childId: 3 }, { ...member(12, 'parent', { active: false }), childId: 2 }];
  const admins = [member(20, 'teacher', { role: 'academy_admin' })];

  it('each parent of an absent or late student, keyed by status; the teacher’s absence to the admins', () => {
    const notices = attendanceNotices({
      sessionId: 4,
      statuses: [{ studentId: 2, status: 'absent' }, { studentId: 3, status: 'late' }, { studentId: 5, status: 'present' }],
      parents,
      teacherAbsent: true,
      admins,
    });
    expect(notices.map((n) => [n.userId, n.kind, n.key])).toEqual([
      [10, 'absent', 'absent:4:2:10'],
      [11, 'late', 'late:4:3:11'],
      [20, 'teacher-absent', 'teacher-absent:4:20'],
    ]);
  });

  it('an override from late to absent is a new notice; the same status again is the same key', () => {
    const late = attendanceNotices({ sessionId: 4, statuses: [{ studentId: 3, status: 'late' }], parents, teacherAbsent: false, admins });
    const absent = attendanceNotices({ sessionId: 4, statuses: [{ studentId: 3, status: 'absent' }], parents, teacherAbsent: false, admins });
    expect(absent[0]!.key).not.toBe(late[0]!.key);
    expect(attendanceNotices({ sessionId: 4, statuses: [{ studentId: 3, status: 'late' }], parents, teacherAbsent: false, admins })[0]!.key).toBe(late[0]!.key);
  });

  it('nothing for a parent who turned both channels off', () => {
    const off = { reminderMinutes: null, choices: { 'attendance.email': false, 'attendance.inApp': false } };
    expect(attendanceNotices({ sessionId: 1, statuses: [{ studentId: 2, status: 'absent' }], parents: [{ ...member(10, 'parent', { prefs: off }), childId: 2 }], teacherAbsent: false, admins: [] })).toEqual([]);
  });
});

describe('changes and recordings', () => {
  const members = [member(1, 'teacher'), member(2, 'student'), member(3, 'parent', { childId: 2 })];
  it('a cancellation to everyone; a reschedule keyed by the new time', () => {
    expect(changeNotices({ sessionId: 3, change: 'cancelled', startsAt: new Date('2026-01-01T10:00:00Z'), members }).map((n) => n.userId)).toEqual([1, 2, 3]);
    const a = changeNotices({ sessionId: 3, change: 'rescheduled', startsAt: new Date('2026-01-01T10:00:00Z'), members });
    const b = changeNotices({ sessionId: 3, change: 'rescheduled', startsAt: new Date('2026-01-02T10:00:00Z'), members });
    expect(a[0]!.key).not.toBe(b[0]!.key);
  });
  it('a recording only when the academy shares recordings, to students and parents', () => {
    expect(recordingNotices({ sessionId: 3, recordingId: 8, members, shared: false })).toEqual([]);
    expect(recordingNotices({ sessionId: 3, recordingId: 8, members, shared: true }).map((n) => n.userId)).toEqual([2, 3]);
  });
  it('defaults: the digest is opt-in', () => {
    expect(wants(null, 'academy_admin', 'digest', 'email')).toBe(false);
    expect(wants({ reminderMinutes: null, choices: { 'digest.email': true } }, 'academy_admin', 'digest', 'email')).toBe(true);
  });
});

describe('digestDay', () => {
  it('is yesterday in the academy’s zone, from 07:00 local time', () => {
    expect(digestDay(new Date('2026-03-10T03:59:00Z'), 'Asia/Riyadh')).toBeNull();
    const day = digestDay(new Date('2026-03-10T04:00:00Z'), 'Asia/Riyadh')!;
    expect(day.date).toBe('2026-03-09');
    expect(day.from.toISOString()).toBe('2026-03-08T21:00:00.000Z');
    expect(day.to.toISOString()).toBe('2026-03-09T21:00:00.000Z');
    // New York on the day after the DST change: a 23-hour yesterday.
    const ny = digestDay(new Date('2026-03-09T12:00:00Z'), 'America/New_York')!;
    expect(ny.to.getTime() - ny.from.getTime()).toBe(23 * 3_600_000);
  });
});
