/**
 * npm run bench:webhooks — signed participant events for 200 concurrent
 * sessions posted at 64 connections to the production build for 20 s; prints
 * events/s and p99, and in the same run the rate of a route that only
 * verifies the signature (the ceiling), their ratio (target ≥ 0.5), and the
 * stored-event count against the 200 answers (nothing may be lost).
 */
import { sql } from 'drizzle-orm';
import { createDb } from '@/server/db';
import { meetings } from '@/server/db/schema';
import { participantIdentity } from '@/shared/classroom/identity';
import { roomNameFor } from '@/server/modules/meetings';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { signWebhook, webhookJson } from '@/server/testing/signed-webhook';
import { runLoad, startProductionApp, type LoadResult } from './lib/production-app';

const SESSIONS = 200;
const STUDENTS = 5;
const CONNECTIONS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);

const log = (line: string) => console.log(`[bench] ${line}`);

const app = await startProductionApp({ log });
try {
  const handle = createDb(app.databaseUrl, { max: 4 });
  const db = handle.db;
  const academy = await createAcademy(db, { slug: `bench-${Date.now()}` });
  const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
  const rooms: { name: string; students: { id: number; name: string }[] }[] = [];
  log(`seeding ${SESSIONS} live sessions with ${STUDENTS} students each…`);
  for (let s = 0; s < SESSIONS; s += 1) {
    const students = [];
    for (let u = 0; u < STUDENTS; u += 1) students.push(await createUser(db, { academyId: academy.id, role: 'student', name: `طالب ${s}-${u}` }));
    const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: students.map((x) => x.id) });
    const session = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date(), status: 'ready' });
    const name = roomNameFor(academy.slug, 'quran', session.id);
    await db.insert(meetings).values({ academyId: academy.id, sessionId: session.id, roomName: name, joinUrl: '/room', options: {}, expiresAt: new Date(Date.now() + 3 * 3600_000) });
    rooms.push({ name, students });
  }

  /** Event n: session n mod 200; its students join and leave in turn with a new sid per connection. */
  function event(prefix: string, n: number): string {
    const s = n % SESSIONS;
    const k = Math.floor(n / SESSIONS);
    const student = rooms[s]!.students[Math.floor(k / 2) % STUDENTS]!;
    const connection = Math.floor(k / (2 * STUDENTS));
    const now = Math.floor(Date.now() / 1000);
    return webhookJson({
      id: `EV_${prefix}${n}`,
      event: k % 2 === 0 ? 'participant_joined' : 'participant_left',
      createdAt: now,
      room: { name: rooms[s]!.name },
      participant: { sid: `PA_${prefix}${s}x${student.id}x${connection}`, identity: participantIdentity(student.id, student.name), name: student.name, joinedAt: now },
    });
  }

  async function post(path: string, body: string): Promise<number> {
    const authorization = await signWebhook(body, app.secrets.livekitKey, app.secrets.livekitSecret);
    const response = await fetch(`${app.baseUrl}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/webhook+json' }, body });
    await response.arrayBuffer();
    return response.status;
  }

  // Warm both routes so neither pays for compilation or connection set-up in the measurement.
  await runLoad(8, 2, (n) => post('/api/bench/webhook-verify', event('warmv', n)));
  await runLoad(8, 2, (n) => post('/api/livekit/webhook', event('warmw', n)));

  const bare = await runLoad(CONNECTIONS, SECONDS, (n) => post('/api/bench/webhook-verify', event('bare', n)));
  const real = await runLoad(CONNECTIONS, SECONDS, (n) => post('/api/livekit/webhook', event('bench', n)));
  const [stored] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM webhook_events WHERE id LIKE 'EV_bench%'`);
  const [joins] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM attendance_events WHERE source_event_id LIKE 'EV_bench%'`);
  await handle.close();

  const line = (label: string, r: LoadResult) =>
    `${label.padEnd(22)} ${r.perSecond.toFixed(0).padStart(6)} req/s   p50 ${r.p50.toFixed(1)} ms   p99 ${r.p99.toFixed(1)} ms   errors ${r.errors}   statuses ${JSON.stringify(r.statuses)}`;
  console.log('');
  console.log(`webhooks: ${SESSIONS} sessions, ${CONNECTIONS} connections, ${SECONDS} s each`);
  console.log(line('verify-only (ceiling)', bare));
  console.log(line('webhook (store+apply)', real));
  console.log(`ratio webhook / ceiling: ${(real.perSecond / bare.perSecond).toFixed(2)} (target ≥ 0.5)`);
  console.log(`answered 200: ${real.statuses[200] ?? 0}; stored: ${stored!.n}; attendance events: ${joins!.n}; lost: ${(real.statuses[200] ?? 0) - stored!.n}`);
} finally {
  await app.stop();
}
