/**
 * A webhook whose effect can never apply (room_finished for a session whose
 * status cannot become completed) is not left to LiveKit's retries: it is
 * stored with the `cannot_apply` flag and its reason, answered 200, logged,
 * listed for the academy's admins, and its session is finalised by the
 * reconcile sweep by the normal rules. A transient failure (the database
 * unreachable) still answers 503 and stores nothing.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/server/db';
import { attendanceRecords, meetings, sessions, webhookEvents } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { participantIdentity } from '@/shared/classroom/identity';
import { reconcileAttendance } from '@/server/modules/sweeps';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookJson, webhookRequest, type WebhookBody } from '@/server/testing/signed-webhook';
import { handleLivekitWebhook } from './livekit-webhook';

const db = testDb();
const keys = () => integrationConfig().livekit;
let academyId: number;
let admin: Actor;
let otherAdmin: Actor;
let studentId: number;
let teacherId: number;
let sessionId: number;
let roomName: string;
const START = Math.floor(Date.now() / 1000) - 3600;
const FINISHED_AT = START + 50 * 60;

async function deliver(body: WebhookBody, deps = testDeps()) {
  const raw = webhookJson(body);
  const response = await handleLivekitWebhook(await webhookRequest(raw, await signWebhook(raw, keys().apiKey, keys().apiSecret)), deps);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const roomFinished = (id: string): WebhookBody => ({ id, event: 'room_finished', createdAt: FINISHED_AT, room: { name: roomName } });

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin' }));
  const other = await createAcademy(db);
  otherAdmin = actorOf(await createUser(db, { academyId: other.id, role: 'academy_admin' }));
  const teacher = await createUser(db, { academyId, role: 'teacher', name: 'أحمد' });
  const student = await createUser(db, { academyId, role: 'student', name: 'مريم' });
  teacherId = teacher.id;
  studentId = student.id;
  const circle = await createCircle(db, { academyId, teacherId, studentIds: [studentId] });
  const session = await createSession(db, { academyId, teacherId, circleId: circle.id, scheduledAt: new Date(START * 1000), durationMinutes: 60 });
  sessionId = session.id;
  roomName = (await createMeeting(testDeps(), { sessionId, createdBy: null })).meeting.roomName;
  // The student came (through the webhook, as LiveKit tells it) …
  const joined = await deliver({
    id: 'EV_problem_join',
    event: 'participant_joined',
    createdAt: START + 60,
    room: { name: roomName },
    participant: { sid: 'PA_problemjoin', identity: participantIdentity(studentId, 'مريم'), name: 'مريم', joinedAt: START + 60 },
  });
  expect(joined.status).toBe(200);
  // … and then something put the session back to "scheduled", from where it can never become completed.
  await db.update(sessions).set({ status: 'scheduled' }).where(eq(sessions.id, sessionId));
});

afterAll(closeTestDb);

describe('a webhook that can never apply', () => {
  it('is stored with its flag and reason, answered 200 and logged; a redelivery is a duplicate', async () => {
    // The logger (pino) writes warnings and errors to stderr, one JSON line each.
    const logged = vi.spyOn(process.stderr, 'write');
    try {
      const first = await deliver(roomFinished('EV_problem_finished'));
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ ok: true, duplicate: false, flag: 'cannot_apply', problem: 'A scheduled session cannot become completed' });
      const line = logged.mock.calls.map((c) => String(c[0])).find((l) => l.includes('EV_problem_finished'));
      expect(line).toBeDefined();
      expect(JSON.parse(line!)).toMatchObject({ level: 'error', msg: expect.stringMatching(/^webhook cannot apply/), sessionId, problem: 'A scheduled session cannot become completed' });

      const again = await deliver(roomFinished('EV_problem_finished'));
      expect(again).toMatchObject({ status: 200, json: { duplicate: true } });
    } finally {
      logged.mockRestore();
    }
    const rows = await db.select().from(webhookEvents).where(eq(webhookEvents.id, 'EV_problem_finished'));
    expect(rows).toEqual([
      expect.objectContaining({ event: 'room_finished', flag: 'cannot_apply', problem: 'A scheduled session cannot become completed', sessionId, academyId, roomName }),
    ]);
    // Nothing of its effect stayed: the failed transaction was rolled back whole.
    const [session] = await db.select({ status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId));
    expect(session!.status).toBe('scheduled');
    const [meeting] = await db.select({ endedAt: meetings.endedAt }).from(meetings).where(eq(meetings.sessionId, sessionId));
    expect(meeting!.endedAt).toBeNull();
  });

  it('is listed for the academy’s admins on the sweeps page, and for no other academy', async () => {
    const problems = await callerFor(testDeps(), admin).sweeps.webhookProblems();
    expect(problems).toEqual([
      expect.objectContaining({
        id: 'EV_problem_finished',
        event: 'room_finished',
        roomName,
        problem: 'A scheduled session cannot become completed',
        session: { id: sessionId, title: expect.any(String), status: 'scheduled', finalized: false },
      }),
    ]);
    expect(await callerFor(testDeps(), otherAdmin).sweeps.webhookProblems()).toEqual([]);
    await expect(callerFor(testDeps(), otherAdmin).sweeps.webhookProblems({ academyId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('has its session finalised by the reconcile sweep by the normal rules, once', async () => {
    const dry = await reconcileAttendance(testDeps(), { academy: academyId, dryRun: true });
    expect(dry.totals.strandedFinalized).toBe(1);
    const [untouched] = await db.select({ status: sessions.status }).from(sessions).where(eq(sessions.id, sessionId));
    expect(untouched!.status).toBe('scheduled');

    const report = await reconcileAttendance(testDeps(), { academy: academyId });
    expect(report.ok).toBe(true);
    expect(report.totals.strandedFinalized).toBe(1);
    expect(report.academies[0]!.sessions).toContainEqual({ sessionId, outcome: 'ended', reason: 'room_finished could not apply: A scheduled session cannot become completed' });

    // A student came, so completed (through ready, the allowed way), ended when the room finished.
    const [session] = await db.select().from(sessions).where(eq(sessions.id, sessionId));
    expect(session).toMatchObject({ status: 'completed', endedAt: new Date(FINISHED_AT * 1000) });
    const [meeting] = await db.select({ endedAt: meetings.endedAt }).from(meetings).where(eq(meetings.sessionId, sessionId));
    expect(meeting!.endedAt).toEqual(new Date(FINISHED_AT * 1000));
    const records = await db.select().from(attendanceRecords).where(eq(attendanceRecords.sessionId, sessionId));
    expect(records.map((r) => ({ userId: r.userId, isFinal: r.isFinal, inRoom: r.inRoom })).sort((a, b) => a.userId - b.userId)).toEqual(
      [
        { userId: studentId, isFinal: true, inRoom: false },
        { userId: teacherId, isFinal: true, inRoom: false },
      ].sort((a, b) => a.userId - b.userId),
    );
    expect(records.find((r) => r.userId === studentId)!.totalSeconds).toBe(49 * 60);

    const problems = await callerFor(testDeps(), admin).sweeps.webhookProblems();
    expect(problems[0]!.session).toMatchObject({ status: 'completed', finalized: true });
    expect((await reconcileAttendance(testDeps(), { academy: academyId })).totals.strandedFinalized).toBe(0);
  });
});

describe('a transient failure', () => {
  it('answers 503 when the database is unreachable, and stores nothing (LiveKit retries it)', async () => {
    const unreachable = createDb('postgres://halaqa:halaqa@127.0.0.1:9/halaqa', { max: 1 });
    try {
      const response = await deliver(roomFinished('EV_problem_db_down'), testDeps({ db: unreachable.db }));
      expect(response.status).toBe(503);
    } finally {
      await unreachable.close();
    }
    const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(eq(webhookEvents.id, 'EV_problem_db_down'));
    expect(stored!.n).toBe(0);
  });
});
