/**
 * Bad inputs for every tRPC procedure, keyed by its path (the room.* ones are
 * in server/trpc/room-bad-input-cases.ts). The bad-input test
 * (server/trpc/bad-inputs.int.test.ts) walks the app router and fails for a
 * procedure without an entry in either: add one with each new procedure.
 *
 * Each case starts from an input that would be accepted, so a check that
 * slips lets the call reach the database, and the test sees the write.
 */
import { NONEXISTENT_ID, WRONG_DATES, WRONG_TIMES, badBoolean, badBoundedInt, badIds, badString, badText, badWeekdays, notAnObject, unknownKeys, type BadInputCase, type BadInputFixture, type ProcedureBadInputs } from './bad-input-kit';
import { PEOPLE_BAD_INPUT_CASES } from './people-bad-input-cases';

type Obj = Record<string, unknown>;

const WRONG_REPORT_DATES = ['2025-13-01', '2025-02-30', '1999-12-31', '2101-01-01', '2025-1-1', '2025-01-01T00:00:00Z', '01/02/2025', '٢٠٢٥-٠١-٠١'];

/** An academy report over calendar dates `from`..`to` (at most 366 days), as an academy admin of the fixture. */
function reportRangeCases(f: BadInputFixture, extra: Obj = {}): BadInputCase[] {
  const base = { from: '2025-01-01', to: '2025-01-31', ...extra };
  return [
    ...notAnObject(),
    ...unknownKeys(base),
    ...badString(base, 'from', WRONG_REPORT_DATES),
    ...badString(base, 'to', WRONG_REPORT_DATES),
    { what: 'to before from', input: { ...base, from: '2025-02-01', to: '2025-01-31' } },
    { what: 'a range of more than 366 days', input: { ...base, from: '2024-01-01', to: '2025-01-01' } },
    ...badIds(base, 'teacherId', { optional: true }),
    { what: 'teacherId of another academy', input: { ...base, teacherId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
    ...badIds(base, 'academyId', { optional: true }),
    { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
    ...badString(base, 'kind', ['Quran', 'interactive-course'], { optional: true }),
  ];
}

/** The cases of a procedure whose only input is `{ sessionId }`. */
function sessionIdOnly(sessionId: (f: BadInputFixture) => number): ProcedureBadInputs['cases'] {
  return (f) => {
    const base = { sessionId: sessionId(f) };
    return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId')];
  };
}

export const BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  ...PEOPLE_BAD_INPUT_CASES,

  'meeting.create': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.freshSessionId };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badBoundedInt(base, 'maxParticipants', 1, 500),
        ...badBoundedInt(base, 'maxDurationMinutes', 1, 1440),
        ...badBoolean(base, 'recordingEnabled'),
      ];
    },
  },
  'meeting.token': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badBoolean(base, 'hidden')];
    },
  },
  'meeting.info': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },
  'meeting.end': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },
  'meeting.leave': {
    as: 'student',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, participantSid: 'PA_badInputs' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'participantSid', ['PA_', 'pa_lowercase', 'PA_has space', `PA_${'a'.repeat(41)}`, 'PA_x\u0000', 'PA_عربي', "PA_x'; DROP TABLE meetings;--"]),
      ];
    },
  },
  'meeting.reconcileAttendance': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },
  'recording.start': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, layout: 'grid' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'layout', ['Grid', 'speaker-light', 'grid ', 'single_speaker'], { optional: true }),
      ];
    },
  },
  'recording.stop': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badIds({ ...base, recordingId: 1 }, 'recordingId', { optional: true, unknown: null })];
    },
  },
  'recording.list': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },
  'recording.academy': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { limit: 10 };
      return [
        ...notAnObject({ optional: true }),
        ...unknownKeys(base),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
        ...badBoundedInt(base, 'limit', 1, 100),
      ];
    },
  },
  'session.listMine': {
    as: 'teacher',
    cases: () => {
      const base = { range: 'today' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'range', ['TODAY', 'yesterday', ' today']),
        ...badBoundedInt(base, 'limit', 1, 200),
      ];
    },
  },
  'session.detail': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },

  'scheduling.createSession': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { kind: 'quran', title: 'حلقة', teacherId: f.teacherId, circleId: f.circleId, localDate: '2031-05-06', localTime: '16:00', durationMinutes: 60 };
      const { circleId: _circle, ...noAudience } = base;
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'kind', ['Quran', 'interactive-course']),
        ...badText(base, 'title', 200),
        ...badIds(base, 'teacherId', { unknown: 'BAD_REQUEST' }),
        { what: 'teacherId of a student', input: { ...base, teacherId: f.studentId } },
        { what: 'teacherId of another academy', input: { ...base, teacherId: f.otherAcademyUserId } },
        ...badIds(base, 'circleId', { unknown: 'BAD_REQUEST' }),
        { what: 'no audience', input: noAudience },
        { what: 'two audiences', input: { ...base, studentId: f.studentId } },
        { what: 'a course audience for a Quran session', input: { ...noAudience, courseId: 1 } },
        ...badString(base, 'localDate', WRONG_DATES),
        ...badString(base, 'localTime', WRONG_TIMES),
        { what: 'a date in the past', input: { ...base, localDate: '2001-01-01' } },
        ...badBoundedInt(base, 'durationMinutes', 1, 600),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'scheduling.createWeeklySchedule': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { kind: 'quran', title: 'حلقة أسبوعية', teacherId: f.teacherId, circleId: f.circleId, weekdays: [0, 2], localTime: '16:00', durationMinutes: 60, startDate: '2031-05-04', count: 4 };
      const { count: _count, ...noEnd } = base;
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'kind', ['Quran']),
        ...badText(base, 'title', 200),
        ...badIds(base, 'teacherId', { unknown: 'BAD_REQUEST' }),
        ...badIds(base, 'circleId', { unknown: 'BAD_REQUEST' }),
        ...badWeekdays(base, 'weekdays'),
        ...badString(base, 'localTime', WRONG_TIMES),
        ...badBoundedInt(base, 'durationMinutes', 1, 600),
        ...badString(base, 'startDate', WRONG_DATES),
        ...badBoundedInt(base, 'count', 1, 500),
        ...badString({ ...noEnd, endDate: '2031-06-01' }, 'endDate', WRONG_DATES, { optional: true }),
        { what: 'both count and endDate', input: { ...base, endDate: '2031-06-01' } },
        { what: 'neither count nor endDate', input: noEnd },
        { what: 'endDate before startDate', input: { ...noEnd, endDate: '2031-05-01' } },
        { what: 'every occurrence in the past', input: { ...base, startDate: '2001-01-01' } },
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'scheduling.updateSession': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { sessionId: f.freshSessionId, title: 'عنوان جديد' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        { what: 'nothing to change', input: { sessionId: f.freshSessionId } },
        ...badText(base, 'title', 200, { optional: true }),
        ...badIds(base, 'teacherId', { optional: true, unknown: 'BAD_REQUEST' }),
        { what: 'a time (that is a reschedule)', input: { ...base, localDate: '2031-01-01', localTime: '10:00' } },
        ...badBoundedInt(base, 'durationMinutes', 1, 600),
        ...badIds(base, 'circleId', { optional: true, unknown: 'BAD_REQUEST' }),
        ...badIds(base, 'studentId', { optional: true, unknown: 'BAD_REQUEST' }),
        { what: 'two audiences', input: { ...base, circleId: f.circleId, studentId: f.studentId } },
        { what: 'a course for a Quran session', input: { ...base, courseId: NONEXISTENT_ID } },
        { what: 'a teacher as the student', input: { ...base, studentId: f.teacherId } },
      ];
    },
  },
  'scheduling.cancelSession': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { sessionId: f.freshSessionId, reason: 'المعلم مريض' };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'sessionId'), ...badText(base, 'reason', 500)];
    },
  },
  'scheduling.cancelSchedule': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { scheduleId: f.scheduleId, reason: 'انتهى الفصل' };
      return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'scheduleId'), ...badText(base, 'reason', 500)];
    },
  },
  'scheduling.listSchedules': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { limit: 10 };
      return [
        ...notAnObject({ optional: true }),
        ...unknownKeys(base),
        ...badBoundedInt(base, 'limit', 1, 100),
        ...badIds(base, 'cursor', { optional: true, unknown: null }),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'scheduling.getVideoSettings': {
    as: 'academy_admin',
    cases: (f) => [
      ...notAnObject({ optional: true }),
      ...unknownKeys({}),
      ...badIds({}, 'academyId', { optional: true }),
      { what: 'academyId of another academy', input: { academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
    ],
  },
  'scheduling.updateVideoSettings': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { minutesBefore: 15 };
      const windowed = { ...base, windowStart: '08:00', windowEnd: '20:00' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
        ...badBoolean(base, 'autoCreate'),
        ...badBoolean(base, 'autoEnd'),
        ...badBoolean(base, 'recordingDefault'),
        ...badBoolean(base, 'recordingAllowed'),
        ...badBoolean(base, 'studentsSeeRecordings'),
        ...badBoundedInt(base, 'minutesBefore', 0, 1440),
        ...badString(windowed, 'windowStart', WRONG_TIMES, { optional: true }).filter((c) => c.what !== 'windowStart null'),
        ...badString(windowed, 'windowEnd', WRONG_TIMES, { optional: true }).filter((c) => c.what !== 'windowEnd null'),
        ...badWeekdays(base, 'blockedWeekdays', { optional: true, allowEmpty: true }),
        ...badBoundedInt(base, 'defaultMaxParticipants', 1, 500),
        ...badBoundedInt(base, 'endBufferMinutes', 0, 1440),
        ...badBoundedInt(base, 'studentAbsentBelow', 0, 100),
        ...badBoundedInt(base, 'studentPartialBelow', 0, 100),
        ...badBoundedInt(base, 'teacherAbsentBelow', 0, 100),
        ...badBoundedInt(base, 'teacherPartialBelow', 0, 100),
        ...badBoundedInt(base, 'lateGraceMinutes', 0, 240).filter((c) => c.what !== 'lateGraceMinutes null'),
        ...badBoundedInt(base, 'reconnectWindowSeconds', 0, 3600),
        ...badBoundedInt(base, 'overtimeMinutes', 0, 1440),
        ...badBoundedInt(base, 'eventRetentionDays', 7, 3650),
      ];
    },
  },
  'scheduling.getTeacherSettings': {
    as: 'teacher',
    cases: (f) => [
      ...notAnObject({ optional: true }),
      ...unknownKeys({}),
      ...badIds({}, 'teacherId', { optional: true }),
      { what: 'teacherId of another academy', input: { teacherId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
    ],
  },
  'scheduling.updateTeacherSettings': {
    as: 'teacher',
    cases: (f) => {
      const base = { maxParticipants: 12 };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'teacherId', { optional: true }),
        { what: 'teacherId of another academy', input: { ...base, teacherId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
        ...badBoundedInt(base, 'maxParticipants', 1, 500).filter((c) => c.what !== 'maxParticipants null'),
        ...badString(base, 'videoQuality', ['HIGH', 'ultra'], { optional: true }).filter((c) => c.what !== 'videoQuality null'),
        ...badString(base, 'audioQuality', ['HIGH', 'ultra'], { optional: true }).filter((c) => c.what !== 'audioQuality null'),
        ...['recordingEnabled', 'screenShare', 'chat', 'muteOnJoin', 'studentsCanPublish'].flatMap((field) =>
          badBoolean(base, field).filter((c) => c.what !== `${field} null`),
        ),
      ];
    },
  },

  'sweeps.stats': {
    as: 'academy_admin',
    cases: (f) => [
      ...notAnObject({ optional: true }),
      ...unknownKeys({}),
      ...badIds({}, 'academyId', { optional: true }),
      { what: 'academyId of another academy', input: { academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
    ],
  },
  'sweeps.recentRuns': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { limit: 10 };
      return [
        ...notAnObject({ optional: true }),
        ...unknownKeys(base),
        ...badString(base, 'job', ['create_scheduled', 'all'], { optional: true }),
        ...badBoundedInt(base, 'limit', 1, 100),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },
  'sweeps.webhookProblems': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { limit: 10 };
      return [
        ...notAnObject({ optional: true }),
        ...unknownKeys(base),
        ...badBoundedInt(base, 'limit', 1, 100),
        ...badIds(base, 'academyId', { optional: true }),
        { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
      ];
    },
  },

  'academies.list': {
    as: 'super_admin',
    cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})],
  },
  'academies.directory': {
    as: 'academy_admin',
    cases: (f) => [
      ...notAnObject({ optional: true }),
      ...unknownKeys({}),
      ...badIds({}, 'academyId', { optional: true }),
      { what: 'academyId of another academy', input: { academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
    ],
  },
  'academies.liveMeetings': {
    as: 'academy_admin',
    cases: (f) => [
      ...notAnObject({ optional: true }),
      ...unknownKeys({}),
      ...badIds({}, 'academyId', { optional: true }),
      { what: 'academyId of another academy', input: { academyId: f.otherAcademyId }, expect: 'NOT_FOUND' },
    ],
  },
  'academies.attendance': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { from: '2025-01-01', to: '2025-01-31' };
      return [
        ...reportRangeCases(f),
        ...badString(base, 'status', ['PRESENT', 'excused'], { optional: true }),
        ...badString(base, 'userType', ['Student', 'admin'], { optional: true }),
        ...badBoundedInt(base, 'limit', 1, 500),
      ];
    },
  },
  'academies.sessions': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { from: '2025-01-01', to: '2025-01-31' };
      return [...reportRangeCases(f), ...badString(base, 'status', ['SCHEDULED', 'live'], { optional: true }), ...badBoundedInt(base, 'limit', 1, 500)];
    },
  },

  'profile.me': {
    as: 'teacher',
    cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})],
  },
  'profile.setLocale': {
    as: 'teacher',
    cases: (f) => {
      const base = { locale: 'ar' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        { what: 'another user’s id alongside', input: { ...base, userId: f.studentId } },
        ...badString(base, 'locale', ['fr', 'AR', 'ar-SA']).filter((c) => c.what !== 'locale null'),
      ];
    },
  },
  'profile.children': {
    as: 'parent',
    cases: () => {
      const base = { days: 30 };
      return [...notAnObject({ optional: true }), ...unknownKeys(base), ...badBoundedInt(base, 'days', 1, 366), ...badBoundedInt(base, 'limit', 1, 200)];
    },
  },

  'notifications.list': {
    as: 'parent',
    cases: () => {
      const base = { limit: 10 };
      return [...notAnObject({ optional: true }), ...unknownKeys(base), ...badBoundedInt(base, 'limit', 1, 100), ...badBoundedInt(base, 'before', 1, 2_147_483_647)];
    },
  },
  'notifications.unread': { as: 'parent', cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})] },
  'notifications.markRead': {
    as: 'parent',
    cases: () => [
      ...notAnObject(),
      ...unknownKeys({}),
      { what: 'ids empty', input: { ids: [] } },
      { what: 'ids not numbers', input: { ids: ['1'] } },
      { what: 'ids too many', input: { ids: Array.from({ length: 201 }, (_, i) => i + 1) } },
      { what: 'an id of 0', input: { ids: [0] } },
    ],
  },
  'notifications.preferences': { as: 'parent', cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})] },
  'notifications.setPreferences': {
    as: 'parent',
    cases: () => {
      const base = { reminderMinutes: 30, topics: [{ topic: 'reminder', email: true, inApp: true }] };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        { what: 'reminderMinutes 15', input: { ...base, reminderMinutes: 15 } },
        { what: 'reminderMinutes as text', input: { ...base, reminderMinutes: '30' } },
        { what: 'reminderMinutes missing', input: { topics: base.topics } },
        { what: 'an unknown topic', input: { ...base, topics: [{ topic: 'marketing', email: true, inApp: true }] } },
        { what: 'a channel not a boolean', input: { ...base, topics: [{ topic: 'reminder', email: 'yes', inApp: true }] } },
        { what: 'an extra key in a topic', input: { ...base, topics: [{ topic: 'reminder', email: true, inApp: true, sms: true }] } },
        { what: 'topics not a list', input: { ...base, topics: 'reminder' } },
      ];
    },
  },
  'notifications.calendarFeed': { as: 'parent', cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})] },
  'notifications.regenerateCalendarFeed': { as: 'parent', cases: () => [...notAnObject({ optional: true }), ...unknownKeys({})] },

  'attendance.sessionStats': { as: 'teacher', cases: sessionIdOnly((f) => f.liveSessionId) },
  'attendance.listRecords': {
    as: 'teacher',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'userType', ['Student', 'admin'], { optional: true }),
        ...badString(base, 'status', ['PRESENT', 'excused'], { optional: true }),
        ...badBoolean(base, 'inRoom'),
      ];
    },
  },
  'attendance.academyStats': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { from: '2025-01-01', to: '2025-01-31' };
      return [
        ...reportRangeCases(f),
        ...badIds(base, 'studentId', { optional: true }),
        ...badString(base, 'granularity', ['year', 'WEEK'], { optional: true }),
      ];
    },
  },
  'attendance.overrideStatus': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { sessionId: f.liveSessionId, userId: f.studentId, status: 'present', reason: 'came on time, camera broken' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badIds(base, 'userId'),
        { what: 'userId of another academy', input: { ...base, userId: f.otherAcademyUserId }, expect: 'NOT_FOUND' },
        ...badString(base, 'status', ['PRESENT', 'excused']),
        ...badString(base, 'reason', ['   ', 'x'.repeat(501)]),
      ];
    },
  },
};
