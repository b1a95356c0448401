/**
 * The attendance window and live records on real PostgreSQL and a real
 * livekit-server (docs/rules.md#attendance): a class a manager ends early
 * measures its students against the class held and its teacher against the
 * planned length; live records are provisional and every count agrees with
 * the rows; a reconcile's estimated leave never shortens a reported one, in
 * either order of the race; a join during finalisation ends final.
 */
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceRecords, meetings } from '@/server/db/schema';
import type { users } from '@/server/db/schema';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import { participantIdentity } from '@/shared/classroom/identity';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookJson, webhookRequest, type WebhookBody } from '@/server/testing/signed-webhook';
import { finalizeSessionInTx } from './finalize-session';
import { lockAttendancePair } from './record-store';

type User = typeof users.$inferSelect;
const db = testDb();
const MINUTE = 60_000;
let academyId: number;
let teacher: User, present: User, leaver: User, parent: User, supervisor: User;
let circleId: number;

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  teacher = await createUser(db, { academyId, role: 'teacher', name: 'المعلم' });
  present = await createUser(db, { academyId, role: 'student', name: 'حاضر' });
  leaver = await createUser(db, { academyId, role: 'student', name: 'Leaver' });
  parent = await createUser(db, { academyId, role: 'parent', name: 'ولي الأمر' });
  supervisor = await createUser(db, { academyId, role: 'supervisor', name: 'المشرف' });
  await linkParent(db, academyId, parent.id, leaver.id);
  circleId = (await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [present.id, leaver.id] })).id;
});
afterAll(closeTestDb);

/** A session that started `minutesAgo` minutes ago, with its real LiveKit room. */
async function liveSession(minutesAgo: number, durationMinutes = 60) {
  const session = await createSession(db, {
    academyId,
    teacherId: teacher.id,
    circleId,
    // Whole seconds, like webhook timestamps, so the figures are exact.
    scheduledAt: new Date(Math.floor((Date.now() - minutesAgo * MINUTE) / 1000) * 1000),
    durationMinutes,
  });
  await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
  const [meeting] = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
  return { ...session, roomName: meeting!.roomName };
}

let eventSeq = 0;
/** Delivers a signed webhook through the real intake, as livekit-server would. */
async function webhook(room: string, event: 'participant_joined' | 'participant_left', user: User, sid: string, joinedAtMs: number, atMs: number) {
  const body: WebhookBody = {
    id: `EV_window_${Date.now()}_${(eventSeq += 1)}`,
    event,
    createdAt: Math.floor(atMs / 1000),
    room: { name: room },
    participant: { sid, identity: participantIdentity(user.id, user.name), name: user.name, joinedAt: Math.floor(joinedAtMs / 1000) },
  };
  const raw = webhookJson(body);
  const { apiKey, apiSecret } = integrationConfig().livekit;
  const response = await handleLivekitWebhook(await webhookRequest(raw, await signWebhook(raw, apiKey, apiSecret)), testDeps());
  expect(response.status).toBe(200);
}

async function record(sessionId: number, userId: number) {
  const [row] = await db.select().from(attendanceRecords).where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.userId, userId)));
  return row;
}

const ago = (minutes: number) => Date.now() - minutes * MINUTE;

describe('a class a manager ends early', () => {
  it('measures the students against the class held and the teacher against the planned length (absent)', async () => {
    const s = await liveSession(20);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', teacher, 'PA_t1', start, start);
    await webhook(s.roomName, 'participant_joined', present, 'PA_p1', start + MINUTE, start + MINUTE);
    await webhook(s.roomName, 'participant_joined', leaver, 'PA_l1', start, start);
    await webhook(s.roomName, 'participant_left', leaver, 'PA_l1', start, start + 5 * MINUTE);

    const ended = await callerFor(testDeps(), actorOf(supervisor)).meeting.end({ sessionId: s.id });
    expect(ended.status).toBe('completed');
    // 19 of the 20 minutes held: present, though the class was planned for 60.
    expect(await record(s.id, present.id)).toMatchObject({ isFinal: true, status: 'present' });
    expect((await record(s.id, present.id))!.percentage).toBeGreaterThan(90);
    // 5 of 20: absent (below 30 %).
    const leaverRecord = await record(s.id, leaver.id);
    expect(leaverRecord).toMatchObject({ isFinal: true, status: 'absent', totalSeconds: 300 });
    expect(leaverRecord!.percentage).toBeGreaterThan(24.5);
    expect(leaverRecord!.percentage).toBeLessThanOrEqual(25);
    // The teacher: 20 of 60 planned minutes, below the teacher's 50 %.
    const t = await record(s.id, teacher.id);
    expect(t).toMatchObject({ isFinal: true, status: 'absent', userType: 'teacher' });
    expect(t!.percentage).toBeGreaterThan(33);
    expect(t!.percentage).toBeLessThan(34);

    // The student's "My attendance" lists the finished class at once, today's included.
    const mine = await callerFor(testDeps(), actorOf(present)).session.listMine({ range: 'past' });
    expect(mine.find((m) => m.id === s.id)).toMatchObject({ myAttendance: 'present', status: 'completed' });
  });

  it('gives the teacher partial by the teacher thresholds when 45 of 60 minutes were held', async () => {
    const s = await liveSession(45);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', teacher, 'PA_t2', start, start);
    await webhook(s.roomName, 'participant_joined', present, 'PA_p2', start, start);
    await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: s.id });
    expect(await record(s.id, present.id)).toMatchObject({ status: 'present', percentage: 100 });
    // 75 %: at least 50 (not absent), below 90 (partial).
    expect(await record(s.id, teacher.id)).toMatchObject({ status: 'partial', userType: 'teacher' });
    expect(await record(s.id, leaver.id)).toMatchObject({ status: 'absent', joinCount: 0 });
  });
});

describe('live records', () => {
  it('are in class / left with minutes so far, and every count agrees with the rows', async () => {
    const s = await liveSession(30);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', teacher, 'PA_t3', start, start);
    await webhook(s.roomName, 'participant_joined', present, 'PA_p3', start, start);
    await webhook(s.roomName, 'participant_joined', leaver, 'PA_l3', start, start);
    await webhook(s.roomName, 'participant_left', leaver, 'PA_l3', start, start + 10 * MINUTE);

    const manager = callerFor(testDeps(), actorOf(supervisor));
    const stats = await manager.attendance.sessionStats({ sessionId: s.id });
    expect(stats.final).toBe(false);
    expect(stats.students).toMatchObject({ inClass: 1, left: 1, present: 0, late: 0, partial: 0, absent: 0 });
    expect(stats.teachers).toMatchObject({ inClass: 1, left: 0, absent: 0 });

    const rows = await manager.attendance.listRecords({ sessionId: s.id });
    const students = rows.filter((r) => r.userType === 'student');
    expect(students.filter((r) => r.liveState === 'in_class')).toHaveLength(stats.students.inClass);
    expect(students.filter((r) => r.liveState === 'left')).toHaveLength(stats.students.left);
    // The teacher's row and the staying student's show the real minutes so far (30), not those of their join (0).
    for (const who of [teacher.id, present.id]) {
      const row = rows.find((r) => r.userId === who)!;
      expect(row.liveState).toBe('in_class');
      expect(row.totalSeconds).toBeGreaterThanOrEqual(30 * 60 - 5);
      expect(row.percentage).toBeGreaterThan(99);
    }
    // 10 of the 30 minutes elapsed, not 10 of the 60 planned.
    const left = rows.find((r) => r.userId === leaver.id)!;
    expect(left).toMatchObject({ liveState: 'left', totalSeconds: 600 });
    expect(left.percentage).toBeGreaterThan(33);
    expect(left.percentage).toBeLessThan(34);

    // The room's panel (session.detail) and the parent's view say the same.
    const detail = await callerFor(testDeps(), actorOf(teacher)).session.detail({ sessionId: s.id });
    expect(detail.attendance.find((r) => r.userId === teacher.id)).toMatchObject({ liveState: 'in_class' });
    expect(detail.attendance.find((r) => r.userId === teacher.id)!.totalSeconds).toBeGreaterThanOrEqual(30 * 60 - 5);
    const [child] = await callerFor(testDeps(), actorOf(parent)).profile.children({});
    const childSession = child!.sessions.find((c) => c.sessionId === s.id)!;
    expect(childSession.attendance).toMatchObject({ liveState: 'left', totalSeconds: 600, isFinal: false });
    // The child's counts take final records only: this live session is not among them.
    const counted = Object.values(child!.counts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(child!.sessions.filter((c) => c.attendance?.isFinal).length);

    // Finalised: final statuses only, and the counts still match the rows.
    await manager.meeting.end({ sessionId: s.id });
    const final = await manager.attendance.sessionStats({ sessionId: s.id });
    const finalRows = (await manager.attendance.listRecords({ sessionId: s.id })).filter((r) => r.userType === 'student');
    expect(finalRows.every((r) => r.liveState === null && r.isFinal)).toBe(true);
    expect(final.students).toMatchObject({ inClass: 0, left: 0, present: 1, partial: 1 });
    for (const status of ['present', 'late', 'partial', 'absent'] as const) {
      expect(finalRows.filter((r) => r.status === status)).toHaveLength(final.students[status]);
    }
  });
});

describe('a reconcile never shortens real attendance', () => {
  it('a webhook leave arriving after reconcile estimated an earlier one wins', async () => {
    const s = await liveSession(10);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', present, 'PA_r1', start, start);
    // The last reconcile saw the student 8 minutes ago; LiveKit's room is empty now (the leave webhook is in flight).
    await db.update(meetings).set({ lastReconciledAt: new Date(ago(8)) }).where(eq(meetings.sessionId, s.id));
    const caller = callerFor(testDeps(), actorOf(teacher));
    expect(await caller.meeting.reconcileAttendance({ sessionId: s.id })).toMatchObject({ leavesAdded: 1 });
    const estimated = await record(s.id, present.id);
    expect(estimated!.totalSeconds).toBeLessThanOrEqual(2 * 60 + 5);

    await webhook(s.roomName, 'participant_left', present, 'PA_r1', start, Date.now());
    const real = await record(s.id, present.id);
    expect(real!.totalSeconds).toBeGreaterThanOrEqual(10 * 60 - 5);
    expect(real!.leaveCount).toBe(1);

    await caller.meeting.end({ sessionId: s.id });
    expect(await record(s.id, present.id)).toMatchObject({ isFinal: true, status: 'present' });
  });

  it('reconcile between "end meeting" removing everyone and finalisation: the removal leave, arriving after, restores the time', async () => {
    const s = await liveSession(10);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', present, 'PA_r2', start, start);
    await db.update(meetings).set({ lastReconciledAt: new Date(ago(8)) }).where(eq(meetings.sessionId, s.id));
    // "End meeting" has removed the participants (the room is empty), then reconcile runs before it finalises.
    const caller = callerFor(testDeps(), actorOf(teacher));
    expect(await caller.meeting.reconcileAttendance({ sessionId: s.id })).toMatchObject({ leavesAdded: 1 });
    await caller.meeting.end({ sessionId: s.id });
    // Finalised on the estimate: 2 of 10 minutes.
    expect(await record(s.id, present.id)).toMatchObject({ isFinal: true, status: 'absent' });

    // The removal's participant_left arrives after finalisation, with the real leave time.
    const [meeting] = await db.select({ endedAt: meetings.endedAt }).from(meetings).where(eq(meetings.sessionId, s.id));
    await webhook(s.roomName, 'participant_left', present, 'PA_r2', start, meeting!.endedAt!.getTime());
    const repaired = await record(s.id, present.id);
    expect(repaired).toMatchObject({ isFinal: true, status: 'present', inRoom: false });
    expect(repaired!.percentage).toBeGreaterThan(99);
  });
});

describe('finalisation', () => {
  it('leaves no live record for someone who joined while it ran', async () => {
    const s = await liveSession(10);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', teacher, 'PA_f1', start, start);
    let joining: Promise<void> | undefined;
    await db.transaction(async (tx) => {
      await finalizeSessionInTx(tx, s.id, { now: new Date() });
      // Finalisation has ended the meeting but not committed: a supervisor joins now.
      joining = webhook(s.roomName, 'participant_joined', supervisor, 'PA_f2', Date.now(), Date.now());
      await eventually(async () => {
        const waiting = await db.execute<{ q: string; w: string | null }>(
          sql`SELECT query AS q, wait_event_type AS w FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'`,
        );
        // The join's event waits on the session row finalisation holds.
        return waiting.some((r) => r.w === 'Lock' && /insert into "attendance_events"/i.test(r.q));
      }, 'the join waiting for finalisation');
    });
    await joining;
    expect(await record(s.id, supervisor.id)).toMatchObject({ isFinal: true, inRoom: false, joinCount: 1 });
    expect(await record(s.id, teacher.id)).toMatchObject({ isFinal: true });
  });

  it('makes final a join that committed after it listed the session\'s people but before it locked them', async () => {
    const s = await liveSession(10);
    const start = s.scheduledAt.getTime();
    await webhook(s.roomName, 'participant_joined', teacher, 'PA_f3', start, start);
    // Hold the teacher's attendance lock, so finalisation lists its people and then waits.
    let release = () => {};
    let locked = () => {};
    const held = new Promise<void>((resolve) => (locked = resolve));
    const blocker = db.transaction(async (tx) => {
      await lockAttendancePair(tx, s.id, teacher.id);
      locked();
      await new Promise<void>((resolve) => (release = resolve));
    });
    await held;
    const finalizing = db.transaction((tx) => finalizeSessionInTx(tx, s.id, { now: new Date() }));
    await eventually(async () => {
      const waiting = await db.execute<{ q: string; w: string | null }>(
        sql`SELECT query AS q, wait_event_type AS w FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle'`,
      );
      return waiting.some((r) => r.w === 'Lock' && /pg_advisory_xact_lock/i.test(r.q));
    }, 'finalisation waiting for the teacher lock');
    // The supervisor's join is stored and committed meanwhile, as a live record.
    await webhook(s.roomName, 'participant_joined', supervisor, 'PA_f4', Date.now(), Date.now());
    expect(await record(s.id, supervisor.id)).toMatchObject({ isFinal: false, inRoom: true });
    release();
    await blocker;
    await finalizing;
    expect(await record(s.id, supervisor.id)).toMatchObject({ isFinal: true, inRoom: false, joinCount: 1 });
  });
});
