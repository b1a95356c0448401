import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents } from '@/server/db/schema';
import type { SessionKind } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { finalizeSessionInTx } from './finalize-session';
import { getSessionInfo, recomputeRecord } from './record-store';

const db = testDb();
const MINUTE = 60_000;
const call = (actor: Actor | null) => callerFor(testDeps(), actor);

/** Connections as [join, leave] minutes after the start; a null leave stays open. */
type Spans = [number, number | null][];

async function attend(session: { id: number; academyId: number; scheduledAt: Date }, userId: number, spans: Spans) {
  const at = (minutes: number) => new Date(session.scheduledAt.getTime() + minutes * MINUTE);
  const rows = spans.flatMap(([join, leave], i) => {
    const sid = `PA_${userId}x${i}x${randomUUID().slice(0, 6)}`;
    const base = { academyId: session.academyId, sessionId: session.id, userId, participantSid: sid, source: 'webhook' as const };
    return [
      { ...base, kind: 'join' as const, occurredAt: at(join), sourceEventId: `EV_${randomUUID()}` },
      ...(leave === null ? [] : [{ ...base, kind: 'leave' as const, occurredAt: at(leave), sourceEventId: `EV_${randomUUID()}` }]),
    ];
  });
  if (rows.length) await db.insert(attendanceEvents).values(rows);
}

async function finalize(session: { id: number; scheduledAt: Date; durationMinutes: number }) {
  const now = new Date(session.scheduledAt.getTime() + (session.durationMinutes + 5) * MINUTE);
  return db.transaction((tx) => finalizeSessionInTx(tx, session.id, { now }));
}

let admin: Actor, supervisor: Actor, teacher1: Actor, teacher2: Actor, student1: Actor, otherAdmin: Actor, superAdmin: Actor;
let academyId: number;
let otherTeacherId: number;
let circleSession: { id: number }, lateNightSession: { id: number }, emptySession: { id: number }, liveSession: { id: number };
let studentIds: number[];

beforeAll(async () => {
  const academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  academyId = academy.id;
  const make = (role: 'academy_admin' | 'supervisor' | 'teacher' | 'student', name?: string) =>
    createUser(db, { academyId: academy.id, role, ...(name ? { name } : {}) });
  admin = actorOf(await make('academy_admin'));
  supervisor = actorOf(await make('supervisor'));
  const t1 = await make('teacher', 'الشيخ أحمد');
  const t2 = await make('teacher', 'Ustadh Bilal');
  [teacher1, teacher2] = [actorOf(t1), actorOf(t2)];
  const students = await Promise.all(['مريم', 'Yusuf', 'فاطمة', 'Omar', 'زينب'].map((name) => make('student', name)));
  studentIds = students.map((s) => s.id);
  student1 = actorOf(students[0]!);
  const circle = await createCircle(db, { academyId, teacherId: t1.id, studentIds });
  const session = (input: { teacherId: number; kind: SessionKind; scheduledAt: string; durationMinutes: number; status?: 'ongoing'; circleId?: number; studentId?: number }) =>
    createSession(db, { academyId, status: 'ongoing', ...input, scheduledAt: new Date(input.scheduledAt) });

  // 19:00 in Riyadh on Monday 2025-03-10; 120 minutes so a late joiner can still reach 80 %.
  const a = await session({ teacherId: t1.id, kind: 'quran', circleId: circle.id, scheduledAt: '2025-03-10T16:00:00Z', durationMinutes: 120 });
  await attend(a, t1.id, [[-5, 121]]);
  await attend(a, studentIds[0]!, [[-2, 120]]); // present, 100 %
  await attend(a, studentIds[1]!, [[20, 120]]); // late, 83.33 %
  await attend(a, studentIds[2]!, [[0, 60]]); // partial, 50 %
  await attend(a, studentIds[3]!, [[10, 30]]); // absent, 16.67 %
  // studentIds[4] never comes: finalisation writes an absent record.
  await finalize(a);

  // 22:30 UTC on the 10th is 01:30 on the 11th in Riyadh.
  const b = await session({ teacherId: t2.id, kind: 'academic', studentId: studentIds[0]!, scheduledAt: '2025-03-10T22:30:00Z', durationMinutes: 60 });
  await attend(b, t2.id, [[0, 60]]);
  await attend(b, studentIds[0]!, [[0, 60]]);
  await finalize(b);

  // The student never comes; the teacher stays half the time (teacher thresholds 50/90: partial).
  const c = await session({ teacherId: t1.id, kind: 'quran', studentId: studentIds[2]!, scheduledAt: '2025-03-12T10:00:00Z', durationMinutes: 60 });
  await attend(c, t1.id, [[0, 30]]);
  await finalize(c);

  // Still live: its records are not final and stay out of the academy figures.
  const d = await session({ teacherId: t1.id, kind: 'quran', studentId: studentIds[1]!, scheduledAt: '2025-03-12T12:00:00Z', durationMinutes: 60 });
  await attend(d, studentIds[1]!, [[0, null]]);
  await recomputeRecord(db, (await getSessionInfo(db, d.id))!, studentIds[1]!, { now: new Date('2025-03-12T12:30:00Z') });

  // Outside the range.
  const e = await session({ teacherId: t1.id, kind: 'quran', studentId: studentIds[0]!, scheduledAt: '2025-03-20T10:00:00Z', durationMinutes: 60 });
  await attend(e, studentIds[0]!, [[0, 60]]);
  await finalize(e);

  // Another academy with a session on the same day must never show up.
  const other = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  otherAdmin = actorOf(await createUser(db, { academyId: other.id, role: 'academy_admin' }));
  const otherTeacher = await createUser(db, { academyId: other.id, role: 'teacher' });
  otherTeacherId = otherTeacher.id;
  const otherStudent = await createUser(db, { academyId: other.id, role: 'student' });
  const f = await createSession(db, { academyId: other.id, teacherId: otherTeacher.id, studentId: otherStudent.id, status: 'ongoing', scheduledAt: new Date('2025-03-10T16:00:00Z') });
  await attend(f, otherStudent.id, [[0, 60]]);
  await finalize(f);

  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
  [circleSession, lateNightSession, emptySession, liveSession] = [a, b, c, d];
});

afterAll(closeTestDb);

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  // tRPC errors carry their code; modules may not import the transport's error class.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : `resolved or unexpected: ${String(error)}`;
}

describe('attendance.sessionStats', () => {
  it('counts students by effective status and reports the teacher apart', async () => {
    const stats = await call(teacher1).attendance.sessionStats({ sessionId: circleSession.id });
    expect(stats.final).toBe(true);
    expect(stats.students).toEqual({
      totalParticipants: 5,
      present: 1,
      late: 1,
      partial: 1,
      absent: 2,
      inClass: 0,
      left: 0,
      averagePercentage: 50,
      attendedSeconds: 7200 + 6000 + 3600 + 1200,
    });
    expect(stats.teachers).toMatchObject({ totalParticipants: 1, present: 1, averagePercentage: 100, attendedSeconds: 7200 });
  });

  it('measures the meeting from the first join to the last leave', async () => {
    const { meeting } = await call(admin).attendance.sessionStats({ sessionId: circleSession.id });
    expect(meeting).toEqual({
      basis: 'first_join_to_last_leave',
      from: new Date('2025-03-10T15:55:00Z'),
      to: new Date('2025-03-10T18:01:00Z'),
      durationSeconds: 126 * 60,
    });
  });

  it('runs a live meeting to now and says it is not final', async () => {
    const stats = await call(supervisor).attendance.sessionStats({ sessionId: liveSession.id });
    expect(stats.final).toBe(false);
    expect(stats.meeting.basis).toBe('first_join_to_now');
    expect(stats.meeting.durationSeconds).toBeGreaterThan(0);
  });

  it('is for the session teacher and managers only; another academy sees nothing', async () => {
    expect(await codeOf(call(teacher2).attendance.sessionStats({ sessionId: circleSession.id }))).toBe('FORBIDDEN');
    expect(await codeOf(call(student1).attendance.sessionStats({ sessionId: circleSession.id }))).toBe('FORBIDDEN');
    expect(await codeOf(call(otherAdmin).attendance.sessionStats({ sessionId: circleSession.id }))).toBe('NOT_FOUND');
    expect(await codeOf(call(null).attendance.sessionStats({ sessionId: circleSession.id }))).toBe('UNAUTHORIZED');
  });
});

describe('attendance.academyStats', () => {
  const range = { from: '2025-03-10', to: '2025-03-12' };

  it('sums final student records over local dates, grouped by day, teacher, kind and week', async () => {
    const stats = await call(admin).attendance.academyStats(range);
    expect(stats).toMatchObject({ academyId, timezone: 'Asia/Riyadh', granularity: 'week' });
    expect(stats.students.overall).toEqual({
      sessions: 3,
      totalParticipants: 7,
      present: 2,
      late: 1,
      partial: 1,
      absent: 3,
      inClass: 0,
      left: 0,
      averagePercentage: 50,
      attendanceRate: 42.86,
      attendedSeconds: 18_000 + 3600,
    });
    expect(stats.students.byDay.map((d) => [d.date, d.sessions, d.totalParticipants])).toEqual([
      ['2025-03-10', 1, 5],
      ['2025-03-11', 1, 1],
      ['2025-03-12', 1, 1],
    ]);
    expect(stats.students.byTeacher.map((t) => [t.teacherName, t.sessions, t.totalParticipants, t.present])).toEqual([
      ['Ustadh Bilal', 1, 1, 1],
      ['الشيخ أحمد', 2, 6, 1],
    ]);
    expect(stats.students.byKind.map((k) => [k.kind, k.totalParticipants])).toEqual([
      ['quran', 6],
      ['academic', 1],
    ]);
    expect(stats.students.trend.map((p) => [p.periodStart, p.totalParticipants])).toEqual([['2025-03-10', 7]]);
    expect(stats.teachers.overall).toMatchObject({ sessions: 3, totalParticipants: 3, present: 2, partial: 1, averagePercentage: 83.33 });
  });

  it('draws day lines at local midnight, not UTC midnight', async () => {
    const tenth = await call(admin).attendance.academyStats({ from: '2025-03-10', to: '2025-03-10' });
    expect(tenth.students.overall).toMatchObject({ sessions: 1, totalParticipants: 5 });
    const eleventh = await call(admin).attendance.academyStats({ from: '2025-03-11', to: '2025-03-11' });
    expect(eleventh.students.overall).toMatchObject({ sessions: 1, totalParticipants: 1, present: 1 });
    expect(eleventh.students.byTeacher.map((t) => t.teacherId)).toEqual([teacher2.id]);
  });

  it('filters by teacher, kind and student', async () => {
    const byTeacher = await call(admin).attendance.academyStats({ ...range, teacherId: teacher2.id });
    expect(byTeacher.students.overall).toMatchObject({ sessions: 1, totalParticipants: 1, present: 1 });
    const byKind = await call(admin).attendance.academyStats({ ...range, kind: 'quran' });
    expect(byKind.students.overall).toMatchObject({ sessions: 2, totalParticipants: 6, absent: 3 });
    const byStudent = await call(supervisor).attendance.academyStats({ ...range, studentId: studentIds[0]!, granularity: 'day' });
    expect(byStudent.students.overall).toMatchObject({ sessions: 2, totalParticipants: 2, present: 2, averagePercentage: 100 });
    expect(byStudent.teachers.overall).toMatchObject({ sessions: 2, totalParticipants: 2 });
    expect(byStudent.students.trend.map((p) => p.periodStart)).toEqual(['2025-03-10', '2025-03-11']);
  });

  it('gives empty figures for a range without sessions', async () => {
    const stats = await call(admin).attendance.academyStats({ from: '2024-01-01', to: '2024-01-31' });
    expect(stats.students.overall).toMatchObject({ sessions: 0, totalParticipants: 0, averagePercentage: 0, attendanceRate: 0 });
    expect(stats.students.byDay).toEqual([]);
  });

  it('is for managers: teachers are refused, other academies and their people are not found', async () => {
    expect(await codeOf(call(teacher1).attendance.academyStats(range))).toBe('FORBIDDEN');
    expect(await codeOf(call(student1).attendance.academyStats(range))).toBe('FORBIDDEN');
    expect(await codeOf(call(otherAdmin).attendance.academyStats({ ...range, academyId }))).toBe('NOT_FOUND');
    expect(await codeOf(call(admin).attendance.academyStats({ ...range, teacherId: otherTeacherId }))).toBe('NOT_FOUND');
    const others = await call(otherAdmin).attendance.academyStats(range);
    expect(others.students.overall.totalParticipants).toBe(1);
  });

  it('lets the super admin name any academy, and asks them to', async () => {
    expect(await codeOf(call(superAdmin).attendance.academyStats(range))).toBe('BAD_REQUEST');
    const stats = await call(superAdmin).attendance.academyStats({ ...range, academyId });
    expect(stats.students.overall.totalParticipants).toBe(7);
  });

  it('refuses bad ranges', async () => {
    for (const input of [
      { from: '2025-03-12', to: '2025-03-10' },
      { from: '2025-02-30', to: '2025-03-10' },
      { from: '2024-01-01', to: '2025-06-01' },
      { from: '2025-03-10' },
      { ...range, granularity: 'year' },
    ]) {
      expect(await codeOf(call(admin).attendance.academyStats(input as never))).toBe('BAD_REQUEST');
    }
  });
});

describe('attendance.listRecords', () => {
  it('lists a session’s records, teacher first, filtered by effective status and type', async () => {
    const all = await call(teacher1).attendance.listRecords({ sessionId: circleSession.id });
    expect(all.map((r) => r.userType)).toEqual(['teacher', 'student', 'student', 'student', 'student', 'student']);
    const absent = await call(admin).attendance.listRecords({ sessionId: circleSession.id, status: 'absent' });
    expect(absent.map((r) => r.userId).sort()).toEqual([studentIds[3]!, studentIds[4]!].sort());
    expect(absent.every((r) => r.override === null && r.isFinal)).toBe(true);
    const teachers = await call(admin).attendance.listRecords({ sessionId: emptySession.id, userType: 'teacher' });
    expect(teachers).toMatchObject([{ userId: teacher1.id, status: 'partial', percentage: 50 }]);
    const inRoom = await call(admin).attendance.listRecords({ sessionId: liveSession.id, inRoom: true });
    expect(inRoom.map((r) => r.userId)).toEqual([studentIds[1]!]);
  });

  it('refuses other teachers and other academies', async () => {
    expect(await codeOf(call(teacher2).attendance.listRecords({ sessionId: circleSession.id }))).toBe('FORBIDDEN');
    expect(await codeOf(call(otherAdmin).attendance.listRecords({ sessionId: lateNightSession.id }))).toBe('NOT_FOUND');
  });
});
