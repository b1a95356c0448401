/**
 * Editing, pausing, resuming and ending a weekly schedule on the real
 * database: past, live and cancelled sessions are never touched, the future
 * is regenerated at the new wall time in the schedule's timezone across a
 * DST change (New York, spring forward on Sunday 2031-03-09), and a day that
 * kept a session gets no second one.
 */
import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '@/server/db/schema';
import { fixedClock } from '@/server/lib/clock';
import { createAcademy, createCircle, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { localDateTime } from './session-view';

const db = testDb();
const ZONE = 'America/New_York';
type User = Awaited<ReturnType<typeof createUser>>;
let academyId: number;
let admin: User;
let teacher: User;
let circleId: number;

/** A caller whose clock reads `now`. */
const at = (now: string, user: User = admin) => callerFor(testDeps({ clock: fixedClock(now) }), actorOf(user));

beforeAll(async () => {
  const academy = await createAcademy(db, { timezone: ZONE });
  academyId = academy.id;
  admin = await createUser(db, { academyId, role: 'academy_admin' });
  teacher = await createUser(db, { academyId, role: 'teacher' });
  const student = await createUser(db, { academyId, role: 'student' });
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] })).id;
});

afterAll(closeTestDb);

async function sessionsOf(scheduleId: number) {
  return db.select().from(sessions).where(and(eq(sessions.scheduleId, scheduleId), eq(sessions.academyId, academyId))).orderBy(asc(sessions.scheduledAt));
}

async function weekly(overrides: Record<string, unknown> = {}) {
  const created = await at('2031-02-20T00:00:00Z').scheduling.createWeeklySchedule({
    kind: 'quran',
    title: 'حلقة المساء',
    teacherId: teacher.id,
    circleId,
    weekdays: [0, 2],
    localTime: '17:00',
    durationMinutes: 60,
    startDate: '2031-02-23',
    endDate: '2031-03-25',
    ...overrides,
  });
  return created.schedule.id;
}

const local = (s: { scheduledAt: Date }) => localDateTime(s.scheduledAt, ZONE);

describe('scheduling.updateSchedule', () => {
  it('regenerates only the untouched future, at the new wall time on both sides of the DST change', async () => {
    const scheduleId = await weekly();
    const initial = await sessionsOf(scheduleId);
    expect(initial.map((s) => local(s).date)).toEqual([
      '2031-02-23', '2031-02-25', '2031-03-02', '2031-03-04', '2031-03-09', '2031-03-11', '2031-03-16', '2031-03-18', '2031-03-23', '2031-03-25',
    ]);
    const byDate = new Map(initial.map((s) => [local(s).date, s]));
    // The past as it happened: held, missed, cancelled; today's class already live; next week's cancelled ahead of time.
    const mark = (date: string, patch: Partial<typeof sessions.$inferInsert>) => db.update(sessions).set(patch).where(eq(sessions.id, byDate.get(date)!.id));
    await mark('2031-02-23', { status: 'completed', startedAt: new Date('2031-02-23T22:00:00Z'), endedAt: new Date('2031-02-23T23:00:00Z') });
    await mark('2031-02-25', { status: 'absent' });
    await mark('2031-03-02', { status: 'cancelled', cancelReason: 'storm' });
    await mark('2031-03-04', { status: 'ongoing', startedAt: new Date('2031-03-04T11:55:00Z') });
    await mark('2031-03-11', { status: 'cancelled', cancelReason: 'holiday' });
    const keptDates = ['2031-02-23', '2031-02-25', '2031-03-02', '2031-03-04', '2031-03-11'];
    const keptBefore = (await sessionsOf(scheduleId)).filter((s) => keptDates.includes(local(s).date));

    // Tuesday 2031-03-04, 07:00 in New York (EST).
    const change = await at('2031-03-04T12:00:00Z').scheduling.updateSchedule({ scheduleId, weekdays: [1, 2, 3], localTime: '18:30', durationMinutes: 45 });
    expect(change).toMatchObject({ removed: 5, schedule: { weekdays: [1, 2, 3], localTime: '18:30', durationMinutes: 45, state: 'active' } });

    const after = await sessionsOf(scheduleId);
    const keptAfter = after.filter((s) => keptDates.includes(local(s).date));
    expect(keptAfter).toEqual(keptBefore);
    const fresh = after.filter((s) => !keptDates.includes(local(s).date));
    // Tuesdays 03-04 and 03-11 kept their sessions, so they get no second one.
    expect(fresh.map((s) => local(s).date)).toEqual(['2031-03-05', '2031-03-10', '2031-03-12', '2031-03-17', '2031-03-18', '2031-03-19', '2031-03-24', '2031-03-25']);
    expect(change.created).toBe(fresh.length);
    for (const s of fresh) {
      expect(local(s).time).toBe('18:30');
      expect(s).toMatchObject({ status: 'scheduled', durationMinutes: 45, title: 'حلقة المساء', circleId, teacherId: teacher.id });
    }
    // 18:30 EST is 23:30Z before the change, 18:30 EDT 22:30Z after it.
    expect(fresh[0]!.scheduledAt.toISOString()).toBe('2031-03-05T23:30:00.000Z');
    expect(fresh[1]!.scheduledAt.toISOString()).toBe('2031-03-10T22:30:00.000Z');
  });

  it('a later last date adds weeks; an earlier one drops them; nothing before now moves', async () => {
    const scheduleId = await weekly({ weekdays: [0], endDate: '2031-03-10' });
    expect((await sessionsOf(scheduleId)).map((s) => local(s).date)).toEqual(['2031-02-23', '2031-03-02', '2031-03-09']);
    const longer = await at('2031-03-01T00:00:00Z').scheduling.updateSchedule({ scheduleId, endDate: '2031-03-24' });
    expect(longer).toMatchObject({ removed: 2, created: 4, schedule: { endDate: '2031-03-24', count: null } });
    const first = (await sessionsOf(scheduleId))[0]!;
    expect(local(first).date).toBe('2031-02-23');
    const shorter = await at('2031-03-01T00:00:00Z').scheduling.updateSchedule({ scheduleId, endDate: '2031-03-03' });
    expect(shorter).toMatchObject({ removed: 4, created: 1 });
    expect((await sessionsOf(scheduleId)).map((s) => local(s).date)).toEqual(['2031-02-23', '2031-03-02']);
    expect((await sessionsOf(scheduleId))[0]).toEqual(first);
  });

  it('refuses another academy’s schedule, a teacher, bad rules, and an ended schedule', async () => {
    const scheduleId = await weekly();
    const away = await createAcademy(db);
    const outsider = await createUser(db, { academyId: away.id, role: 'academy_admin' });
    await expect(at('2031-02-21T00:00:00Z', outsider).scheduling.updateSchedule({ scheduleId, title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(at('2031-02-21T00:00:00Z', teacher).scheduling.updateSchedule({ scheduleId, title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const before = await sessionsOf(scheduleId);
    await expect(at('2031-02-21T00:00:00Z').scheduling.updateSchedule({ scheduleId, endDate: '2031-01-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(await sessionsOf(scheduleId)).toEqual(before);
    await at('2031-02-21T00:00:00Z').scheduling.endSchedule({ scheduleId });
    await expect(at('2031-02-21T00:00:00Z').scheduling.updateSchedule({ scheduleId, title: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(at('2031-02-21T00:00:00Z').scheduling.resumeSchedule({ scheduleId })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('pause, resume and end', () => {
  it('pausing removes the untouched future, resuming brings it back from now, ending removes it for good; the past stays', async () => {
    const scheduleId = await weekly();
    const all = await sessionsOf(scheduleId);
    const held = all[0]!;
    await db.update(sessions).set({ status: 'completed' }).where(eq(sessions.id, held.id));
    const heldRow = (await sessionsOf(scheduleId))[0]!;

    const paused = await at('2031-03-01T00:00:00Z').scheduling.pauseSchedule({ scheduleId });
    // Feb 25 is past but still 'scheduled' (a sweep will close it): past, so it stays.
    expect(paused).toMatchObject({ schedule: { state: 'paused' }, removed: 8, created: 0 });
    expect((await sessionsOf(scheduleId)).map((s) => local(s).date)).toEqual(['2031-02-23', '2031-02-25']);
    await expect(at('2031-03-01T00:00:00Z').scheduling.pauseSchedule({ scheduleId })).rejects.toMatchObject({ code: 'CONFLICT' });

    const resumed = await at('2031-03-10T00:00:00Z').scheduling.resumeSchedule({ scheduleId });
    expect(resumed).toMatchObject({ schedule: { state: 'active' }, removed: 0 });
    expect((await sessionsOf(scheduleId)).map((s) => local(s).date)).toEqual(['2031-02-23', '2031-02-25', '2031-03-11', '2031-03-16', '2031-03-18', '2031-03-23', '2031-03-25']);

    const ended = await at('2031-03-12T00:00:00Z').scheduling.endSchedule({ scheduleId });
    expect(ended).toMatchObject({ schedule: { state: 'ended' }, removed: 4, created: 0 });
    expect((await sessionsOf(scheduleId)).map((s) => local(s).date)).toEqual(['2031-02-23', '2031-02-25', '2031-03-11']);
    expect((await sessionsOf(scheduleId))[0]).toEqual(heldRow);
  });
});
