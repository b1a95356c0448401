/**
 * One rule for a colleague's session (issue 14): a teacher manages and joins
 * their own sessions; another teacher may join only as a hidden observer,
 * never publishing, and only when the academy lets teachers observe
 * colleagues (off by default). session.detail and attendance.listRecords
 * agree on whose records a viewer sees.
 */
import { TokenVerifier } from 'livekit-server-sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { academyVideoSettings, attendanceEvents } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';

const db = testDb();
let academyId: number;
let teacher: Actor;
let colleague: Actor;
let supervisor: Actor;
let student: Actor;
let sessionId: number;

beforeAll(async () => {
  academyId = (await createAcademy(db)).id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher' }));
  colleague = actorOf(await createUser(db, { academyId, role: 'teacher' }));
  supervisor = actorOf(await createUser(db, { academyId, role: 'supervisor' }));
  student = actorOf(await createUser(db, { academyId, role: 'student' }));
  // A one-to-one lesson: the case where a publishing colleague was most out of place.
  const session = await createSession(db, { academyId, teacherId: teacher.id, kind: 'academic', studentId: student.id, scheduledAt: new Date() });
  sessionId = session.id;
  await createMeeting(testDeps(), { sessionId, createdBy: teacher.id });
  await db.insert(attendanceEvents).values({ academyId, sessionId, userId: student.id, kind: 'join', participantSid: 'PA_obs1', occurredAt: new Date(), source: 'webhook', sourceEventId: `EV_obs_${sessionId}` });
  await callerFor(testDeps(), teacher).meeting.reconcileAttendance({ sessionId }).catch(() => undefined);
});

afterAll(closeTestDb);

const setObserving = (on: boolean) => db.update(academyVideoSettings).set({ teachersMayObserve: on }).where(eq(academyVideoSettings.academyId, academyId));
const as = (actor: Actor) => callerFor(testDeps(), actor);

describe('a colleague', () => {
  it('may not see or join another teacher’s session while the academy does not allow observing (the default)', async () => {
    const [settings] = await db.select().from(academyVideoSettings).where(eq(academyVideoSettings.academyId, academyId));
    expect(settings!.teachersMayObserve).toBe(false);
    await expect(as(colleague).meeting.token({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(colleague).session.detail({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(colleague).attendance.listRecords({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('joins only hidden and without publishing once it does, and sees no one’s records', async () => {
    await setObserving(true);
    try {
      const token = await as(colleague).meeting.token({ sessionId });
      expect(token.grants).toEqual({ canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: true });
      const { apiKey, apiSecret } = integrationConfig().livekit;
      const claims = (await new TokenVerifier(apiKey, apiSecret).verify(token.token)).video!;
      expect(claims).toMatchObject({ canPublish: false, hidden: true, roomAdmin: false });
      const detail = await as(colleague).session.detail({ sessionId });
      expect(detail.viewer).toEqual({ joinRole: 'observer', canManage: false });
      // The two procedures agree: no records through either.
      expect(detail.attendance).toEqual([]);
      await expect(as(colleague).attendance.listRecords({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(as(colleague).meeting.end({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(as(colleague).room.muteAll({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    } finally {
      await setObserving(false);
    }
  });
});

describe('session.detail and attendance.listRecords agree', () => {
  it('for the session’s teacher and a manager: everyone’s records in both', async () => {
    for (const actor of [teacher, supervisor]) {
      const detail = await as(actor).session.detail({ sessionId });
      const list = await as(actor).attendance.listRecords({ sessionId });
      expect(detail.attendance.map((r) => r.userId).sort()).toEqual(list.map((r) => r.userId).sort());
      expect(list.length).toBeGreaterThan(0);
    }
  });

  it('for a student: their own record in the detail, the list refused', async () => {
    const detail = await as(student).session.detail({ sessionId });
    expect(detail.attendance.every((r) => r.userId === student.id)).toBe(true);
    await expect(as(student).attendance.listRecords({ sessionId })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
