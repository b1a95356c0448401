/**
 * Revoking access takes effect at once, against real PostgreSQL and a real
 * livekit-server (participants joined with @livekit/rtc-node, webhooks
 * through the app's handler): a deactivated user's session is refused on its
 * next request and gets no token, they are removed from the live room, and a
 * client coming back with a token minted earlier is removed again by the
 * server at participant_joined — no manager's page open anywhere.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveSessionActor } from '@/server/auth/session-actor';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { createLivekitGateway } from '@/server/livekit/gateway';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, closeTestDb, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { joinAsParticipant, type TestParticipant } from '@/server/testing/livekit-participant';
import { setUserActive } from './set-user-active';

const db = testDb();
const livekit = () => createLivekitGateway(integrationConfig().livekit);
const joined: TestParticipant[] = [];
let academyId: number;
let teacher: Actor;

beforeAll(async () => {
  // Students may publish before the teacher arrives: this file is about revocation, not the waiting room.
  academyId = (await createAcademy(db, {}, { studentsTalkBeforeTeacher: true })).id;
  teacher = actorOf(await createUser(db, { academyId, role: 'teacher' }));
});

afterAll(async () => {
  for (const p of joined) await p.disconnect().catch(() => {});
  await closeTestDb();
});

async function liveSessionWith(student: Actor) {
  const circle = await createCircle(db, { academyId, teacherId: teacher.id, studentIds: [student.id] });
  const session = await createSession(db, { academyId, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
  const { roomName } = await callerFor(testDeps(), teacher).meeting.create({ sessionId: session.id });
  return { sessionId: session.id, roomName };
}

const inRoom = async (roomName: string, identity: string) => (await livekit().listParticipants(roomName)).some((p) => p.identity === identity);

describe('the per-request session check', () => {
  it('refuses a session once the user is deactivated, their role or academy changes, or their academy is deactivated', async () => {
    const claimsOf = async (id: number) => {
      const [u] = await db.select().from(users).where(eq(users.id, id));
      return { actor: actorOf(u!), sessionVersion: u!.sessionVersion };
    };
    const a = await createUser(db, { academyId, role: 'student' });
    const signedIn = await claimsOf(a.id);
    expect(await resolveSessionActor(db, signedIn)).toEqual(actorOf(a));
    // A token from before session versions existed is refused.
    expect(await resolveSessionActor(db, { actor: signedIn.actor })).toBeNull();

    await setUserActive(testDeps(), { userId: a.id, active: false });
    expect(await resolveSessionActor(db, signedIn)).toBeNull();
    // Turning them back on does not revive the old session: they sign in again.
    await setUserActive(testDeps(), { userId: a.id, active: true });
    expect(await resolveSessionActor(db, signedIn)).toBeNull();
    const again = await claimsOf(a.id);
    expect(await resolveSessionActor(db, again)).toEqual(actorOf(a));

    await db.update(users).set({ role: 'parent' }).where(eq(users.id, a.id));
    expect(await resolveSessionActor(db, again)).toBeNull();

    const other = await createAcademy(db);
    const b = await createUser(db, { academyId, role: 'teacher' });
    const bClaims = await claimsOf(b.id);
    await db.update(users).set({ academyId: other.id }).where(eq(users.id, b.id));
    expect(await resolveSessionActor(db, bClaims)).toBeNull();

    const c = await createUser(db, { academyId: other.id, role: 'academy_admin' });
    const cClaims = await claimsOf(c.id);
    expect(await resolveSessionActor(db, cClaims)).not.toBeNull();
    await db.update(academies).set({ active: false }).where(eq(academies.id, other.id));
    expect(await resolveSessionActor(db, cClaims)).toBeNull();
  });
});

describe('a deactivated participant', () => {
  it('gets no new token, is removed from the live room at once, and is removed again when a saved token brings them back', async () => {
    const student = actorOf(await createUser(db, { academyId, role: 'student', name: 'Saved Token' }));
    const { sessionId, roomName } = await liveSessionWith(student);
    const token = await callerFor(testDeps(), student).meeting.token({ sessionId });
    const first = await joinAsParticipant(token.serverUrl, token.token);
    joined.push(first);
    // In the room as far as attendance knows (the participant_joined webhook was stored).
    await eventually(async () => (await callerFor(testDeps(), teacher).attendance.listRecords({ sessionId })).some((r) => r.userId === student.id && r.inRoom), 'the join recorded');

    const { removedFromRooms } = await setUserActive(testDeps(), { userId: student.id, active: false });
    expect(removedFromRooms).toEqual([roomName]);
    await first.disconnected;
    expect(await inRoom(roomName, token.identity)).toBe(false);
    // Whoever built the actor, every session procedure refuses them now.
    await expect(callerFor(testDeps(), student).meeting.token({ sessionId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(callerFor(testDeps(), student).session.detail({ sessionId })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });

    // The token they saved still opens LiveKit's door; the server shows them out at participant_joined.
    const back = await joinAsParticipant(token.serverUrl, token.token);
    joined.push(back);
    await back.disconnected;
    await eventually(async () => !(await inRoom(roomName, token.identity)), 'the comeback removed');
  });
});

describe('a forbidden track', () => {
  it('is unpublished by the server when a student whose token predates "stop publishing" publishes a microphone', async () => {
    const student = actorOf(await createUser(db, { academyId, role: 'student', name: 'Old Grants' }));
    const { sessionId, roomName } = await liveSessionWith(student);
    const token = await callerFor(testDeps(), student).meeting.token({ sessionId });
    expect(token.grants.canPublish).toBe(true);
    // The teacher stops students publishing while this student is not connected: nothing in LiveKit to change yet.
    await callerFor(testDeps(), teacher).room.setPublishing({ sessionId, allowed: false });

    const p = await joinAsParticipant(token.serverUrl, token.token);
    joined.push(p);
    await p.publishMicrophone().catch(() => undefined);
    // No manager's page, no sweep: the webhooks alone take the grant and the track away.
    const live = await eventually(async () => {
      const me = (await livekit().listParticipants(roomName)).find((x) => x.identity === token.identity);
      return me && !me.canPublish && me.trackSids.every((t) => t.sourceName !== 'microphone' || t.muted) ? me : undefined;
    }, 'the microphone unpublished');
    expect(live.canPublish).toBe(false);
  });
});
