/**
 * The dashboards' academy-wide reads against real Postgres: the attendance
 * table (final records, effective status, filters), the sessions table, live
 * meetings (managers' academy, a teacher's own), the directory and the super
 * admin's academy list; another academy is NOT_FOUND, other roles FORBIDDEN.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents, attendanceRecords, meetings } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { finalizeSessionInTx } from '@/server/modules/attendance';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
const MINUTE = 60_000;
const call = (actor: Actor | null) => callerFor(testDeps(), actor);

/** tRPC errors carry their code; modules may not import the transport's error class. */
async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') return code;
    throw error;
  }
}

let admin: Actor, supervisor: Actor, teacher: Actor, otherTeacher: Actor, student: Actor, parent: Actor, otherAdmin: Actor, superAdmin: Actor;
let academyId: number, otherAcademyId: number;
let finished: { id: number }, live: { id: number }, othersLive: { id: number };
let yusufId: number, maryamId: number;

beforeAll(async () => {
  const academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  const other = await createAcademy(db);
  academyId = academy.id;
  otherAcademyId = other.id;
  const make = (role: Actor['role'], name?: string, academy = academyId) => createUser(db, { academyId: academy, role, ...(name ? { name } : {}) }).then(actorOf);
  admin = await make('academy_admin');
  supervisor = await make('supervisor');
  teacher = await make('teacher', 'أحمد');
  otherTeacher = await make('teacher', 'Bilal');
  student = await make('student', 'يوسف');
  const maryam = await make('student', 'مريم');
  parent = await make('parent');
  otherAdmin = await make('academy_admin', undefined, otherAcademyId);
  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
  yusufId = student.id;
  maryamId = maryam.id;
  const circle = await createCircle(db, { academyId, teacherId: teacher.id, name: 'حلقة', studentIds: [yusufId, maryamId] });

  // 10:00 in Riyadh on 2025-03-10, finished: teacher and Yusuf whole, Maryam 25 of 60 minutes.
  const done = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, title: 'Tajweed', scheduledAt: new Date('2025-03-10T07:00:00Z'), status: 'ongoing' });
  finished = done;
  const at = (m: number) => new Date(done.scheduledAt.getTime() + m * MINUTE);
  await db.insert(meetings).values({ academyId, sessionId: done.id, roomName: `dash-${randomUUID()}`, joinUrl: '/room', options: {}, createdAt: at(-10), expiresAt: at(120) });
  const spans: [number, number, number][] = [
    [teacher.id, -2, 60],
    [yusufId, 1, 60],
    [maryamId, 20, 35],
    [maryamId, 45, 55],
  ];
  await db.insert(attendanceEvents).values(
    spans.flatMap(([userId, from, to], i) => {
      const base = { academyId, sessionId: done.id, userId, participantSid: `PA_dash${i}${randomUUID().slice(0, 6)}`, source: 'webhook' as const };
      return [
        { ...base, kind: 'join' as const, occurredAt: at(from) },
        { ...base, kind: 'leave' as const, occurredAt: at(to) },
      ];
    }),
  );
  await db.transaction((tx) => finalizeSessionInTx(tx, done.id, { now: at(60) }));

  // Open rooms now: the teacher's (two people in it) and another teacher's (empty).
  live = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, title: 'Live', scheduledAt: new Date(), status: 'ongoing' });
  othersLive = await createSession(db, { academyId, teacherId: otherTeacher.id, studentId: yusufId, kind: 'academic', title: 'Other live', scheduledAt: new Date(), status: 'ready' });
  for (const s of [live, othersLive]) {
    await db.insert(meetings).values({ academyId, sessionId: s.id, roomName: `dash-${randomUUID()}`, joinUrl: '/room', options: {}, expiresAt: new Date(Date.now() + 3600_000) });
  }
  await db.insert(attendanceRecords).values([
    { academyId, sessionId: live.id, userId: teacher.id, userType: 'teacher', status: 'present', inRoom: true },
    { academyId, sessionId: live.id, userId: yusufId, userType: 'student', status: 'present', inRoom: true },
    { academyId, sessionId: live.id, userId: maryamId, userType: 'student', status: 'absent', inRoom: false },
  ]);
});

afterAll(closeTestDb);

const range = { from: '2025-03-10', to: '2025-03-10' };

describe('academies.attendance', () => {
  it('lists the final records with their effective statuses', async () => {
    const result = await call(admin).academies.attendance(range);
    expect(result.total).toBe(3);
    expect(result.rows.map((r) => [r.name, r.userType, r.status])).toEqual([
      ['أحمد', 'teacher', 'present'],
      ['مريم', 'student', 'partial'],
      ['يوسف', 'student', 'present'],
    ]);
    expect(result.rows.every((r) => r.sessionId === finished.id && r.sessionTitle === 'Tajweed')).toBe(true);
  });

  it('filters by effective status, person type, teacher, kind and dates', async () => {
    expect((await call(supervisor).academies.attendance({ ...range, status: 'partial' })).rows.map((r) => r.userId)).toEqual([maryamId]);
    expect((await call(admin).academies.attendance({ ...range, userType: 'teacher' })).rows.map((r) => r.userId)).toEqual([teacher.id]);
    expect((await call(admin).academies.attendance({ ...range, teacherId: otherTeacher.id })).total).toBe(0);
    expect((await call(admin).academies.attendance({ ...range, kind: 'academic' })).total).toBe(0);
    expect((await call(admin).academies.attendance({ from: '2025-03-11', to: '2025-03-31' })).total).toBe(0);
  });

  it('shows an override as the status, and filters by it', async () => {
    await call(admin).attendance.overrideStatus({ sessionId: finished.id, userId: maryamId, status: 'present', reason: 'connection trouble' });
    const rows = (await call(admin).academies.attendance({ ...range, status: 'present' })).rows;
    expect(rows.find((r) => r.userId === maryamId)).toMatchObject({ status: 'present', computedStatus: 'partial', overridden: true });
  });

  it('keeps each academy to itself and refuses other roles and bad ranges', async () => {
    expect(await codeOf(call(otherAdmin).academies.attendance({ ...range, academyId }))).toBe('NOT_FOUND');
    expect((await call(otherAdmin).academies.attendance(range)).total).toBe(0);
    expect(await codeOf(call(admin).academies.attendance({ ...range, teacherId: student.id }))).toBe('NOT_FOUND');
    expect(await codeOf(call(otherAdmin).academies.sessions({ ...range, teacherId: teacher.id }))).toBe('NOT_FOUND');
    expect(await codeOf(call(teacher).academies.attendance(range))).toBe('FORBIDDEN');
    expect(await codeOf(call(parent).academies.attendance(range))).toBe('FORBIDDEN');
    expect(await codeOf(call(superAdmin).academies.attendance(range))).toBe('BAD_REQUEST');
    expect((await call(superAdmin).academies.attendance({ ...range, academyId })).total).toBe(3);
    expect(await codeOf(call(admin).academies.attendance({ from: '2025-03-10', to: '2025-03-01' }))).toBe('BAD_REQUEST');
    expect(await codeOf(call(admin).academies.attendance({ from: '2024-01-01', to: '2025-03-01' }))).toBe('BAD_REQUEST');
  });
});

describe('academies.sessions', () => {
  it("counts each session's students by effective status", async () => {
    const result = await call(admin).academies.sessions(range);
    expect(result.rows).toHaveLength(1);
    expect(result.rows[0]).toMatchObject({ id: finished.id, status: 'completed', audience: 'حلقة', audienceType: 'circle', meeting: 'ended' });
    // Maryam's override to present (above) counts as present.
    expect(result.rows[0]!.students).toEqual({ present: 2, late: 0, partial: 0, absent: 0, inRoom: 0 });
    expect((await call(admin).academies.sessions({ ...range, status: 'cancelled' })).total).toBe(0);
  });
});

describe('academies.liveMeetings', () => {
  it("shows managers every open room of their academy with who is in it", async () => {
    const rows = await call(supervisor).academies.liveMeetings();
    expect(rows.map((r) => r.sessionId).sort()).toEqual([live.id, othersLive.id].sort());
    expect(rows.find((r) => r.sessionId === live.id)).toMatchObject({ inRoom: 2, studentsInRoom: 1, teacherInRoom: true });
    expect(rows.find((r) => r.sessionId === othersLive.id)).toMatchObject({ inRoom: 0, teacherInRoom: false });
  });

  it("shows a teacher only their own sessions' rooms, and nobody else anything", async () => {
    expect((await call(teacher).academies.liveMeetings()).map((r) => r.sessionId)).toEqual([live.id]);
    expect((await call(otherAdmin).academies.liveMeetings()).map((r) => r.sessionId)).toEqual([]);
    expect(await codeOf(call(otherAdmin).academies.liveMeetings({ academyId }))).toBe('NOT_FOUND');
    expect(await codeOf(call(student).academies.liveMeetings())).toBe('FORBIDDEN');
    expect(await codeOf(call(parent).academies.liveMeetings())).toBe('FORBIDDEN');
    expect((await call(superAdmin).academies.liveMeetings({ academyId })).length).toBe(2);
  });
});

describe('academies.directory and academies.list', () => {
  it("lists the academy's own people and groups for its managers", async () => {
    const dir = await call(admin).academies.directory();
    expect(dir.academy.id).toBe(academyId);
    expect(dir.teachers.map((t) => t.name).sort()).toEqual(['Bilal', 'أحمد'].sort());
    expect(dir.students.map((s) => s.id).sort()).toEqual([yusufId, maryamId].sort());
    expect(dir.circles.map((c) => c.name)).toEqual(['حلقة']);
    expect((await call(otherAdmin).academies.directory()).students).toEqual([]);
    expect(await codeOf(call(teacher).academies.directory())).toBe('FORBIDDEN');
  });

  it('lists academies with their figures for the super admin only', async () => {
    const list = await call(superAdmin).academies.list();
    expect(list.find((a) => a.id === academyId)).toMatchObject({ teachers: 2, students: 2, liveMeetings: 2 });
    expect(list.some((a) => a.id === otherAcademyId)).toBe(true);
    expect(await codeOf(call(admin).academies.list())).toBe('FORBIDDEN');
  });
});
