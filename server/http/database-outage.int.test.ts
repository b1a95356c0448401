/**
 * PostgreSQL stopped in the middle of a webhook flood, on a server of its own:
 * the webhook route answers 503 while it is down, a sender that redelivers as
 * LiveKit does (one queue per room, in order, retry on 5xx with backoff 1 s,
 * 2 s, 4 s, 8 s: five attempts) stores everything once it is back, and the
 * attendance equals that of an undisturbed run of the same events. Meanwhile
 * the token procedure answers 503 "temporarily unavailable" — never a 500,
 * never SQL — including when the outage hits while the request context is built.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type DbHandle } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { attendanceRecords } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, integrationConfig, testDeps } from '@/server/testing/integration';
import { signWebhook, webhookJson, webhookRequest, type WebhookBody } from '@/server/testing/signed-webhook';
import { DATABASE_UNAVAILABLE_MESSAGE } from '@/server/trpc/error-map';
import { participantIdentity } from '@/shared/classroom/identity';
import { createDatabase, startEmbeddedPostgres, type RunningPostgres } from '@/scripts/infra/postgres';
import { handleLivekitWebhook } from './livekit-webhook';
import { handleTrpcRequest } from './trpc';

const STUDENTS = 12;
const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-outage-'));
let pg: RunningPostgres;
let handle: DbHandle;
let deps: Deps;
let students: Actor[];
let teacher: Actor;
const sessionsByRun: Record<'calm' | 'outage', { id: number; roomName: string; start: number }> = {} as never;

const keys = () => integrationConfig().livekit;

beforeAll(async () => {
  pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), extraFlags: ['-c', 'fsync=off'] });
  const url = await createDatabase(pg.url, 'halaqa_outage');
  await runMigrations(url);
  handle = createDb(url, { max: 6 });
  deps = testDeps({ db: handle.db });
  const db = handle.db;
  const academy = await createAcademy(db);
  teacher = actorOf(await createUser(db, { academyId: academy.id, role: 'teacher', name: 'المعلم' }));
  students = [];
  for (let i = 0; i < STUDENTS; i++) students.push(actorOf(await createUser(db, { academyId: academy.id, role: 'student', name: `طالب ${i}` })));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: students.map((s) => s.id) });
  for (const run of ['calm', 'outage'] as const) {
    const start = Math.floor(Date.now() / 1000) - 3600;
    const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(start * 1000), durationMinutes: 60 });
    const { meeting } = await createMeeting(deps, { sessionId: session.id, createdBy: null });
    sessionsByRun[run] = { id: session.id, roomName: meeting.roomName, start };
  }
}, 120_000);

afterAll(async () => {
  await handle?.close();
  await pg?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

/** The class as LiveKit reports it: everyone joins, a few leave and come back, everyone leaves. */
function classEvents(run: 'calm' | 'outage'): WebhookBody[] {
  const { roomName, start } = sessionsByRun[run];
  const events: WebhookBody[] = [];
  const people = [teacher, ...students];
  const participant = (actor: Actor, cycle: number, joinedAt: number) => ({ sid: `PA_${run}_${actor.id}_${cycle}`, identity: participantIdentity(actor.id, actor.name), name: actor.name, joinedAt });
  people.forEach((actor, i) => {
    const joinedAt = start + 30 + i * 20;
    events.push({ id: `EV_${run}_j_${actor.id}`, event: 'participant_joined', createdAt: joinedAt, room: { name: roomName }, participant: participant(actor, 1, joinedAt) });
  });
  students.slice(0, 4).forEach((actor, i) => {
    const leftAt = start + 900 + i * 10;
    events.push({ id: `EV_${run}_l1_${actor.id}`, event: 'participant_left', createdAt: leftAt, room: { name: roomName }, participant: participant(actor, 1, start + 30) });
    const back = leftAt + 400;
    events.push({ id: `EV_${run}_j2_${actor.id}`, event: 'participant_joined', createdAt: back, room: { name: roomName }, participant: participant(actor, 2, back) });
  });
  people.forEach((actor, i) => {
    const cycle = students.slice(0, 4).includes(actor) ? 2 : 1;
    events.push({ id: `EV_${run}_l_${actor.id}`, event: 'participant_left', createdAt: start + 3300 + i, room: { name: roomName }, participant: participant(actor, cycle, start + 30) });
  });
  return events.sort((a, b) => a.createdAt - b.createdAt);
}

/** LiveKit's delivery: in order, each event retried on 5xx or no answer, backoff 1, 2, 4, 8 s; five attempts. */
async function deliverLikeLivekit(events: WebhookBody[], statuses: number[]): Promise<void> {
  for (const body of events) {
    const raw = webhookJson(body);
    for (let attempt = 1; ; attempt++) {
      const response = await handleLivekitWebhook(await webhookRequest(raw, await signWebhook(raw, keys().apiKey, keys().apiSecret)), { ...deps, livekit: null });
      statuses.push(response.status);
      if (response.status < 500) break;
      if (attempt === 5) throw new Error(`${body.id} dropped after five attempts`);
      await new Promise((r) => setTimeout(r, 1_000 * 2 ** (attempt - 1)));
    }
  }
}

async function tokenRequest(actor: Actor, sessionId: number, context?: () => Promise<never>) {
  const request = new Request('http://127.0.0.1/api/trpc/meeting.token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' },
    body: JSON.stringify({ json: { sessionId } }),
  });
  const response = await handleTrpcRequest(request, context ?? (async () => ({ deps, actor, headers: request.headers })));
  return { status: response.status, text: await response.text() };
}

const recordsOf = async (sessionId: number) =>
  (await handle.db.select().from(attendanceRecords).where(eq(attendanceRecords.sessionId, sessionId)))
    .map((r) => ({ userId: r.userId, status: r.status, totalSeconds: r.totalSeconds, joinCount: r.joinCount, leaveCount: r.leaveCount, inRoom: r.inRoom, cycles: r.cycles.length }))
    .sort((a, b) => a.userId - b.userId);

describe('PostgreSQL stopped during a webhook flood', () => {
  it('503 while it is down, everything stored after redelivery, attendance as in an undisturbed run', async () => {
    const calmStatuses: number[] = [];
    await deliverLikeLivekit(classEvents('calm'), calmStatuses);
    expect(calmStatuses.every((s) => s === 200)).toBe(true);
    expect((await tokenRequest(students[0]!, sessionsByRun.calm.id)).status).toBe(200);

    const events = classEvents('outage');
    const statuses: number[] = [];
    const half = Math.floor(events.length / 2);
    await deliverLikeLivekit(events.slice(0, half), statuses);
    await pg.stop();
    // The rest of the flood arrives while the database is down: LiveKit keeps retrying.
    const flood = deliverLikeLivekit(events.slice(half), statuses);

    // Meanwhile a student asks for a token: a clear 503, no SQL, no driver error.
    const token = await tokenRequest(students[1]!, sessionsByRun.outage.id);
    expect(token.status).toBe(503);
    expect(token.text).toContain(DATABASE_UNAVAILABLE_MESSAGE);
    expect(token.text).not.toMatch(/select|insert|ECONNREFUSED|postgres/i);
    // The outage can also strike while the request context is read (the session's revocation check).
    const inContext = await tokenRequest(students[1]!, sessionsByRun.outage.id, async () => {
      await handle.db.execute(sql`select 1`);
      throw new Error('unreachable');
    });
    expect(inContext.status).toBe(503);
    expect(inContext.text).toContain(DATABASE_UNAVAILABLE_MESSAGE);

    await new Promise((r) => setTimeout(r, 3_000));
    expect(statuses.filter((s) => s === 503).length).toBeGreaterThan(0);
    pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), port: pg.port, extraFlags: ['-c', 'fsync=off'] });
    await flood;

    expect(statuses.filter((s) => s === 200)).toHaveLength(events.length);
    expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
    const calm = await recordsOf(sessionsByRun.calm.id);
    const outage = await recordsOf(sessionsByRun.outage.id);
    expect(outage).toHaveLength(STUDENTS + 1);
    expect(outage).toEqual(calm);
    expect(outage.filter((r) => r.joinCount === 2)).toHaveLength(4);
    expect((await tokenRequest(students[1]!, sessionsByRun.outage.id)).status).toBe(200);
  }, 120_000);
});
