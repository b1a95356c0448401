import { TokenVerifier } from 'livekit-server-sdk';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings, sessions } from '@/server/db/schema';
import { createAcademy, createCircle, createSession, createUser, linkParent } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps, unreachableLivekit } from '@/server/testing/integration';
import { joinAsParticipant } from '@/server/testing/livekit-participant';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { markTeacherArrived } from '@/server/modules/controls';

const db = testDb();
let academy: Awaited<ReturnType<typeof createAcademy>>;
let teacher: Awaited<ReturnType<typeof createUser>>;
let student: Awaited<ReturnType<typeof createUser>>;
let parent: Awaited<ReturnType<typeof createUser>>;
let supervisor: Awaited<ReturnType<typeof createUser>>;
let circleId: number;

async function newSession(overrides: { minutesFromNow?: number; durationMinutes?: number } = {}) {
  return createSession(db, {
    academyId: academy.id,
    teacherId: teacher.id,
    circleId,
    scheduledAt: new Date(Date.now() + (overrides.minutesFromNow ?? 0) * 60_000),
    durationMinutes: overrides.durationMinutes ?? 60,
  });
}

const admin = () => createLivekitGateway(integrationConfig().livekit);

beforeAll(async () => {
  academy = await createAcademy(db, { nameAr: 'أكاديمية الاختبار' });
  teacher = await createUser(db, { academyId: academy.id, role: 'teacher', name: 'أحمد محمد' });
  student = await createUser(db, { academyId: academy.id, role: 'student', name: 'يوسف' });
  parent = await createUser(db, { academyId: academy.id, role: 'parent', name: 'Parent' });
  supervisor = await createUser(db, { academyId: academy.id, role: 'supervisor', name: 'Supervisor' });
  await linkParent(db, academy.id, parent.id, student.id);
  circleId = (await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] })).id;
});

afterAll(closeTestDb);

describe('meeting.create', () => {
  it('creates one real room with the deterministic name, twice gives the same meeting', async () => {
    const session = await newSession();
    const caller = callerFor(testDeps(), actorOf(teacher));
    const first = await caller.meeting.create({ sessionId: session.id });
    const second = await caller.meeting.create({ sessionId: session.id });
    expect(first.created).toBe(true);
    expect(second.created).toBe(false);
    expect(first.roomName).toBe(`${academy.slug}-quran-session-${session.id}`);
    expect(second.roomName).toBe(first.roomName);

    const room = await admin().getRoom(first.roomName);
    expect(room).not.toBeNull();
    const metadata = JSON.parse(room!.metadata);
    expect(metadata).toMatchObject({ created_by: String(teacher.id), session_id: session.id, session_type: 'quran', recording_enabled: false });
    const rows = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
    expect(rows).toHaveLength(1);
    const [updated] = await db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(updated!.status).toBe('ready');
  });

  it('ten concurrent calls produce one LiveKit room and one row', async () => {
    const session = await newSession();
    const caller = callerFor(testDeps(), actorOf(teacher));
    const results = await Promise.all(Array.from({ length: 10 }, () => caller.meeting.create({ sessionId: session.id })));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.roomName)).size).toBe(1);
    const rows = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
    expect(rows).toHaveLength(1);
    const rooms = (await Promise.all([admin().getRoom(results[0]!.roomName)])).filter(Boolean);
    expect(rooms).toHaveLength(1);
  });

  it('applies the request over teacher and academy options', async () => {
    const session = await newSession();
    const created = await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id, maxParticipants: 7 });
    const [row] = await db.select().from(meetings).where(eq(meetings.sessionId, session.id));
    expect(row!.options).toMatchObject({ maxParticipants: 7, recordingEnabled: false, maxDurationMinutes: 120 });
    expect(created.joinUrl).toMatch(new RegExp(`/room/${session.id}$`));
  });

  it('stores nothing and leaves the session scheduled when LiveKit is down', async () => {
    const session = await newSession();
    const caller = callerFor(testDeps({ livekit: unreachableLivekit() }), actorOf(teacher));
    await expect(caller.meeting.create({ sessionId: session.id })).rejects.toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect(await db.select().from(meetings).where(eq(meetings.sessionId, session.id))).toHaveLength(0);
    const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
    expect(row!.status).toBe('scheduled');
  });
});

describe('meeting.token', () => {
  async function decode(token: string) {
    const { apiKey, apiSecret } = integrationConfig().livekit;
    return new TokenVerifier(apiKey, apiSecret).verify(token);
  }

  it('gives the teacher roomAdmin and publish grants for this room only', async () => {
    const session = await newSession();
    const { roomName } = await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    const result = await callerFor(testDeps(), actorOf(teacher)).meeting.token({ sessionId: session.id });
    const claims = await decode(result.token);
    expect(claims.sub).toBe(`${teacher.id}_ahmd-mhmd`);
    expect(claims.name).toBe('أحمد محمد');
    expect(JSON.parse(claims.metadata!)).toEqual({ name: 'أحمد محمد', role: 'teacher', user_id: teacher.id });
    expect(claims.video).toMatchObject({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: true });
    expect(claims.exp! - claims.nbf!).toBeLessThanOrEqual(3 * 3600);
  });

  it('lets a circle student publish without roomAdmin, and a parent only subscribe', async () => {
    const session = await newSession();
    await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    // Before the teacher arrives a student waits, publishing nothing (docs/rules.md#join-grants); then may publish.
    const waiting = await decode((await callerFor(testDeps(), actorOf(student)).meeting.token({ sessionId: session.id })).token);
    expect(waiting.video).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: true });
    await markTeacherArrived(db, { academyId: academy.id, sessionId: session.id }, new Date());
    const studentClaims = await decode((await callerFor(testDeps(), actorOf(student)).meeting.token({ sessionId: session.id })).token);
    expect(studentClaims.video).toMatchObject({ canPublish: true, canSubscribe: true, canPublishData: true });
    expect(studentClaims.video?.roomAdmin ?? false).toBe(false);
    const parentClaims = await decode((await callerFor(testDeps(), actorOf(parent)).meeting.token({ sessionId: session.id })).token);
    expect(parentClaims.video).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: false });
    expect(parentClaims.video?.roomAdmin ?? false).toBe(false);
  });

  it('lets a supervisor join hidden without publishing, and refuses hidden to a student', async () => {
    const session = await newSession();
    await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    const claims = await decode((await callerFor(testDeps(), actorOf(supervisor)).meeting.token({ sessionId: session.id, hidden: true })).token);
    expect(claims.video).toMatchObject({ hidden: true, canPublish: false, roomAdmin: true });
    await expect(callerFor(testDeps(), actorOf(student)).meeting.token({ sessionId: session.id, hidden: true })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('is refused before the meeting exists and after the session ended', async () => {
    const session = await newSession();
    await expect(callerFor(testDeps(), actorOf(student)).meeting.token({ sessionId: session.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: session.id });
    await expect(callerFor(testDeps(), actorOf(teacher)).meeting.token({ sessionId: session.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('meeting.info', () => {
  it('recreates a room LiveKit lost while the DB says live', async () => {
    const session = await newSession();
    const { roomName } = await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    await admin().deleteRoom(roomName);
    expect(await admin().getRoom(roomName)).toBeNull();
    const info = await callerFor(testDeps(), actorOf(teacher)).meeting.info({ sessionId: session.id });
    expect(info).toMatchObject({ recreated: true, active: true, fallbackMode: false, roomName });
    expect(await admin().getRoom(roomName)).not.toBeNull();
  });

  it('answers from the DB with fallbackMode when LiveKit is unreachable', async () => {
    const session = await newSession();
    const { roomName } = await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    const info = await callerFor(testDeps({ livekit: unreachableLivekit() }), actorOf(teacher)).meeting.info({ sessionId: session.id });
    expect(info).toMatchObject({ fallbackMode: true, roomName, active: false });
  });
});

describe('meeting.end with a connected participant', () => {
  it('removes the participant, deletes the room and completes the session', async () => {
    const session = await newSession({ minutesFromNow: -1 });
    const { roomName } = await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    const { token, serverUrl } = await callerFor(testDeps(), actorOf(student)).meeting.token({ sessionId: session.id });
    const participant = await joinAsParticipant(serverUrl, token);
    await eventually(async () => (await admin().listParticipants(roomName)).length === 1, 'participant in the room');
    await eventually(async () => {
      const [row] = await db.select().from(sessions).where(eq(sessions.id, session.id));
      return row!.status === 'ongoing';
    }, 'participant_joined webhook');

    const result = await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: session.id });
    expect(result).toMatchObject({ status: 'completed', anyStudentJoined: true, alreadyEnded: false, removedParticipants: 1 });
    await participant.disconnected;
    expect(await admin().getRoom(roomName)).toBeNull();

    const again = await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: session.id });
    expect(again).toMatchObject({ status: 'completed', alreadyEnded: true });
  });

  it('ends as absent when no student ever joined', async () => {
    const session = await newSession();
    await callerFor(testDeps(), actorOf(teacher)).meeting.create({ sessionId: session.id });
    const result = await callerFor(testDeps(), actorOf(teacher)).meeting.end({ sessionId: session.id });
    expect(result.status).toBe('absent');
  });
});
