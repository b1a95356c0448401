/**
 * The profile procedures on real Postgres: the language choice persists on
 * the user and clears back to the academy default; a parent sees each child's
 * sessions with that child's own attendance, never a session their child is
 * not in; nobody but a parent has children.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRecords, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
const call = (actor: Actor | null) => callerFor(testDeps(), actor);
const HOUR = 3600_000;

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

let parent: Actor, child: Actor, classmate: Actor, teacher: Actor, otherParent: Actor;
let circleSessionId: number, classmateOnlyId: number, futureId: number;

beforeAll(async () => {
  const academy = await createAcademy(db, { defaultLocale: 'ar' });
  const make = (role: Actor['role'], name?: string) => createUser(db, { academyId: academy.id, role, ...(name ? { name } : {}) }).then(actorOf);
  parent = await make('parent');
  otherParent = await make('parent');
  child = await make('student', 'يوسف');
  classmate = await make('student', 'مريم');
  teacher = await make('teacher');
  await linkParent(db, academy.id, parent.id, child.id);
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [child.id, classmate.id] });
  const past = new Date(Date.now() - 5 * HOUR);
  const inCircle = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, title: 'Circle', scheduledAt: past, status: 'completed' });
  const classmateOnly = await createSession(db, { academyId: academy.id, teacherId: teacher.id, studentId: classmate.id, title: 'Classmate only', scheduledAt: past, status: 'completed' });
  const future = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, title: 'Tomorrow', scheduledAt: new Date(Date.now() + 24 * HOUR) });
  [circleSessionId, classmateOnlyId, futureId] = [inCircle.id, classmateOnly.id, future.id];
  await db.insert(attendanceRecords).values([
    { academyId: academy.id, sessionId: inCircle.id, userId: child.id, userType: 'student', status: 'partial', percentage: 55, totalSeconds: 1980, isFinal: true },
    { academyId: academy.id, sessionId: inCircle.id, userId: classmate.id, userType: 'student', status: 'present', percentage: 100, totalSeconds: 3600, isFinal: true },
    { academyId: academy.id, sessionId: classmateOnly.id, userId: classmate.id, userType: 'student', status: 'present', percentage: 100, totalSeconds: 3600, isFinal: true },
  ]);
});

afterAll(closeTestDb);

describe('profile.setLocale', () => {
  it('stores the choice on the user and clears it back to the academy default', async () => {
    expect((await call(child).profile.me()).locale).toBeNull();
    expect((await call(child).profile.me()).academy?.defaultLocale).toBe('ar');
    await call(child).profile.setLocale({ locale: 'en' });
    expect((await call(child).profile.me()).locale).toBe('en');
    const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, child.id));
    expect(row?.locale).toBe('en');
    await call(child).profile.setLocale({ locale: null });
    expect((await call(child).profile.me()).locale).toBeNull();
  });

  it('refuses anything but ar, en or null, and the signed-out', async () => {
    expect(await codeOf(call(child).profile.setLocale({ locale: 'fr' } as never))).toBe('BAD_REQUEST');
    expect(await codeOf(call(child).profile.setLocale({ locale: 'en', userId: parent.id } as never))).toBe('BAD_REQUEST');
    expect(await codeOf(call(null).profile.setLocale({ locale: 'en' }))).toBe('UNAUTHORIZED');
    expect((await call(child).profile.me()).locale).toBeNull();
  });
});

describe('profile.children', () => {
  it("lists the child's past sessions with the child's own attendance only", async () => {
    const [entry, ...rest] = await call(parent).profile.children();
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({ childId: child.id, name: 'يوسف', counts: { present: 0, late: 0, partial: 1, absent: 0 } });
    expect(entry!.sessions.map((s) => s.sessionId)).toEqual([circleSessionId]);
    expect(entry!.sessions[0]!.attendance).toEqual({ status: 'partial', percentage: 55, totalSeconds: 1980, isFinal: true, liveState: null });
    const ids = entry!.sessions.map((s) => s.sessionId);
    expect(ids).not.toContain(classmateOnlyId);
    expect(ids).not.toContain(futureId);
  });

  it('gives a parent without children nothing, and everyone else FORBIDDEN', async () => {
    expect(await call(otherParent).profile.children()).toEqual([]);
    expect(await codeOf(call(child).profile.children())).toBe('FORBIDDEN');
    expect(await codeOf(call(teacher).profile.children())).toBe('FORBIDDEN');
    expect(await codeOf(call(parent).profile.children({ days: 0 }))).toBe('BAD_REQUEST');
  });
});
