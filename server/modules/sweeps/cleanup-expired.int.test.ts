/**
 * cleanup-expired against the real database and livekit-server, with real
 * participants; every run is scoped to one of this file's academies.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { attendanceRecords, meetings, sessions } from '@/server/db/schema';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps, unreachableLivekit } from '@/server/testing/integration';
import { joinAsParticipant } from '@/server/testing/livekit-participant';
import { cleanupExpiredMeetings } from './cleanup-expired';

const db = testDb();
const MIN = 60_000;
const livekit = () => createLivekitGateway(integrationConfig().livekit);

async function academyWithClass(settings: Parameters<typeof createAcademy>[2] = {}) {
  const academy = await createAcademy(db, {}, { endBufferMinutes: 15, ...settings });
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const student = await createUser(db, { academyId: academy.id, role: 'student' });
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  /** A session that started `minutesAgo` minutes before `now`, optionally with its room. */
  const session = async (now: Date, minutesAgo: number, withRoom: boolean) => {
    const row = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(now.getTime() - minutesAgo * MIN), durationMinutes: 60 });
    const meeting = withRoom ? (await createMeeting(testDeps(), { sessionId: row.id, createdBy: teacher.id })).meeting : null;
    return { ...row, meeting };
  };
  return { academy, teacher, student, session };
}

async function sessionRows(ids: number[]) {
  return db.select().from(sessions).where(inArray(sessions.id, ids));
}

afterAll(closeTestDb);

describe('cleanup-expired', () => {
  it('ends a live room with a connected participant and finalises attendance', async () => {
    const now = new Date();
    const a = await academyWithClass();
    const session = await a.session(now, 90, true);
    const { token, serverUrl } = await callerFor(testDeps(), actorOf(a.student)).meeting.token({ sessionId: session.id });
    const participant = await joinAsParticipant(serverUrl, token);
    try {
      await eventually(async () => (await sessionRows([session.id]))[0]?.status === 'ongoing', 'the join webhook');

      const report = await cleanupExpiredMeetings(testDeps(), { now, academy: a.academy.slug });
      expect(report.ok).toBe(true);
      expect(report.academies[0]!.sessions).toEqual([{ sessionId: session.id, outcome: 'ended' }]);
      expect(report.totals).toMatchObject({ checked: 1, ended: 1, closed: 0, failed: 0 });

      await participant.disconnected;
      expect(await livekit().getRoom(session.meeting!.roomName)).toBeNull();
      const [row] = await sessionRows([session.id]);
      expect(row!.status).toBe('completed');
      const [meeting] = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
      // Deleting the room makes LiveKit send room_finished, which may finalise first: the end is
      // then that event's own time (whole seconds, real clock) instead of the sweep's `now`.
      expect(Math.abs(meeting!.endedAt!.getTime() - now.getTime())).toBeLessThan(2_000);
      const [record] = await db
        .select()
        .from(attendanceRecords)
        .where(and(eq(attendanceRecords.sessionId, session.id), eq(attendanceRecords.userId, a.student.id)));
      expect(record).toMatchObject({ isFinal: true, joinCount: 1, inRoom: false });

      const again = await cleanupExpiredMeetings(testDeps(), { now, academy: a.academy.slug });
      expect(again.totals).toMatchObject({ checked: 0, ended: 0 });
    } finally {
      await participant.disconnect();
    }
  });

  it('waits for the end buffer and the persistence grace; closes sessions more than 2 h past their end even with auto-end off', async () => {
    const now = new Date();
    const a = await academyWithClass();
    const inBuffer = await a.session(now, 70, true);
    const persisting = await a.session(now, 80, true);
    await db.update(meetings).set({ persistUntil: new Date(now.getTime() + 5 * MIN) }).where(eq(meetings.sessionId, persisting.id));
    const neverOpened = await a.session(now, 100, false);

    const report = await cleanupExpiredMeetings(testDeps(), { now, academy: a.academy.id });
    expect(report.academies[0]!.sessions).toEqual([]);
    expect(report.academies[0]!.waiting).toEqual({ not_over: 1, persisting: 1, no_meeting: 1 });

    const off = await academyWithClass({ autoEnd: false });
    const stale = await off.session(now, 60 + 121, false);
    const staleWithRoom = await off.session(now, 60 + 121, true);
    const recent = await off.session(now, 100, true);
    const offReport = await cleanupExpiredMeetings(testDeps(), { now, academy: off.academy.slug });
    expect(offReport.academies[0]!.sessions).toEqual(
      [
        { sessionId: stale.id, outcome: 'closed' },
        { sessionId: staleWithRoom.id, outcome: 'ended' },
      ].sort((x, y) => x.sessionId - y.sessionId),
    );
    // `recent` (ended 40 min ago) is not even read: without auto-end only the 2-hour rule applies, so the range stops there.
    expect(offReport.academies[0]!.checked).toBe(2);

    const rows = Object.fromEntries((await sessionRows([inBuffer.id, persisting.id, neverOpened.id, stale.id, staleWithRoom.id, recent.id])).map((r) => [r.id, r.status]));
    expect(rows).toEqual({
      [inBuffer.id]: 'ready',
      [persisting.id]: 'ready',
      [neverOpened.id]: 'scheduled',
      [stale.id]: 'absent',
      [staleWithRoom.id]: 'absent',
      [recent.id]: 'ready',
    });
    // The session that never had a room is finalised: its expected student is recorded absent.
    const [absent] = await db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, stale.id), eq(attendanceRecords.userId, off.student.id)));
    expect(absent).toMatchObject({ status: 'absent', isFinal: true, joinCount: 0 });
    expect(await livekit().getRoom(staleWithRoom.meeting!.roomName)).toBeNull();
    expect(await livekit().getRoom(recent.meeting!.roomName)).not.toBeNull();
  });

  it('four concurrent runs end every meeting exactly once', async () => {
    const now = new Date();
    const a = await academyWithClass();
    const ended = [];
    for (let i = 0; i < 8; i++) ended.push(await a.session(now, 80 + i, true));

    const reports = await Promise.all(Array.from({ length: 4 }, () => cleanupExpiredMeetings(testDeps(), { now, academy: a.academy.slug, concurrency: 3 })));
    const outcomes = reports.flatMap((r) => r.academies.flatMap((x) => x.sessions));
    const endedIds = outcomes.filter((o) => o.outcome === 'ended').map((o) => o.sessionId);
    expect(endedIds.sort((x, y) => x - y)).toEqual(ended.map((s) => s.id));
    expect(outcomes.every((o) => o.outcome === 'ended' || o.outcome === 'skipped')).toBe(true);
    expect((await sessionRows(ended.map((s) => s.id))).every((r) => r.status === 'absent')).toBe(true);
    for (const s of ended) expect(await livekit().getRoom(s.meeting!.roomName)).toBeNull();
  });

  it('with LiveKit down the meeting stays open and is reported; the next run ends it', async () => {
    const now = new Date();
    const a = await academyWithClass();
    const session = await a.session(now, 90, true);

    const down = await cleanupExpiredMeetings(testDeps({ livekit: unreachableLivekit() }), { now, academy: a.academy.slug });
    expect(down.ok).toBe(false);
    expect(down.academies[0]!.errors).toEqual([{ sessionId: session.id, message: expect.stringMatching(/LiveKit unavailable/) }]);
    const [meeting] = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
    expect(meeting!.endedAt).toBeNull();
    expect((await sessionRows([session.id]))[0]!.status).toBe('ready');
    expect(await livekit().getRoom(session.meeting!.roomName)).not.toBeNull();

    const recovered = await cleanupExpiredMeetings(testDeps(), { now, academy: a.academy.slug });
    expect(recovered.totals).toMatchObject({ ended: 1, failed: 0 });
    expect(await livekit().getRoom(session.meeting!.roomName)).toBeNull();
  });
});
