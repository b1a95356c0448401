/**
 * The HTTP edge on the real database (every route's body limit:
 * app/api/body-limits.int.test.ts): limits answer 429 with Retry-After, an internal error reaches the
 * client as a reference only (the log has the cause under the same id), and
 * /api/health keeps its details for the cron secret and super admins.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDb } from '@/server/db';
import type { Actor } from '@/server/lib/actor';
import { createMeeting } from '@/server/modules/meetings';
import { INFO_RATE_LIMIT } from '@/server/modules/meetings/get-meeting-info';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, closeTestDb, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { handleHealth } from './health';
import { handleTrpcRequest } from './trpc';

const db = testDb();
let student: Actor;
let superAdmin: Actor;
let sessionId: number;

beforeAll(async () => {
  const academy = await createAcademy(db);
  const teacher = actorOf(await createUser(db, { academyId: academy.id, role: 'teacher' }));
  student = actorOf(await createUser(db, { academyId: academy.id, role: 'student' }));
  superAdmin = actorOf(await createUser(db, { academyId: null, role: 'super_admin' }));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  sessionId = (await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() })).id;
  await createMeeting(testDeps(), { sessionId, createdBy: teacher.id });
});

afterAll(closeTestDb);

const trpcGet = (procedure: string, input: unknown, actor: Actor | null, deps = testDeps()) =>
  handleTrpcRequest(new Request(`http://127.0.0.1:3000/api/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`), async () => ({ deps, actor, headers: null }));

describe('limits over HTTP', () => {
  it(`meeting.info: ${INFO_RATE_LIMIT.limit} a minute, then 429 with Retry-After`, async () => {
    let last: Response | undefined;
    for (let i = 0; i <= INFO_RATE_LIMIT.limit; i++) {
      last = await trpcGet('meeting.info', { sessionId }, student);
      if (last.status !== 200) break;
    }
    expect(last!.status).toBe(429);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await last!.json()).error.json.data.code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('internal errors', () => {
  it('answer a generic message and a reference; the log carries the cause under the same reference', async () => {
    // A database without Halaqa's tables: the procedure fails inside, with the driver's words. (A database
    // that cannot be reached is "temporarily unavailable", 503: database-outage.int.test.ts.)
    const empty = new URL(integrationConfig().databaseUrl);
    empty.pathname = '/postgres';
    const broken = createDb(empty.toString(), { max: 1 });
    const logged: string[] = [];
    // The logger (pino) writes warnings and errors to stderr.
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    });
    try {
      const res = await trpcGet('profile.me', undefined, student, { ...testDeps(), db: broken.db });
      expect(res.status).toBe(500);
      const text = await res.text();
      const body = JSON.parse(text).error.json;
      expect(body.message).toMatch(/^Something went wrong on our side\. If it happens again, quote this reference: [0-9a-f-]{36}$/);
      expect(text).not.toMatch(/ECONNREFUSED|does not exist|relation "|select |stack/i);
      const id = body.data.correlationId as string;
      expect(body.message).toContain(id);
      const line = logged.find((l) => l.includes(id));
      expect(line, 'a log line with the reference').toBeDefined();
      expect(line).toMatch(/Failed query: select/);
      expect(line).toMatch(/does not exist/);
    } finally {
      spy.mockRestore();
      await broken.close();
    }
  });
});

describe('refusals the installation causes', () => {
  it('are worded for the reader, keyed for translation, with the technical detail for super admins only', async () => {
    const noVideo = { ...testDeps(), livekit: null, videoUnavailableReason: 'livekit-server did not start: port 7880 in use' };
    const post = (actor: Actor) =>
      handleTrpcRequest(
        new Request('http://127.0.0.1:3000/api/trpc/meeting.token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ json: { sessionId } }) }),
        async () => ({ deps: noVideo, actor, headers: null }),
      );
    const forStudent = await post(student);
    expect(forStudent.status).toBe(503);
    const text = await forStudent.text();
    expect(JSON.parse(text).error.json).toMatchObject({ message: 'Video is not available right now. Please try again later.', data: { code: 'SERVICE_UNAVAILABLE', reason: 'video-unavailable' } });
    expect(text).not.toContain('7880');
    const forSuper = (await (await post(superAdmin)).json()).error.json;
    expect(forSuper.data).toMatchObject({ reason: 'video-unavailable', detail: 'Video is unavailable: livekit-server did not start: port 7880 in use' });
  });
});

describe('/api/health', () => {
  const deps = { db, videoUnavailableReason: 'livekit-server did not start: port in use' };
  const secret = 'x'.repeat(40);
  const health = (headers: Record<string, string>, actor: Actor | null) =>
    handleHealth(new Request('http://127.0.0.1:3000/api/health', { headers }), deps, { cronSecret: secret, actor: async () => actor });

  it('tells an anonymous caller, or a signed-in non-admin, only up or down', async () => {
    for (const res of [await health({}, null), await health({}, student), await health({ authorization: 'Bearer wrong' }, null)]) {
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true });
    }
  });

  it('gives the details to the cron secret and to a super admin', async () => {
    const want = { ok: true, database: true, video: false, videoUnavailableReason: 'livekit-server did not start: port in use' };
    expect(await (await health({ authorization: `Bearer ${secret}` }, null)).json()).toEqual(want);
    expect(await (await health({}, superAdmin)).json()).toEqual(want);
  });

  it('answers 503 when the database is down, still without details', async () => {
    const broken = createDb('postgres://nobody:secret@127.0.0.1:9/halaqa_gone', { max: 1 });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const res = await handleHealth(new Request('http://127.0.0.1:3000/api/health'), { db: broken.db, videoUnavailableReason: null }, { cronSecret: secret, actor: async () => null });
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false });
    } finally {
      vi.restoreAllMocks();
      await broken.close();
    }
  });
});
