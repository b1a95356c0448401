import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attendanceEvents, attendanceRecords, webhookEvents } from '@/server/db/schema';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookJson, webhookRequest } from '@/server/testing/signed-webhook';
import { participantIdentity } from '@/shared/classroom/identity';
import { handleLivekitWebhook } from './livekit-webhook';

const db = testDb();
const deps = () => testDeps();
const keys = () => integrationConfig().livekit;
let roomName: string;
let sessionId: number;
let student: Awaited<ReturnType<typeof createUser>>;

async function countStored(id: string) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(webhookEvents).where(eq(webhookEvents.id, id));
  return row!.n;
}

beforeAll(async () => {
  const academy = await createAcademy(db);
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  student = await createUser(db, { academyId: academy.id, role: 'student', name: 'مريم' });
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  sessionId = session.id;
  roomName = (await callerFor(deps(), actorOf(teacher)).meeting.create({ sessionId })).roomName;
});

afterAll(closeTestDb);

function joinedBody(id: string) {
  const now = Math.floor(Date.now() / 1000);
  return webhookJson({
    id,
    event: 'participant_joined',
    createdAt: now,
    room: { name: roomName },
    participant: { sid: `PA_${id.slice(3)}`, identity: participantIdentity(student.id, 'مريم'), name: 'مريم', joinedAt: now },
  });
}

describe('POST /api/livekit/webhook', () => {
  it('stores a signed event once when delivered twice, with one attendance join', async () => {
    const body = joinedBody('EV_twice1');
    const auth = await signWebhook(body, keys().apiKey, keys().apiSecret);
    const first = await handleLivekitWebhook(await webhookRequest(body, auth), deps());
    const second = await handleLivekitWebhook(await webhookRequest(body, auth), deps());
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ duplicate: false });
    expect(second.status).toBe(200);
    expect(await second.json()).toMatchObject({ duplicate: true });
    expect(await countStored('EV_twice1')).toBe(1);
    const joins = await db.select().from(attendanceEvents).where(eq(attendanceEvents.sourceEventId, 'EV_twice1'));
    expect(joins).toHaveLength(1);
    const [record] = await db.select().from(attendanceRecords).where(eq(attendanceRecords.userId, student.id));
    expect(record).toMatchObject({ sessionId, joinCount: 1, inRoom: true, userType: 'student' });
  });

  it('answers 401 and stores nothing without a signature', async () => {
    const body = joinedBody('EV_unsigned');
    const response = await handleLivekitWebhook(await webhookRequest(body, null), deps());
    expect(response.status).toBe(401);
    expect(await countStored('EV_unsigned')).toBe(0);
  });

  it('answers 401 for a forged token, a tampered body and a wrong key', async () => {
    const body = joinedBody('EV_forged');
    const good = await signWebhook(body, keys().apiKey, keys().apiSecret);
    const cases = [
      await webhookRequest(body, await signWebhook(body, keys().apiKey, 'not-the-secret-at-all-0123456789')),
      await webhookRequest(body.replace('participant_joined', 'participant_left'), good),
      await webhookRequest(body, await signWebhook(body, 'another-key', keys().apiSecret)),
      await webhookRequest(body, 'garbage'),
      await webhookRequest(body, `Bearer ${good}`),
    ];
    for (const request of cases) expect((await handleLivekitWebhook(request, deps())).status).toBe(401);
    expect(await countStored('EV_forged')).toBe(0);
  });

  it('answers 400 for a signed but malformed body', async () => {
    for (const body of ['{not json', '[]', JSON.stringify({ event: 'participant_joined' })]) {
      const auth = await signWebhook(body, keys().apiKey, keys().apiSecret);
      expect((await handleLivekitWebhook(await webhookRequest(body, auth), deps())).status).toBe(400);
    }
  });

  it('stores and flags events of unknown rooms and identities, answering 200', async () => {
    const unknownRoom = webhookJson({ id: 'EV_unknownroom', event: 'room_started', createdAt: 1, room: { name: 'nowhere-quran-session-999999' } });
    const r1 = await handleLivekitWebhook(await webhookRequest(unknownRoom, await signWebhook(unknownRoom, keys().apiKey, keys().apiSecret)), deps());
    expect(r1.status).toBe(200);
    const stranger = webhookJson({
      id: 'EV_stranger',
      event: 'participant_joined',
      createdAt: 2,
      room: { name: roomName },
      participant: { sid: 'PA_stranger', identity: 'guest-without-id' },
    });
    const r2 = await handleLivekitWebhook(await webhookRequest(stranger, await signWebhook(stranger, keys().apiKey, keys().apiSecret)), deps());
    expect(r2.status).toBe(200);
    const rows = await db.select({ id: webhookEvents.id, flag: webhookEvents.flag }).from(webhookEvents).where(sql`${webhookEvents.id} IN ('EV_unknownroom', 'EV_stranger')`).orderBy(webhookEvents.id);
    expect(rows).toEqual([
      { id: 'EV_stranger', flag: 'unknown_identity' },
      { id: 'EV_unknownroom', flag: 'unknown_room' },
    ]);
    expect(await db.select().from(attendanceEvents).where(eq(attendanceEvents.participantSid, 'PA_stranger'))).toHaveLength(0);
  });
});
