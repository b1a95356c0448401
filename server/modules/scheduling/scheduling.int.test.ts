/**
 * The scheduling procedures through createCaller, on the real database and
 * livekit-server. Sessions are placed in 2031 (with a clock fixed before
 * them), out of reach of any sweep run near the real time.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academyVideoSettings, meetings, sessions } from '@/server/db/schema';
import { fixedClock } from '@/server/lib/clock';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps, unreachableLivekit } from '@/server/testing/integration';
import { localParts } from './eligibility';

const db = testDb();
const deps = testDeps({ clock: fixedClock('2031-03-01T00:00:00Z') });
const livekit = () => createLivekitGateway(integrationConfig().livekit);

type User = Awaited<ReturnType<typeof createUser>>;
let academy: Awaited<ReturnType<typeof createAcademy>>;
let admin: User;
let supervisor: User;
let teacher: User;
let otherTeacher: User;
let student: User;
let circleId: number;
let outsider: User;

const as = (user: User) => callerFor(deps, actorOf(user));

beforeAll(async () => {
  academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
  admin = await createUser(db, { academyId: academy.id, role: 'academy_admin' });
  supervisor = await createUser(db, { academyId: academy.id, role: 'supervisor' });
  teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  otherTeacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  student = await createUser(db, { academyId: academy.id, role: 'student' });
  circleId = (await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] })).id;
  const away = await createAcademy(db);
  outsider = await createUser(db, { academyId: away.id, role: 'academy_admin' });
});

afterAll(closeTestDb);

const oneSession = (overrides: Record<string, unknown> = {}) => ({
  kind: 'quran' as const,
  title: 'حلقة الفجر',
  teacherId: teacher.id,
  circleId,
  localDate: '2031-05-10',
  localTime: '17:00',
  durationMinutes: 45,
  ...overrides,
});

describe('scheduling.createSession', () => {
  it('stores the local time in the academy timezone as UTC', async () => {
    const session = await as(admin).scheduling.createSession(oneSession());
    // Riyadh is UTC+3.
    expect(session.scheduledAt.toISOString()).toBe('2031-05-10T14:00:00.000Z');
    expect(session.local).toEqual({ date: '2031-05-10', time: '17:00', weekday: 6, timezone: 'Asia/Riyadh' });
    expect(session.status).toBe('scheduled');
  });

  it('refuses bad input with BAD_REQUEST and writes nothing', async () => {
    const count = async () => (await db.select({ id: sessions.id }).from(sessions).where(eq(sessions.academyId, academy.id))).length;
    const before = await count();
    const bad = [
      oneSession({ localDate: '2031-02-30' }),
      oneSession({ localTime: '24:00' }),
      oneSession({ localDate: '2030-01-01' }),
      oneSession({ durationMinutes: 0 }),
      oneSession({ studentId: student.id }),
      oneSession({ teacherId: student.id }),
      oneSession({ teacherId: outsider.id }),
      oneSession({ kind: 'interactive_course' }),
      { ...oneSession(), extra: true },
    ];
    for (const input of bad) {
      await expect(as(admin).scheduling.createSession(input as never), JSON.stringify(input)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    expect(await count()).toBe(before);
  });

  it('is for managers only; another academy is not found', async () => {
    await expect(as(teacher).scheduling.createSession(oneSession())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(student).scheduling.createSession(oneSession())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(supervisor).scheduling.createSession(oneSession())).resolves.toMatchObject({ status: 'scheduled' });
    await expect(as(outsider).scheduling.createSession(oneSession({ academyId: academy.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('scheduling.createWeeklySchedule', () => {
  it('keeps a 17:00 London class at 17:00 local across the March change', async () => {
    const london = await createAcademy(db, { timezone: 'Europe/London' });
    const londonAdmin = await createUser(db, { academyId: london.id, role: 'academy_admin' });
    const londonTeacher = await createUser(db, { academyId: london.id, role: 'teacher' });
    const londonStudent = await createUser(db, { academyId: london.id, role: 'student' });
    // Thursdays and Sundays from 20 March 2031; clocks go forward on Sunday 30 March.
    const result = await as(londonAdmin).scheduling.createWeeklySchedule({
      kind: 'academic',
      title: 'Maths',
      teacherId: londonTeacher.id,
      studentId: londonStudent.id,
      weekdays: [4, 0],
      localTime: '17:00',
      durationMinutes: 60,
      startDate: '2031-03-20',
      count: 5,
    });
    expect(result.sessions.map((s) => s.scheduledAt.toISOString())).toEqual([
      '2031-03-20T17:00:00.000Z',
      '2031-03-23T17:00:00.000Z',
      '2031-03-27T17:00:00.000Z',
      '2031-03-30T16:00:00.000Z',
      '2031-04-03T16:00:00.000Z',
    ]);
    for (const s of result.sessions) {
      expect(localParts(s.scheduledAt, 'Europe/London').minuteOfDay).toBe(17 * 60);
      expect(s.scheduleId).toBe(result.schedule.id);
    }
    expect(result.schedule).toMatchObject({ timezone: 'Europe/London', localTime: '17:00', weekdays: [4, 0], count: 5 });
  });

  it('keeps a 17:00 New York class at 17:00 local across the November change', async () => {
    const ny = await createAcademy(db, { timezone: 'America/New_York' });
    const nyAdmin = await createUser(db, { academyId: ny.id, role: 'academy_admin' });
    const nyTeacher = await createUser(db, { academyId: ny.id, role: 'teacher' });
    const nyStudent = await createUser(db, { academyId: ny.id, role: 'student' });
    const result = await as(nyAdmin).scheduling.createWeeklySchedule({
      kind: 'academic',
      title: 'Arabic',
      teacherId: nyTeacher.id,
      studentId: nyStudent.id,
      weekdays: [1],
      localTime: '17:00',
      durationMinutes: 60,
      startDate: '2031-10-20',
      endDate: '2031-11-10',
    });
    expect(result.sessions.map((s) => s.scheduledAt.toISOString())).toEqual([
      '2031-10-20T21:00:00.000Z',
      '2031-10-27T21:00:00.000Z',
      '2031-11-03T22:00:00.000Z',
      '2031-11-10T22:00:00.000Z',
    ]);
    expect(result.sessions.every((s) => s.local.time === '17:00')).toBe(true);
  });

  it('skips occurrences already past, lists the schedule, and cancels what is left of it', async () => {
    const result = await as(admin).scheduling.createWeeklySchedule({
      kind: 'quran',
      title: 'Weekly circle',
      teacherId: teacher.id,
      circleId,
      weekdays: [1, 3],
      localTime: '06:30',
      durationMinutes: 30,
      startDate: '2031-02-20',
      count: 6,
    });
    // The clock says 1 March: Monday 24 and Wednesday 26 February are gone; 3, 5, 10 and 12 March remain.
    expect(result.skippedPast).toBe(2);
    expect(result.sessions.map((s) => s.local.date)).toEqual(['2031-03-03', '2031-03-05', '2031-03-10', '2031-03-12']);

    const listed = await as(supervisor).scheduling.listSchedules();
    const mine = listed.items.find((s) => s.id === result.schedule.id)!;
    expect(mine).toMatchObject({ totalSessions: result.sessions.length, upcomingSessions: result.sessions.length, teacherName: teacher.name });
    expect(mine.nextAt).toEqual(result.sessions[0]!.scheduledAt);
    expect((await as(outsider).scheduling.listSchedules()).items.find((s) => s.id === result.schedule.id)).toBeUndefined();

    await createMeeting(deps, { sessionId: result.sessions[0]!.id, createdBy: admin.id });
    const cancelled = await as(admin).scheduling.cancelSchedule({ scheduleId: result.schedule.id, reason: 'Ramadan break' });
    expect(cancelled.cancelled.sort((a, b) => a - b)).toEqual(result.sessions.map((s) => s.id).sort((a, b) => a - b));
    const rows = await db.select().from(sessions).where(eq(sessions.scheduleId, result.schedule.id));
    expect(rows.every((r) => r.status === 'cancelled' && r.cancelReason === 'Ramadan break')).toBe(true);
    expect(await db.select().from(meetings).where(eq(meetings.sessionId, result.sessions[0]!.id))).toEqual([]);
    await expect(as(outsider).scheduling.cancelSchedule({ scheduleId: result.schedule.id, reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses a schedule with neither or both of count and endDate', async () => {
    const base = { kind: 'quran' as const, title: 'x', teacherId: teacher.id, circleId, weekdays: [1], localTime: '10:00', durationMinutes: 30, startDate: '2031-04-01' };
    await expect(as(admin).scheduling.createWeeklySchedule(base)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.createWeeklySchedule({ ...base, count: 2, endDate: '2031-05-01' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.createWeeklySchedule({ ...base, weekdays: [1, 1], count: 2 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('scheduling.updateSession, rescheduleSession and cancelSession', () => {
  it('rescheduling a ready session deletes its room and puts it back to scheduled; a title change keeps the room', async () => {
    const session = await as(admin).scheduling.createSession(oneSession({ localDate: '2031-06-01' }));
    const { meeting } = await createMeeting(deps, { sessionId: session.id, createdBy: admin.id });
    expect(await livekit().getRoom(meeting.roomName)).not.toBeNull();

    const renamed = await as(admin).scheduling.updateSession({ sessionId: session.id, title: 'New title' });
    expect(renamed).toMatchObject({ roomDeleted: false, session: { status: 'ready', title: 'New title' } });

    const moved = await as(supervisor).scheduling.rescheduleSession({ sessionId: session.id, localDate: '2031-06-01', localTime: '18:30' });
    expect(moved.roomDeleted).toBe(true);
    expect(moved.session).toMatchObject({ status: 'scheduled', local: { date: '2031-06-01', time: '18:30' } });
    expect(moved.session.scheduledAt.toISOString()).toBe('2031-06-01T15:30:00.000Z');
    expect(await db.select().from(meetings).where(eq(meetings.sessionId, session.id))).toEqual([]);
    expect(await livekit().getRoom(meeting.roomName)).toBeNull();

    await expect(as(outsider).scheduling.updateSession({ sessionId: session.id, title: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).scheduling.updateSession({ sessionId: session.id, title: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(admin).scheduling.updateSession({ sessionId: session.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('with LiveKit down a ready session is not rescheduled or cancelled at all', async () => {
    const session = await as(admin).scheduling.createSession(oneSession({ localDate: '2031-06-02' }));
    await createMeeting(deps, { sessionId: session.id, createdBy: admin.id });
    const down = callerFor(testDeps({ clock: deps.clock, livekit: unreachableLivekit() }), actorOf(admin));
    await expect(down.scheduling.rescheduleSession({ sessionId: session.id, localDate: '2031-06-02', localTime: '19:00' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    await expect(down.scheduling.cancelSession({ sessionId: session.id, reason: 'ill' })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row).toMatchObject({ status: 'ready', cancelReason: null });
    expect(row!.scheduledAt).toEqual(session.scheduledAt);
    expect(await db.select().from(meetings).where(eq(meetings.sessionId, session.id))).toHaveLength(1);
  });

  it('cancels a ready session with its reason and removes the room; a finished session cannot be cancelled', async () => {
    const session = await as(admin).scheduling.createSession(oneSession({ localDate: '2031-06-03' }));
    const { meeting } = await createMeeting(deps, { sessionId: session.id, createdBy: admin.id });
    const cancelled = await as(admin).scheduling.cancelSession({ sessionId: session.id, reason: 'Teacher is ill' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Teacher is ill' });
    expect(await livekit().getRoom(meeting.roomName)).toBeNull();
    await expect(as(admin).scheduling.cancelSession({ sessionId: session.id, reason: 'again' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(admin).scheduling.updateSession({ sessionId: session.id, title: 'x' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(as(admin).scheduling.cancelSession({ sessionId: session.id, reason: '' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('video and teacher settings', () => {
  it('admins change the academy settings; the merged whole is validated and nothing half-written', async () => {
    const initial = await as(supervisor).scheduling.getVideoSettings();
    expect(initial).toMatchObject({ academyId: academy.id, timezone: 'Asia/Riyadh', autoCreate: true, minutesBefore: 30, studentAbsentBelow: 30, studentPartialBelow: 80 });

    const updated = await as(admin).scheduling.updateVideoSettings({ minutesBefore: 45, windowStart: '22:00', windowEnd: '06:00', blockedWeekdays: [5] });
    expect(updated).toMatchObject({ minutesBefore: 45, windowStart: '22:00', windowEnd: '06:00', blockedWeekdays: [5], autoEnd: true });

    await expect(as(admin).scheduling.updateVideoSettings({ studentAbsentBelow: 90 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.updateVideoSettings({ minutesBefore: 45, studentPartialBelow: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.updateVideoSettings({ windowStart: '7:00' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.updateVideoSettings({ blockedWeekdays: [1, 1] })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(admin).scheduling.updateVideoSettings({ minutesBefore: 2000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const [stored] = await db.select().from(academyVideoSettings).where(eq(academyVideoSettings.academyId, academy.id));
    expect(stored).toMatchObject({ minutesBefore: 45, studentAbsentBelow: 30, studentPartialBelow: 80 });

    await expect(as(supervisor).scheduling.updateVideoSettings({ autoCreate: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(teacher).scheduling.getVideoSettings()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).scheduling.getVideoSettings({ academyId: academy.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const superAdmin = await createUser(db, { academyId: null, role: 'super_admin' });
    await expect(as(superAdmin).scheduling.getVideoSettings()).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(superAdmin).scheduling.updateVideoSettings({ academyId: academy.id, autoEnd: false })).resolves.toMatchObject({ autoEnd: false, minutesBefore: 45 });
  });

  it('a teacher edits their own settings; managers any teacher of theirs; nobody else', async () => {
    const own = await as(teacher).scheduling.updateTeacherSettings({ maxParticipants: 12, studentsCanPublish: false });
    expect(own).toMatchObject({ teacherId: teacher.id, maxParticipants: 12, studentsCanPublish: false, recordingEnabled: null });
    const cleared = await as(admin).scheduling.updateTeacherSettings({ teacherId: teacher.id, maxParticipants: null, videoQuality: 'medium' });
    expect(cleared).toMatchObject({ maxParticipants: null, studentsCanPublish: false, videoQuality: 'medium' });
    expect(await as(teacher).scheduling.getTeacherSettings()).toMatchObject({ videoQuality: 'medium' });

    await expect(as(otherTeacher).scheduling.updateTeacherSettings({ teacherId: teacher.id, chat: false })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(student).scheduling.getTeacherSettings({ teacherId: teacher.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(outsider).scheduling.getTeacherSettings({ teacherId: teacher.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(admin).scheduling.getTeacherSettings({ teacherId: student.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(teacher).scheduling.updateTeacherSettings({ maxParticipants: 0 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(teacher).scheduling.updateTeacherSettings({ videoQuality: 'ultra' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
