import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents, attendanceRecords } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, testDb, testDeps } from '@/server/testing/integration';
import { finalizeSessionInTx } from './finalize-session';

const db = testDb();
const MINUTE = 60_000;
const START = new Date('2025-04-07T15:00:00Z');
const call = (actor: Actor | null) => callerFor(testDeps(), actor);

let academyId: number;
let sessionId: number;
let admin: Actor, supervisor: Actor, teacher: Actor, student: Actor, otherAdmin: Actor, superAdmin: Actor;
let bystanderId: number;

async function connect(userId: number, join: number, leave: number) {
  const sid = `PA_${randomUUID().slice(0, 8)}`;
  const base = { academyId, sessionId, userId, participantSid: sid, source: 'webhook' as const };
  await db.insert(attendanceEvents).values([
    { ...base, kind: 'join', occurredAt: new Date(START.getTime() + join * MINUTE), sourceEventId: `EV_${randomUUID()}` },
    { ...base, kind: 'leave', occurredAt: new Date(START.getTime() + leave * MINUTE), sourceEventId: `EV_${randomUUID()}` },
  ]);
}

const finalize = () => db.transaction((tx) => finalizeSessionInTx(tx, sessionId, { now: new Date(START.getTime() + 65 * MINUTE) }));

async function recordOf(userId: number) {
  const [row] = await db
    .select()
    .from(attendanceRecords)
    .where(and(eq(attendanceRecords.sessionId, sessionId), eq(attendanceRecords.userId, userId)));
  return row!;
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  // tRPC errors carry their code; modules may not import the transport's error class.
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : `resolved or unexpected: ${String(error)}`;
}

beforeAll(async () => {
  const academy = await createAcademy(db);
  academyId = academy.id;
  admin = actorOf(await createUser(db, { academyId, role: 'academy_admin' }));
  supervisor = actorOf(await createUser(db, { academyId, role: 'supervisor', name: 'المشرفة سارة' }));
  const t = await createUser(db, { academyId, role: 'teacher' });
  teacher = actorOf(t);
  const s = await createUser(db, { academyId, role: 'student', name: 'مريم' });
  student = actorOf(s);
  bystanderId = (await createUser(db, { academyId, role: 'student' })).id;
  const session = await createSession(db, { academyId, teacherId: t.id, studentId: s.id, status: 'ongoing', scheduledAt: START, durationMinutes: 60 });
  sessionId = session.id;
  await connect(t.id, 0, 60);
  // 15 of 60 minutes: computed absent.
  await connect(s.id, 10, 25);
  await finalize();
  const other = await createAcademy(db);
  otherAdmin = actorOf(await createUser(db, { academyId: other.id, role: 'academy_admin' }));
  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
});

afterAll(closeTestDb);

describe('attendance.overrideStatus', () => {
  const input = () => ({ sessionId, userId: student.id, status: 'present' as const, reason: 'كانت حاضرة عبر الهاتف' });

  it('refuses teachers (even their own session), students and other academies, writing nothing', async () => {
    expect(await codeOf(call(teacher).attendance.overrideStatus(input()))).toBe('FORBIDDEN');
    expect(await codeOf(call(student).attendance.overrideStatus(input()))).toBe('FORBIDDEN');
    expect(await codeOf(call(otherAdmin).attendance.overrideStatus(input()))).toBe('NOT_FOUND');
    expect(await recordOf(student.id)).toMatchObject({ status: 'absent', overrideStatus: null, overrideReason: null, overriddenBy: null });
  });

  it('needs a reason of 1 to 500 characters and a known status', async () => {
    for (const bad of [{ reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }, { status: 'excused' }, { reason: undefined }]) {
      expect(await codeOf(call(admin).attendance.overrideStatus({ ...input(), ...bad } as never))).toBe('BAD_REQUEST');
    }
    expect((await recordOf(student.id)).overrideStatus).toBeNull();
  });

  it('answers NOT_FOUND for someone without a record in the session', async () => {
    expect(await codeOf(call(admin).attendance.overrideStatus({ ...input(), userId: bystanderId }))).toBe('NOT_FOUND');
  });

  it('stores the override beside the computed status, and recalculation keeps it', async () => {
    const result = await call(supervisor).attendance.overrideStatus({ ...input(), reason: '  كانت حاضرة عبر الهاتف  ' });
    expect(result).toEqual({
      sessionId,
      userId: student.id,
      userType: 'student',
      status: 'present',
      computedStatus: 'absent',
      overrideReason: 'كانت حاضرة عبر الهاتف',
      overriddenBy: supervisor.id,
    });

    // A late webhook brings 25 more minutes (40 of 60: partial) and the session is finalised again.
    await connect(student.id, 30, 55);
    await finalize();
    const record = await recordOf(student.id);
    expect(record).toMatchObject({
      status: 'partial',
      totalSeconds: 2400,
      overrideStatus: 'present',
      overrideReason: 'كانت حاضرة عبر الهاتف',
      overriddenBy: supervisor.id,
    });

    const [listed] = await call(teacher).attendance.listRecords({ sessionId, userType: 'student' });
    expect(listed).toMatchObject({
      status: 'present',
      computedStatus: 'partial',
      override: { status: 'present', reason: 'كانت حاضرة عبر الهاتف', byUserId: supervisor.id, byName: 'المشرفة سارة' },
    });
    const stats = await call(teacher).attendance.sessionStats({ sessionId });
    expect(stats.students).toMatchObject({ present: 1, partial: 0, absent: 0 });
  });

  it('lets the super admin override, with a reason of exactly 500 characters', async () => {
    const reason = 'ع'.repeat(500);
    const result = await call(superAdmin).attendance.overrideStatus({ ...input(), status: 'late', reason });
    expect(result).toMatchObject({ status: 'late', overriddenBy: superAdmin.id });
    expect((await recordOf(student.id)).overrideReason).toBe(reason);
  });
});
