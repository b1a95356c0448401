/**
 * npm run bench:sweep — one create-scheduled run at scale against a real
 * PostgreSQL and a real livekit-server, both started here in fresh temporary
 * folders and stopped at the end.
 *
 * 100 academies, 20,000 sessions of which 2,000 are due a room. Prints:
 * - the eligibility query's plan (EXPLAIN ANALYZE; it must use an index),
 * - the dry-run time over all of it,
 * - rooms created per second by the real run, and the rate of raw
 *   RoomServiceClient.createRoom calls at the same concurrency (half before,
 *   half after the sweep, so neither side gets a quieter server), and their
 *   ratio (target ≥ 0.7).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { RoomServiceClient } from 'livekit-server-sdk';
import postgres from 'postgres';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { depsFor, type Deps } from '@/server/deps';
import { resolveRecordingStorage } from '@/server/recording-config';
import { eligibleScheduledRange } from '@/server/modules/scheduling';
import { createScheduledMeetings, creationCandidatesQuery, DEFAULT_CONCURRENCY } from '@/server/modules/sweeps';
import { findOrBuildLivekitServer, startLivekitServer } from '@/scripts/infra/livekit';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/infra/postgres';
import { onShutdown, shutdownAndExit } from '@/scripts/infra/shutdown';

const ACADEMIES = 100;
const SESSIONS = 20_000;
const ELIGIBLE = 2_000;
const MINUTES_BEFORE = 30;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? DEFAULT_CONCURRENCY);
const RAW_WARMUP = 100;

const log = (line: string) => console.log(line);
const rate = (n: number, ms: number) => (n / (ms / 1000)).toFixed(1);

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await fn();
  return { value, ms: performance.now() - start };
}

async function rawCreateRooms(client: RoomServiceClient, names: string[]): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < names.length) {
        const name = names[next++]!;
        await client.createRoom({
          name,
          emptyTimeout: 3600,
          departureTimeout: 3600,
          maxParticipants: 50,
          metadata: JSON.stringify({ created_by: 'bench', session_id: next, session_type: 'quran', recording_enabled: false, created_at: new Date().toISOString() }),
        });
      }
    }),
  );
  return performance.now() - start;
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-'));
  onShutdown(() => rmSync(workDir, { recursive: true, force: true }));
  log(`work dir ${workDir}; concurrency ${CONCURRENCY}`);

  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
  onShutdown(() => pg.stop());
  const databaseUrl = await createDatabase(pg.url, 'halaqa_bench');
  await runMigrations(databaseUrl);

  const binary = await findOrBuildLivekitServer(log);
  if ('error' in binary) throw new Error(binary.error);
  const apiKey = 'halaqa-bench';
  const apiSecret = 'halaqa-bench-secret-0123456789abcdef';
  const lk = await startLivekitServer({ binary: binary.path, apiKey, apiSecret, webhookUrls: [], workDir: path.join(workDir, 'livekit'), logFile: path.join(workDir, 'livekit', 'server.log') });
  onShutdown(() => lk.stop());
  log(`postgres ${pg.url.replace(/:[^:@/]+@/, ':***@')}  livekit ${lk.apiUrl}`);

  const handle = createDb(databaseUrl, { max: CONCURRENCY + 4 });
  onShutdown(() => handle.close());
  const db = handle.db;
  const now = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const deps: Deps = depsFor(db, {
    livekit: { wsUrl: lk.url, apiUrl: lk.apiUrl, apiKey, apiSecret },
    appUrl: 'http://127.0.0.1:3000',
    videoUnavailableReason: null,
    recordingStorage: resolveRecordingStorage({}),
  });

  // --- seed -------------------------------------------------------------------
  const seeded = await timed(async () => {
    await db.execute(sql`
      INSERT INTO academies (slug, name_ar, name_en, timezone)
      SELECT 'bench-' || i, 'أكاديمية ' || i, 'Academy ' || i, (ARRAY['Asia/Riyadh', 'Europe/London', 'America/New_York', 'Asia/Kolkata'])[1 + i % 4]
      FROM generate_series(1, ${ACADEMIES}) AS i`);
    await db.execute(sql`INSERT INTO academy_video_settings (academy_id, minutes_before) SELECT id, ${MINUTES_BEFORE} FROM academies`);
    await db.execute(sql`
      INSERT INTO users (academy_id, email, password_hash, name, role)
      SELECT a.id, r || '-' || a.id || '@bench.test', 'x', r || ' ' || a.id, r::user_role
      FROM academies a CROSS JOIN (VALUES ('teacher'), ('student')) AS roles(r)`);
    // Due now: starts spread over [now − 20 min, now + 30 min].
    // Not due: 12,000 scheduled from now + 3 h to now + 60 days, 6,000 completed in the past 60 days.
    await db.execute(sql`
      WITH people AS (
        SELECT a.id AS academy_id,
          (SELECT id FROM users WHERE academy_id = a.id AND role = 'teacher') AS teacher_id,
          (SELECT id FROM users WHERE academy_id = a.id AND role = 'student') AS student_id,
          row_number() OVER (ORDER BY a.id) - 1 AS k
        FROM academies a
      ), plan AS (
        SELECT i,
          CASE
            WHEN i <= ${ELIGIBLE} THEN ${now.toISOString()}::timestamptz + ((i % 50) - 20) * interval '1 minute'
            WHEN i <= ${ELIGIBLE} + 12000 THEN ${now.toISOString()}::timestamptz + interval '3 hours' + (i % 86400) * interval '1 minute'
            ELSE ${now.toISOString()}::timestamptz - interval '2 hours' - (i % 86400) * interval '1 minute'
          END AS scheduled_at,
          CASE WHEN i <= ${ELIGIBLE} + 12000 THEN 'scheduled' ELSE 'completed' END::session_status AS status
        FROM generate_series(1, ${SESSIONS}) AS i
      )
      INSERT INTO sessions (academy_id, kind, title, teacher_id, student_id, scheduled_at, duration_minutes, status)
      SELECT p.academy_id, 'quran', 'Bench session ' || plan.i, p.teacher_id, p.student_id, plan.scheduled_at, 60, plan.status
      FROM plan JOIN people p ON p.k = plan.i % ${ACADEMIES}`);
    await db.execute(sql`ANALYZE`);
  });
  const [counts] = await db.execute<{ total: string; scheduled: string }>(sql`SELECT count(*) AS total, count(*) FILTER (WHERE status = 'scheduled') AS scheduled FROM sessions`);
  log(`seeded ${ACADEMIES} academies, ${counts!.total} sessions (${counts!.scheduled} scheduled) in ${(seeded.ms / 1000).toFixed(1)} s`);

  // --- the eligibility query's plan ------------------------------------------------
  const academyIds = (await db.execute<{ id: number }>(sql`SELECT id FROM academies ORDER BY id`)).map((r) => r.id);
  const range = eligibleScheduledRange(now, { minutesBefore: MINUTES_BEFORE });
  const query = creationCandidatesQuery(db, { ...range, academyIds }).toSQL();
  const client = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const plan = await client.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params as never[]);
  await client.end();
  const planText = plan.map((r) => r['QUERY PLAN'] as string).join('\n');
  log('\nEXPLAIN (ANALYZE, BUFFERS) of the eligibility query:');
  log(planText.replace(/^/gm, '  '));
  const usesIndex = /Index (Only )?Scan|Bitmap Index Scan/.test(planText) && !/Seq Scan on sessions/.test(planText);
  log(`uses an index on sessions: ${usesIndex ? 'yes' : 'NO'}\n`);

  // --- dry run ------------------------------------------------------------------------
  const dry = await timed(() => createScheduledMeetings(deps, { now, dryRun: true, concurrency: CONCURRENCY }));
  log(`dry run: ${dry.value.totals.candidates} candidates of ${counts!.total} sessions, ${dry.value.totals.created} would be created, in ${dry.ms.toFixed(0)} ms`);

  // --- raw createRoom, then the sweep, then raw again ----------------------------------------
  const rooms = new RoomServiceClient(lk.apiUrl, apiKey, apiSecret);
  await rawCreateRooms(rooms, Array.from({ length: RAW_WARMUP }, (_, i) => `bench-warmup-${i}`));
  const half = ELIGIBLE / 2;
  const rawBefore = await rawCreateRooms(rooms, Array.from({ length: half }, (_, i) => `bench-raw-a-${i}`));
  const real = await timed(() => createScheduledMeetings(deps, { now, concurrency: CONCURRENCY }));
  const rawAfter = await rawCreateRooms(rooms, Array.from({ length: half }, (_, i) => `bench-raw-b-${i}`));

  const report = real.value;
  const [made] = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM meetings WHERE auto_generated`);
  const sweepRate = report.totals.created / (real.ms / 1000);
  const rawRate = ELIGIBLE / ((rawBefore + rawAfter) / 1000);
  log(`create-scheduled: ${report.totals.created} created, ${report.totals.failed} failed, ${made!.n} meetings stored, in ${real.ms.toFixed(0)} ms → ${sweepRate.toFixed(1)} rooms/s`);
  log(`raw createRoom (same concurrency ${CONCURRENCY}): ${ELIGIBLE} rooms in ${(rawBefore + rawAfter).toFixed(0)} ms (${rate(half, rawBefore)}/s before, ${rate(half, rawAfter)}/s after) → ${rawRate.toFixed(1)} rooms/s`);
  const ratio = sweepRate / rawRate;
  log(`ratio sweep / raw: ${ratio.toFixed(2)} (target ≥ 0.70) ${ratio >= 0.7 ? 'OK' : 'BELOW TARGET'}`);
  log(`(the former system's figure: 20 meetings in 2.43 s = ${rate(20, 2430)} rooms/s)`);

  const ok = usesIndex && report.totals.created === ELIGIBLE && report.ok && dry.value.totals.created === ELIGIBLE;
  return ok ? 0 : 1;
}

main().then(
  (code) => shutdownAndExit(code),
  async (error: unknown) => {
    console.error('bench failed:', error);
    await shutdownAndExit(1);
  },
);
