/**
 * Real participants (@livekit/rtc-node) connect, disconnect and reconnect on
 * a real livekit-server; its real webhooks build the records; reconciliation
 * repairs a join and a leave that never arrived.
 */
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents, attendanceRecords, sessions } from '@/server/db/schema';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, testDb, testDeps } from '@/server/testing/integration';
import { joinAsParticipant } from '@/server/testing/livekit-participant';

const db = testDb();
let academyId: number;
let teacher: Awaited<ReturnType<typeof createUser>>;
let students: Awaited<ReturnType<typeof createUser>>[];
let circleId: number;

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  teacher = await createUser(db, { academyId, role: 'teacher', name: 'المعلم' });
  students = [await createUser(db, { academyId, role: 'student', name: 'طالب أول' }), await createUser(db, { academyId, role: 'student', name: 'Second' })];
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: students.map((s) => s.id) })).id;
});
afterAll(closeTestDb);

async function startedSession() {
  const session = await createSession(db, { academyId, teacherId: teacher.id, circleId, scheduledAt: new Date(Date.now() - 60_000), durationMinutes: 60 });
  await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
  return session;
}

async function join(sessionId: number, user: (typeof students)[number]) {
  const { token, serverUrl } = await callerFor(testDeps(), actorOf(user)).meeting.token({ sessionId });
  return joinAsParticipant(serverUrl, token);
}

async function record(sessionId: number, userId: number) {
  const [row] = await db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.userId, userId)));
  return row;
}

describe('attendance from real webhooks', () => {
  it('records a connect, a disconnect and a reconnect as one continuing cycle', async () => {
    const session = await startedSession();
    const first = await join(session.id, students[0]!);
    await eventually(async () => (await record(session.id, students[0]!.id))?.inRoom === true, 'join recorded');
    const [ongoing] = await db.select({ status: sessions.status }).from(sessions).where(eq(sessions.id, session.id));
    expect(ongoing!.status).toBe('ongoing');

    await first.disconnect();
    await eventually(async () => (await record(session.id, students[0]!.id))?.leaveCount === 1, 'leave recorded');
    const second = await join(session.id, students[0]!);
    expect(second.sid).not.toBe(first.sid);
    await eventually(async () => (await record(session.id, students[0]!.id))?.joinCount === 2, 'rejoin recorded');

    const live = await record(session.id, students[0]!.id);
    // Back within the 120 s reconnect window: one cycle, still open.
    expect(live!.cycles).toHaveLength(1);
    expect(live!.cycles[0]!.leftAt).toBeNull();
    expect(live!.inRoom).toBe(true);

    const ended = await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: session.id });
    expect(ended.status).toBe('completed');
    await second.disconnected;
    const final = await record(session.id, students[0]!.id);
    expect(final).toMatchObject({ isFinal: true, inRoom: false, joinCount: 2, userType: 'student' });
    expect(final!.cycles).toHaveLength(1);
    expect(final!.cycles[0]!.leftAt).not.toBeNull();
    // The student who never came is recorded absent at finalisation.
    expect(await record(session.id, students[1]!.id)).toMatchObject({ status: 'absent', joinCount: 0, isFinal: true });
  });

  it('records the teacher too, as a teacher', async () => {
    const session = await startedSession();
    const participant = await join(session.id, teacher);
    await eventually(async () => (await record(session.id, teacher.id))?.inRoom === true, 'teacher join recorded');
    expect((await record(session.id, teacher.id))!.userType).toBe('teacher');
    await participant.disconnect();
  });
});

describe('reconciliation', () => {
  it('adds a join LiveKit never announced and a leave it never delivered, without inventing time', async () => {
    const session = await startedSession();
    const stays = await join(session.id, students[0]!);
    const goes = await join(session.id, students[1]!);
    await eventually(async () => (await record(session.id, students[1]!.id))?.inRoom === true, 'both joined');
    await eventually(async () => (await record(session.id, students[0]!.id))?.inRoom === true, 'both joined');

    // Lose the first student's join webhook.
    await db.delete(attendanceEvents).where(and(eq(attendanceEvents.sessionId, session.id), eq(attendanceEvents.userId, students[0]!.id)));
    await db.delete(attendanceRecords).where(and(eq(attendanceRecords.sessionId, session.id), eq(attendanceRecords.userId, students[0]!.id)));
    const caller = callerFor(testDeps(), actorOf(teacher));
    const dry = await caller.meeting.reconcileAttendance({ sessionId: session.id });
    expect(dry).toMatchObject({ joinsAdded: 1, leavesAdded: 0 });
    const repaired = await record(session.id, students[0]!.id);
    expect(repaired).toMatchObject({ inRoom: true, joinCount: 1 });
    expect(new Date(repaired!.firstJoinAt!).getTime()).toBeLessThanOrEqual(Date.now());

    // The second student leaves; lose that leave webhook.
    await goes.disconnect();
    await eventually(async () => (await record(session.id, students[1]!.id))?.leaveCount === 1, 'leave delivered');
    await db.delete(attendanceEvents).where(and(eq(attendanceEvents.sessionId, session.id), eq(attendanceEvents.userId, students[1]!.id), eq(attendanceEvents.kind, 'leave')));
    const again = await caller.meeting.reconcileAttendance({ sessionId: session.id });
    expect(again).toMatchObject({ joinsAdded: 0, leavesAdded: 1 });
    const closed = await record(session.id, students[1]!.id);
    expect(closed).toMatchObject({ inRoom: false, leaveCount: 1 });

    // Nothing left to repair: reconciliation is idempotent.
    expect(await caller.meeting.reconcileAttendance({ sessionId: session.id })).toMatchObject({ joinsAdded: 0, leavesAdded: 0 });
    await stays.disconnect();
  });
});
