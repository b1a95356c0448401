/**
 * Attendance CSV export: speed and memory of streaming a large range (not a
 * test; prints figures). Seeds ROWS final records (default 100,000) with one
 * INSERT … SELECT, then reads the range's export stream (what the route
 * sends) and reports time to the first rows, total time, rows/s, the file's
 * size, and the heap growth while streaming: with --expose-gc also the heap
 * still held after forced collections, which stays far below the file's size
 * when nothing accumulates.
 *
 *   node --expose-gc --conditions=react-server --import tsx bench/export.ts [rows] [cursor batch rows]
 *
 * Uses DATABASE_URL's server when set (a fresh database is created on it),
 * otherwise a throwaway embedded PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import { EXPORT_BATCH_ROWS, exportAttendanceCsv } from '@/server/modules/attendance';
import { createAcademy, createCircle, createUser } from '@/server/seed/factories';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/infra/postgres';

const ROWS = Number(process.argv[2] ?? 100_000);
const BATCH_ROWS = Number(process.argv[3] ?? EXPORT_BATCH_ROWS);
const SESSIONS = 100;
const STUDENTS = Math.ceil(ROWS / SESSIONS);
const MB = 1024 * 1024;
const gc = (globalThis as { gc?: () => void }).gc;

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-export-'));
  let stopPg: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg'), extraFlags: ['-c', 'fsync=off'] });
    stopPg = () => pg.stop();
    adminUrl = pg.url;
  }
  const url = await createDatabase(adminUrl, `halaqa_bench_export_${Date.now()}`);
  await runMigrations(url);
  const handle = createDb(url, { max: 4 });
  try {
    const { db } = handle;
    const academy = await createAcademy(db, { timezone: 'Asia/Riyadh' });
    const admin = await createUser(db, { academyId: academy.id, role: 'academy_admin' });
    const teacher = await createUser(db, { academyId: academy.id, role: 'teacher', name: 'المعلم' });
    const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [] });
    const seedStart = performance.now();
    await db.execute(sql`
      INSERT INTO users (academy_id, email, password_hash, name, role)
      SELECT ${academy.id}, 'bench-' || g || '@example.test', 'x', 'طالب رقم ' || g, 'student' FROM generate_series(1, ${STUDENTS}::int) g`);
    await db.execute(sql`
      INSERT INTO sessions (academy_id, kind, title, teacher_id, circle_id, scheduled_at, duration_minutes, status)
      SELECT ${academy.id}, 'quran', 'حلقة ' || g, ${teacher.id}, ${circle.id}, '2025-05-01T06:00:00Z'::timestamptz + g * interval '1 hour', 60, 'completed'
      FROM generate_series(1, ${SESSIONS}::int) g`);
    await db.execute(sql`
      INSERT INTO attendance_records (academy_id, session_id, user_id, user_type, first_join_at, last_leave_at,
        total_seconds, join_count, leave_count, status, percentage, is_final)
      SELECT ${academy.id}, s.id, u.id, 'student', s.scheduled_at + (u.id % 600) * interval '1 second',
        s.scheduled_at + interval '50 minutes', 3000 - u.id % 600, 1, 1, 'present', 83.33, true
      FROM sessions s CROSS JOIN users u
      WHERE s.academy_id = ${academy.id} AND u.academy_id = ${academy.id} AND u.role = 'student'`);
    await db.execute(sql`ANALYZE`);
    const [count] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM attendance_records WHERE academy_id = ${academy.id}`);
    console.log(`seeded ${count!.n} records in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

    const actor = { id: admin.id, role: admin.role, academyId: academy.id, name: admin.name };
    const input = { from: '2025-05-01', to: '2025-05-06' };
    for (const run of [1, 2]) {
      gc?.();
      const base = process.memoryUsage();
      let peakHeap = base.heapUsed;
      let peakRss = base.rss;
      const started = performance.now();
      const { stream } = await exportAttendanceCsv({ db }, actor, input, { batchRows: BATCH_ROWS });
      const reader = stream.getReader();
      let firstRowsMs = 0;
      let retainedPeak = 0;
      let bytes = 0;
      let chunks = 0;
      let lines = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        // Chunk 0 is the header, sent before any query runs.
        if (chunks === 1) firstRowsMs = performance.now() - started;
        chunks += 1;
        bytes += value.length;
        for (const byte of value) if (byte === 0x0a) lines += 1;
        const now = process.memoryUsage();
        peakHeap = Math.max(peakHeap, now.heapUsed);
        peakRss = Math.max(peakRss, now.rss);
        // heapUsed counts garbage not yet collected; a forced GC now and then shows what is really held.
        if (gc && chunks % 25 === 0) {
          gc();
          retainedPeak = Math.max(retainedPeak, process.memoryUsage().heapUsed - base.heapUsed);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const rows = lines - 1;
      console.log(
        [
          `run ${run}: ${rows} rows, ${chunks} chunks (cursor batches of ${BATCH_ROWS}), ${(bytes / MB).toFixed(1)} MB`,
          `first rows after ${firstRowsMs.toFixed(0)} ms, total ${seconds.toFixed(2)} s, ${Math.round(rows / seconds)} rows/s`,
          `heap +${((peakHeap - base.heapUsed) / MB).toFixed(1)} MB, rss +${((peakRss - base.rss) / MB).toFixed(1)} MB at peak (garbage included)`,
          gc
            ? `retained after GC, sampled every 25 chunks: at most +${(retainedPeak / MB).toFixed(1)} MB`
            : 'run with --expose-gc to see the retained heap',
        ].join('\n  '),
      );
    }
  } finally {
    await handle.close();
    await stopPg?.();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
