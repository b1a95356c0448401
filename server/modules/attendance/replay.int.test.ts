/**
 * Replay: 10,000 webhook events delivered in order (per room, rooms side by
 * side, as LiveKit delivers them), and the same events
 * shuffled with 20 % duplicates (and several deliveries at once), give
 * identical attendance records.
 */
import fc from 'fast-check';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { attendanceRecords, meetings, sessions } from '@/server/db/schema';
import { handleLivekitWebhook } from '@/server/http/livekit-webhook';
import { participantIdentity } from '@/shared/classroom/identity';
import { roomNameFor } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookJson, webhookRequest, type WebhookBody } from '@/server/testing/signed-webhook';

const SESSIONS = 20;
const USERS = 10;
const TARGET_EVENTS = Number(process.env.REPLAY_EVENTS ?? 10_000);
const db = testDb();
afterAll(closeTestDb);

interface Plan {
  /** Per session, per user: connection intervals as second offsets from the start. */
  connections: [number, number][][][];
}

/** Random but reproducible connection histories: gaps short and long, overlaps (a second tab). */
function makePlan(seed: number): Plan {
  const perUser = Math.ceil(TARGET_EVENTS / (SESSIONS * USERS * 2));
  const [connections] = fc.sample(
    fc.array(
      fc.array(fc.array(fc.tuple(fc.integer({ min: -300, max: 300 }), fc.integer({ min: 1, max: 600 })), { minLength: perUser, maxLength: perUser }), {
        minLength: USERS,
        maxLength: USERS,
      }),
      { minLength: SESSIONS, maxLength: SESSIONS },
    ),
    { seed, numRuns: 1 },
  );
  return {
    connections: connections!.map((users) =>
      users.map((steps) => {
        let at = -600;
        return steps.map(([gap, length]) => {
          at += gap > 0 ? gap : Math.floor(gap / 3);
          const interval: [number, number] = [at, at + length];
          at += length;
          return interval;
        });
      }),
    ),
  };
}

async function buildAcademy(label: string) {
  const academy = await createAcademy(db, { slug: `replay-${label}-${Date.now()}` });
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const users = [];
  for (let i = 0; i < USERS; i += 1) users.push(await createUser(db, { academyId: academy.id, role: 'student', name: `طالب ${i}` }));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: users.map((u) => u.id) });
  const start = new Date('2026-05-01T08:00:00Z');
  const sessionRows = [];
  for (let s = 0; s < SESSIONS; s += 1) {
    const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: start, durationMinutes: 60, status: 'ready' });
    await db.insert(meetings).values({
      academyId: academy.id,
      sessionId: session.id,
      roomName: roomNameFor(academy.slug, 'quran', session.id),
      joinUrl: '/room',
      options: {},
      expiresAt: new Date(start.getTime() + 2 * 3600_000),
    });
    sessionRows.push(session);
  }
  return { academy, users, sessions: sessionRows, start };
}

function eventsFor(label: string, built: Awaited<ReturnType<typeof buildAcademy>>, plan: Plan): WebhookBody[] {
  const startS = built.start.getTime() / 1000;
  const events: WebhookBody[] = [];
  built.sessions.forEach((session, s) => {
    const room = { name: roomNameFor(built.academy.slug, 'quran', session.id) };
    built.users.forEach((user, u) => {
      plan.connections[s]![u]!.forEach(([from, to], c) => {
        const participant = { sid: `PA_${label}${s}x${u}x${c}`, identity: participantIdentity(user.id, user.name), name: user.name, joinedAt: startS + from };
        events.push({ id: `EV_${label}_${s}_${u}_${c}_j`, event: 'participant_joined', createdAt: startS + from, room, participant });
        events.push({ id: `EV_${label}_${s}_${u}_${c}_l`, event: 'participant_left', createdAt: startS + to, room, participant });
      });
    });
    events.push({ id: `EV_${label}_${s}_finished`, event: 'room_finished', createdAt: startS + 3600 + 900, room });
  });
  return events;
}

async function deliver(events: WebhookBody[], concurrency: number) {
  const { apiKey, apiSecret } = integrationConfig().livekit;
  const deps = testDeps();
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < events.length) {
        const body = webhookJson(events[next++]!);
        const response = await handleLivekitWebhook(await webhookRequest(body, await signWebhook(body, apiKey, apiSecret)), deps);
        statuses.push(response.status);
      }
    }),
  );
  return statuses;
}

/** In order within each room, as LiveKit delivers a room's webhooks; rooms side by side, as many rooms' webhooks arrive. */
async function deliverInOrderPerRoom(events: WebhookBody[], concurrency: number) {
  const rooms = new Map<string, WebhookBody[]>();
  for (const e of events) rooms.set(e.room!.name, [...(rooms.get(e.room!.name) ?? []), e]);
  const queues = [...rooms.values()];
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let room = queues.shift(); room; room = queues.shift()) statuses.push(...(await deliver(room, 1)));
    }),
  );
  return statuses;
}

async function recordsOf(built: Awaited<ReturnType<typeof buildAcademy>>) {
  const rows = await db
    .select()
    .from(attendanceRecords)
    .where(inArray(attendanceRecords.sessionId, built.sessions.map((s) => s.id)))
    .orderBy(asc(attendanceRecords.sessionId), asc(attendanceRecords.userId));
  const sessionIndex = new Map(built.sessions.map((s, i) => [s.id, i]));
  const userIndex = new Map(built.users.map((u, i) => [u.id, i]));
  return rows.map(({ sessionId, userId, academyId: _a, calculatedAt: _c, overriddenBy: _o, ...rest }) => ({
    session: sessionIndex.get(sessionId),
    user: userIndex.get(userId) ?? 'teacher',
    ...rest,
  }));
}

describe('replay', () => {
  it('gives identical records for ordered and shuffled-with-duplicates delivery of 10,000 events', async () => {
    const plan = makePlan(42);
    const ordered = await buildAcademy('o');
    const shuffled = await buildAcademy('s');
    const orderedEvents = eventsFor('o', ordered, plan).sort((a, b) => a.createdAt - b.createdAt || (a.event === 'room_finished' ? 1 : 0));
    const base = eventsFor('s', shuffled, plan);
    expect(base.length).toBeGreaterThanOrEqual(TARGET_EVENTS);

    const [dupes] = fc.sample(fc.shuffledSubarray(base, { minLength: Math.floor(base.length * 0.2), maxLength: Math.floor(base.length * 0.2) }), { seed: 7, numRuns: 1 });
    const [mixed] = fc.sample(fc.shuffledSubarray([...base, ...dupes!], { minLength: base.length + dupes!.length }), { seed: 9, numRuns: 1 });
    expect(mixed!.length).toBe(Math.floor(base.length * 1.2));

    const orderedStatuses = await deliverInOrderPerRoom(orderedEvents, 6);
    const shuffledStatuses = await deliver(mixed!, 6);
    expect(orderedStatuses.every((s) => s === 200)).toBe(true);
    expect(shuffledStatuses.every((s) => s === 200)).toBe(true);

    const a = await recordsOf(ordered);
    const b = await recordsOf(shuffled);
    expect(a.length).toBe(SESSIONS * (USERS + 1));
    expect(b).toEqual(a);
    const finished = await db.select({ status: sessions.status }).from(sessions).where(and(eq(sessions.academyId, shuffled.academy.id)));
    expect(new Set(finished.map((s) => s.status))).toEqual(new Set(['completed']));
  }, 600_000);
});
