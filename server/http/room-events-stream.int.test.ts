/**
 * room.events over real HTTP (server-sent events, as a browser gets them),
 * the way a serverless host runs it:
 * - HALAQA_STREAM_MAX_SECONDS: the server ends the stream by itself after
 *   that long, without tRPC's "return" event (so the client's EventSource
 *   reconnects), and releases the stream's lease; a reconnect with the last
 *   event id gets the command issued while it was away: nothing lost.
 * - DATABASE_LISTEN_URL: the stream LISTENs on its own connection (here
 *   another role) while queries use DATABASE_URL's.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { createDb, type DbHandle } from '@/server/db';
import { userLeases } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { actorOf, callerFor, eventually, integrationConfig, testDb, testDeps } from '@/server/testing/integration';
import { freePort } from '@/scripts/infra/ports';
import { handleTrpcRequest } from './trpc';

// Read when the tRPC instance is made, before any import runs.
vi.hoisted(() => {
  process.env.HALAQA_STREAM_MAX_SECONDS = '5';
});

const LISTEN_ROLE = `halaqa_listen_${process.pid}`;
let server: http.Server;
let baseUrl: string;
let listenHandle: DbHandle;
let deps: Deps;
let teacher: Actor;
let student: Actor;
let sessionId: number;
let viewer: Actor;

beforeAll(async () => {
  // The LISTEN connection logs in as another role, with only the right to connect.
  const db = testDb();
  const url = new URL(integrationConfig().databaseUrl);
  await db.execute(sql.raw(`DROP ROLE IF EXISTS ${LISTEN_ROLE}`));
  await db.execute(sql.raw(`CREATE ROLE ${LISTEN_ROLE} LOGIN PASSWORD 'listen-only'`));
  await db.execute(sql.raw(`GRANT CONNECT ON DATABASE "${url.pathname.slice(1)}" TO ${LISTEN_ROLE}`));
  url.username = LISTEN_ROLE;
  url.password = 'listen-only';
  listenHandle = createDb(url.toString(), { max: 1 });
  deps = { ...testDeps(), listenDb: listenHandle.db };

  const academy = await createAcademy(db);
  teacher = actorOf(await createUser(db, { academyId: academy.id, role: 'teacher' }));
  student = actorOf(await createUser(db, { academyId: academy.id, role: 'student' }));
  const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
  sessionId = (await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() })).id;
  await callerFor(deps, teacher).meeting.create({ sessionId });

  viewer = student;
  const port = await freePort();
  server = http.createServer(async (req, res) => {
    const request = new Request(`http://127.0.0.1:${port}${req.url}`, { method: req.method, headers: { accept: req.headers.accept ?? '*/*' } });
    const response = await handleTrpcRequest(request, async () => ({ deps, actor: viewer, headers: request.headers }));
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (!response.body) return res.end();
    const reader = response.body.getReader();
    req.on('close', () => void reader.cancel().catch(() => {}));
    for (;;) {
      const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (done) break;
      res.write(value);
    }
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  delete process.env.HALAQA_STREAM_MAX_SECONDS;
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await listenHandle?.close();
  await testDb().execute(sql.raw(`DROP OWNED BY ${LISTEN_ROLE}`)).catch(() => {});
  await testDb().execute(sql.raw(`DROP ROLE IF EXISTS ${LISTEN_ROLE}`)).catch(() => {});
});

interface SseEvent {
  event: string | null;
  id: string | null;
  data: string;
}

/** Opens room.events as tRPC's EventSource does; `events` fills as they come, `ended` resolves when the server closes. */
function openStream(lastEventId?: string) {
  const input = encodeURIComponent(JSON.stringify({ json: { sessionId, ...(lastEventId ? { lastEventId } : {}) } }));
  const events: SseEvent[] = [];
  const controller = new AbortController();
  const ended = (async () => {
    const response = await fetch(`${baseUrl}/api/trpc/room.events?input=${input}`, { headers: { accept: 'text/event-stream' }, signal: controller.signal });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    let buffer = '';
    const decoder = new TextDecoder();
    const reader = response.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const field = (name: string) => block.split('\n').filter((l) => l.startsWith(`${name}:`)).map((l) => l.slice(name.length + 1).trimStart());
        events.push({ event: field('event')[0] ?? null, id: field('id')[0] ?? null, data: field('data').join('\n') });
      }
    }
  })();
  return {
    events,
    ended,
    close: () => {
      controller.abort();
      return ended.catch(() => {});
    },
  };
}

const leasesOf = (userId: number) => testDb().$count(userLeases, and(eq(userLeases.userId, userId), eq(userLeases.kind, 'room-events')));

describe('room.events under a maximum stream duration, LISTENing on its own connection', () => {
  it('the server ends the stream after the maximum; a reconnect from the last event id loses no command', async () => {
    const first = openStream();
    await eventually(async () => first.events.some((e) => e.data.includes('"kind":"state"')), 'the first state snapshot');
    // The LISTEN connection is the other role's.
    const [listening] = await testDb().execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = ${LISTEN_ROLE} AND query ILIKE 'listen%'`);
    expect(listening!.n).toBe(1);

    // A command while connected arrives through NOTIFY on that connection.
    await callerFor(deps, teacher).room.setAnnouncement({ sessionId, text: 'first' });
    await eventually(async () => first.events.some((e) => e.data.includes('"text":"first"')), 'the first announcement');
    const lastId = first.events.filter((e) => e.id).at(-1)!.id!;

    // The server closes the stream by itself, with no "return" event: EventSource reconnects.
    await first.ended;
    expect(first.events.some((e) => e.event === 'return')).toBe(false);
    // Its lease (and LISTEN registration) go with it.
    await eventually(async () => (await leasesOf(viewer.id)) === 0, 'the stream lease released');

    // While the client is away, the teacher goes on.
    await callerFor(deps, teacher).room.setAnnouncement({ sessionId, text: 'while away' });

    const second = openStream(lastId);
    await eventually(async () => second.events.some((e) => e.data.includes('"text":"while away"')), 'the command issued while away, replayed');
    expect(second.events.some((e) => e.data.includes('"text":"first"'))).toBe(false);
    await second.close();
  }, 60_000);
});
