/**
 * npm run bench:reminders — one notify sweep at the worst minute, against a
 * real PostgreSQL started here in a fresh temporary folder.
 *
 * 50 academies, 20,000 one-to-one sessions in the next hour, all starting in
 * the same minute 30 minutes from now (the academies' default lead time), so
 * that one sweep has a minute's reminders for 20,000 students (and their
 * sessions' teachers) to plan and queue: an inbox row each and a rendered
 * mail on the queue. Prints notices and mails queued per second (goal: the
 * 20,000 students' reminders queued in under 10 s), then that a second run
 * queues nothing (exactly once).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { depsFor, type Deps } from '@/server/deps';
import { fixedClock } from '@/server/lib/clock';
import { resolveRecordingStorage } from '@/server/recording-config';
import { runSweep } from '@/server/modules/sweeps';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/infra/postgres';
import { onShutdown, shutdownAndExit } from '@/scripts/infra/shutdown';

const ACADEMIES = 50;
const SESSIONS = 20_000;
const TEACHERS_PER_ACADEMY = 20;
const log = (line: string) => console.log(line);

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-reminders-'));
  onShutdown(() => rmSync(workDir, { recursive: true, force: true }));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
  onShutdown(() => pg.stop());
  const databaseUrl = await createDatabase(pg.url, 'halaqa_bench');
  await runMigrations(databaseUrl);
  const handle = createDb(databaseUrl, { max: 8 });
  onShutdown(() => handle.close());
  const db = handle.db;
  const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
  // The sweep at the minute's last second: every class starting in that minute, 30 minutes on, is due.
  const now = new Date(minute.getTime() + 59_000);
  const deps: Deps = depsFor(db, { livekit: null, appUrl: 'https://halaqa.example.com', videoUnavailableReason: 'bench', recordingStorage: resolveRecordingStorage({}), authSecret: 'bench-signing-secret-0123456789abcdef' }, fixedClock(now));

  const perAcademy = SESSIONS / ACADEMIES;
  const seedStart = performance.now();
  await db.execute(sql`
    INSERT INTO academies (slug, name_ar, name_en, timezone, default_locale)
    SELECT 'bench-' || i, 'أكاديمية ' || i, 'Academy ' || i, (ARRAY['Asia/Riyadh', 'Europe/London', 'America/New_York', 'Asia/Kolkata'])[1 + i % 4], (ARRAY['ar', 'en'])[1 + i % 2]::locale
    FROM generate_series(1, ${ACADEMIES}) AS i`);
  await db.execute(sql`
    INSERT INTO users (academy_id, email, password_hash, name, role)
    SELECT a.id, 'teacher-' || a.id || '-' || t || '@bench.test', 'x', 'Teacher ' || t, 'teacher' FROM academies a CROSS JOIN generate_series(1, ${TEACHERS_PER_ACADEMY}) AS t`);
  await db.execute(sql`
    INSERT INTO users (academy_id, email, password_hash, name, role)
    SELECT a.id, 'student-' || a.id || '-' || s || '@bench.test', 'x', 'Student ' || s, 'student' FROM academies a CROSS JOIN generate_series(1, ${perAcademy}) AS s`);
  await db.execute(sql`
    WITH students AS (SELECT id, academy_id, row_number() OVER (PARTITION BY academy_id ORDER BY id) AS k FROM users WHERE role = 'student'),
         teachers AS (SELECT id, academy_id, row_number() OVER (PARTITION BY academy_id ORDER BY id) AS k FROM users WHERE role = 'teacher')
    INSERT INTO sessions (academy_id, kind, title, teacher_id, student_id, scheduled_at, duration_minutes, status)
    SELECT s.academy_id, 'quran', 'Bench class ' || s.k, t.id, s.id, ${minute.toISOString()}::timestamptz + interval '30 minutes' + (s.k % 60) * interval '1 second', 45, 'scheduled'
    FROM students s JOIN teachers t ON t.academy_id = s.academy_id AND t.k = 1 + (s.k % ${TEACHERS_PER_ACADEMY})`);
  await db.execute(sql`ANALYZE`);
  log(`seeded ${ACADEMIES} academies, ${SESSIONS} sessions starting 30 minutes from now, in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  if (process.env.BENCH_PROFILE) {
    const { queueDueReminders, queueAttendanceNotices, queueRecordingNotices, queueDailyDigests } = await import('@/server/modules/notifications');
    const ids = (await db.execute<{ id: number }>(sql`SELECT id FROM academies ORDER BY id LIMIT 1`)).map((r) => r.id);
    for (const [name, fn] of [
      ['reminders', () => queueDueReminders(deps, { now, academyIds: ids, dryRun: true })],
      ['attendance', () => queueAttendanceNotices(deps, { now, academyIds: ids, dryRun: true })],
      ['recordings', () => queueRecordingNotices(deps, { now, academyIds: ids, dryRun: true })],
      ['digests', () => queueDailyDigests(deps, { now, academies: [{ id: ids[0]!, timezone: 'UTC' }], dryRun: true })],
    ] as const) {
      const t0 = performance.now();
      await fn();
      log(`  profile ${name}: ${(performance.now() - t0).toFixed(0)} ms`);
    }
  }
  const dry = performance.now();
  const dryReport = await runSweep('notify', deps, { now, dryRun: true });
  log(`dry run: ${dryReport.totals.academies} academies, ${(dryReport.totals as { reminders: number }).reminders} reminders would be queued, in ${((performance.now() - dry) / 1000).toFixed(2)} s`);

  const startedAt = performance.now();
  const report = await runSweep('notify', deps, { now });
  const seconds = (performance.now() - startedAt) / 1000;
  const totals = report.totals as { reminders: number; emailed: number; failed: number };
  const [students] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notifications n JOIN users u ON u.id = n.user_id WHERE n.kind = 'reminder' AND u.role = 'student'`);
  const [mails] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mail_messages WHERE status = 'queued'`);
  const [jobs] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM graphile_worker.jobs`);
  log(`notify sweep: ${totals.reminders} reminders (${students!.n} to students), ${totals.emailed} mails queued (${mails!.n} rows, ${jobs!.n} send jobs), ${totals.failed} failures, in ${seconds.toFixed(2)} s`);
  log(`→ ${(totals.reminders / seconds).toFixed(0)} reminders queued/s, ${(totals.emailed / seconds).toFixed(0)} mails queued/s`);
  log(`students' reminders: ${students!.n} in ${seconds.toFixed(2)} s (goal: 20,000 in under 10 s) ${students!.n === SESSIONS && seconds < 10 ? 'OK' : 'BELOW GOAL'}`);
  log(`peak memory (RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

  const again = await runSweep('notify', deps, { now });
  log(`second run: ${(again.totals as { reminders: number }).reminders} reminders (exactly once: expect 0)`);
  return students!.n === SESSIONS && (again.totals as { reminders: number }).reminders === 0 && report.ok ? 0 : 1;
}

main().then(
  (code) => shutdownAndExit(code),
  async (error: unknown) => {
    console.error('bench failed:', error);
    await shutdownAndExit(1);
  },
);
