/**
 * Bad inputs for the procedures of groups, schedule edits, reschedules, the
 * calendar and the profile's timezone (merged with BAD_INPUT_CASES by
 * server/trpc/bad-inputs.int.test.ts). Each starts from an input that would
 * be accepted, so a slipped check would write and the test would see it.
 */
import {
  badBoolean,
  badBoundedInt,
  badIds,
  badString,
  badText,
  badWeekdays,
  missing,
  notAnObject,
  NONEXISTENT_ID,
  TEN_KB,
  unknownKeys,
  WRONG_DATES,
  WRONG_TIMES,
  type BadInputCase,
  type BadInputFixture,
  type ProcedureBadInputs,
} from './bad-input-kit';

type Obj = Record<string, unknown>;

/** The kind of a group: one of circle, course, lesson. */
function badKind(base: Obj, kinds = ['Circle', 'halaqa', 'lessons']): BadInputCase[] {
  return badString(base, 'kind', kinds);
}

function otherAcademy(base: Obj, f: BadInputFixture): BadInputCase[] {
  return [...badIds(base, 'academyId', { optional: true }), { what: 'academyId of another academy', input: { ...base, academyId: f.otherAcademyId }, expect: 'NOT_FOUND' }];
}

function groupRef(f: BadInputFixture): Obj {
  return { kind: 'circle', groupId: f.circleId };
}

function scheduleRefCases(f: BadInputFixture): BadInputCase[] {
  const base = { scheduleId: f.scheduleId };
  return [...notAnObject(), ...unknownKeys(base), ...badIds(base, 'scheduleId'), ...otherAcademy(base, f)];
}

const WRONG_ZONES = ['+03:00', 'EST', 'GMT+3', 'Mars/Olympus_Mons', 'asia/riyadh', '../../etc/passwd', 'Asia/Riyadh ', 'x'.repeat(65)];

export const GROUP_BAD_INPUT_CASES: Record<string, ProcedureBadInputs> = {
  'groups.list': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { kind: 'circle' };
      return [
        ...notAnObject({ optional: true }),
        ...unknownKeys(base),
        ...badString(base, 'kind', ['Circle', 'lessons'], { optional: true }),
        ...badBoolean({ archived: false }, 'archived'),
        ...otherAcademy(base, f),
      ];
    },
  },
  'groups.get': {
    as: 'supervisor',
    cases: (f) => {
      const base = groupRef(f);
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badKind(base),
        ...badIds(base, 'groupId'),
        { what: 'a circle asked for as a course', input: { ...base, kind: 'course' }, expect: 'NOT_FOUND' },
        ...otherAcademy(base, f),
      ];
    },
  },
  'groups.create': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { kind: 'circle', name: 'حلقة جديدة', teacherId: f.teacherId };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badKind(base),
        ...badText(base, 'name', 200),
        ...badIds(base, 'teacherId', { unknown: 'BAD_REQUEST' }),
        { what: 'a student as the teacher', input: { ...base, teacherId: f.studentId } },
        { what: 'a teacher of another academy', input: { ...base, teacherId: f.otherAcademyUserId } },
        { what: 'a lesson without its student', input: { ...base, kind: 'lesson' } },
        { what: 'a lesson with studentIds', input: { ...base, kind: 'lesson', studentId: f.studentId, studentIds: [f.studentId] } },
        { what: 'a lesson whose student is a teacher', input: { ...base, kind: 'lesson', studentId: f.teacherId } },
        { what: 'a circle with a studentId', input: { ...base, studentId: f.studentId } },
        { what: 'studentIds repeating', input: { ...base, studentIds: [f.studentId, f.studentId] } },
        { what: 'studentIds naming a teacher', input: { ...base, studentIds: [f.teacherId] } },
        { what: 'studentIds of no one', input: { ...base, studentIds: [NONEXISTENT_ID] } },
        { what: 'studentIds of 501', input: { ...base, studentIds: Array.from({ length: 501 }, (_, i) => i + 1) } },
        { what: 'studentIds a string', input: { ...base, studentIds: TEN_KB } },
        ...otherAcademy(base, f),
      ];
    },
  },
  'groups.update': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { ...groupRef(f), name: 'اسم جديد' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badKind(base),
        ...badIds(base, 'groupId'),
        { what: 'nothing to change', input: groupRef(f) },
        ...badText(base, 'name', 200, { optional: true }),
        ...badIds(base, 'teacherId', { optional: true, unknown: 'BAD_REQUEST' }),
        { what: 'a student as the teacher', input: { ...base, teacherId: f.studentId } },
        ...otherAcademy(base, f),
      ];
    },
  },
  'groups.setArchived': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { ...groupRef(f), archived: false };
      return [...notAnObject(), ...unknownKeys(base), ...badKind(base), ...badIds(base, 'groupId'), ...badBoolean(base, 'archived'), missing(base, 'archived'), ...otherAcademy(base, f)];
    },
  },
  'groups.addMember': {
    as: 'academy_admin',
    cases: (f) => {
      // The fixture's student is already a member: an accepted call writes nothing either way, so these name a fresh circle.
      const base = { ...groupRef(f), studentId: f.studentId };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'kind', ['lesson', 'Circle']),
        ...badIds(base, 'groupId'),
        ...badIds(base, 'studentId', { unknown: 'BAD_REQUEST' }),
        { what: 'a teacher as a member', input: { ...base, studentId: f.teacherId } },
        ...otherAcademy(base, f),
      ];
    },
  },
  'groups.removeMember': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { ...groupRef(f), studentId: f.studentId };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badString(base, 'kind', ['lesson', 'Circle']),
        ...badIds(base, 'groupId'),
        ...badIds(base, 'studentId'),
        { what: 'someone not in the group', input: { ...base, studentId: f.teacherId }, expect: 'NOT_FOUND' },
        ...otherAcademy(base, f),
      ];
    },
  },
  'scheduling.rescheduleSession': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { sessionId: f.freshSessionId, localDate: '2031-03-04', localTime: '10:00' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'sessionId'),
        ...badString(base, 'localDate', WRONG_DATES),
        ...badString(base, 'localTime', WRONG_TIMES),
        { what: 'into the past', input: { ...base, localDate: '2001-01-01' } },
        { what: 'a title alongside (that is an edit)', input: { ...base, title: 'x' } },
      ];
    },
  },
  'scheduling.getSchedule': { as: 'supervisor', cases: scheduleRefCases },
  'scheduling.pauseSchedule': { as: 'academy_admin', cases: scheduleRefCases },
  'scheduling.resumeSchedule': { as: 'academy_admin', cases: scheduleRefCases },
  'scheduling.endSchedule': { as: 'academy_admin', cases: scheduleRefCases },
  'scheduling.updateSchedule': {
    as: 'academy_admin',
    cases: (f) => {
      const base = { scheduleId: f.scheduleId, title: 'أسبوعية' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        ...badIds(base, 'scheduleId'),
        { what: 'nothing to change', input: { scheduleId: f.scheduleId } },
        ...badText(base, 'title', 200, { optional: true }),
        ...badIds(base, 'teacherId', { optional: true, unknown: 'BAD_REQUEST' }),
        { what: 'a student as the teacher', input: { ...base, teacherId: f.studentId } },
        ...badWeekdays(base, 'weekdays', { optional: true }),
        ...badString(base, 'localTime', WRONG_TIMES, { optional: true }),
        ...badBoundedInt(base, 'durationMinutes', 1, 600),
        ...badString(base, 'endDate', WRONG_DATES, { optional: true }),
        { what: 'endDate before the start', input: { ...base, endDate: '2030-01-01' } },
        { what: 'endDate more than two years on', input: { ...base, endDate: '2040-01-01' } },
        ...badBoundedInt(base, 'count', 1, 500),
        { what: 'count and endDate both', input: { ...base, count: 2, endDate: '2031-03-01' } },
        ...otherAcademy(base, f),
      ];
    },
  },
  'session.calendar': {
    as: 'teacher',
    cases: (f) => {
      const base = { from: new Date('2031-01-05T00:00:00Z'), to: new Date('2031-01-12T00:00:00Z') };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        { what: 'from a string', input: { ...base, from: '2031-01-05' } },
        { what: 'to a number', input: { ...base, to: 1_900_000_000_000 } },
        { what: 'from an invalid date', input: { ...base, from: new Date(NaN) } },
        missing(base, 'from'),
        missing(base, 'to'),
        { what: 'to before from', input: { from: base.to, to: base.from } },
        { what: 'to equal to from', input: { ...base, to: base.from } },
        { what: 'more than 42 days', input: { ...base, to: new Date('2031-03-01T00:00:00Z') } },
        ...otherAcademy(base, f),
      ];
    },
  },
  'profile.setTimezone': {
    as: 'teacher',
    cases: (f) => {
      const base = { timezone: 'Europe/London' };
      return [
        ...notAnObject(),
        ...unknownKeys(base),
        { what: 'another user’s id alongside', input: { ...base, userId: f.studentId } },
        ...badString(base, 'timezone', WRONG_ZONES).filter((c) => c.what !== 'timezone null'),
      ];
    },
  },
};
