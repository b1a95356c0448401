/**
 * Roster import: speed and memory of previewing and applying a large file
 * (not a test; prints figures). Builds a CSV of ROWS people (default 5,000:
 * a fifth parents, the rest students naming a parent, a circle and half of
 * them a course; Arabic names, a BOM), then through the tRPC caller as an
 * academy admin: preview (parse, look up, plan, store), apply batch after
 * batch as the admin's page does, and the same file again (idempotent: all
 * unchanged). Every created person's invitation mail is rendered and
 * queued (no SMTP is asked). Prints rows/s for each phase and the process's peak memory.
 * The goal is at least 2,000 rows/s for apply.
 *
 *   npm run bench:import [-- rows]
 *
 * Uses DATABASE_URL's server when set (a fresh database is created on it),
 * otherwise a throwaway embedded PostgreSQL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '@/server/db';
import { runMigrations } from '@/server/db/migrate';
import type { Deps } from '@/server/deps';
import { systemClock } from '@/server/lib/clock';
import { resolveRecordingStorage } from '@/server/recording-config';
import { createAcademy, createCircle, createCourse, createUser } from '@/server/seed/factories';
import { createCaller } from '@/server/trpc/root';
import { createDatabase, startEmbeddedPostgres } from '@/scripts/infra/postgres';

const ROWS = Number(process.argv[2] ?? 5000);
const MB = 1024 * 1024;

function rosterCsv(rows: number): string {
  const parents = Math.ceil(rows / 5);
  const lines = ['\uFEFFname,email,role,parent email,circle,course'];
  for (let i = 0; i < parents; i++) lines.push(`وليّ الأمر ${i},parent-${i}@bench.test,parent,,,`);
  for (let i = 0; i < rows - parents; i++) {
    lines.push(`"الطالب ${i}, ابن ${i % parents}",student-${i}@bench.test,student,parent-${i % parents}@bench.test,حلقة ${i % 10},${i % 2 ? 'Tajweed' : ''}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

async function timed<T>(what: string, rows: number, run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  const seconds = (performance.now() - start) / 1000;
  console.log(`${what.padEnd(28)} ${rows} rows in ${seconds.toFixed(2)} s = ${Math.round(rows / seconds)} rows/s`);
  return result;
}

async function main() {
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-bench-import-'));
  let stopPg: (() => Promise<void>) | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: path.join(workDir, 'pg') });
    stopPg = () => pg.stop();
    adminUrl = pg.url;
  }
  const url = await createDatabase(adminUrl, `halaqa_bench_import_${Date.now()}`);
  await runMigrations(url);
  const handle = createDb(url, { max: 4 });
  const timer = setInterval(sample, 20);
  try {
    const { db } = handle;
    const academy = await createAcademy(db);
    const admin = await createUser(db, { academyId: academy.id, role: 'academy_admin' });
    const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
    for (let c = 0; c < 10; c++) await createCircle(db, { academyId: academy.id, teacherId: teacher.id, name: `حلقة ${c}`, studentIds: [] });
    await createCourse(db, { academyId: academy.id, teacherId: teacher.id, title: 'Tajweed', studentIds: [] });
    const deps: Deps = {
      db,
      livekit: null,
      clock: systemClock,
      appUrl: 'http://127.0.0.1:3000',
      videoUnavailableReason: 'bench',
      livekitWebhook: null,
      egress: null,
      recordingStorage: resolveRecordingStorage({}),
      // No SMTP: the invitation mails are rendered and queued as in production, and wait there.
      mail: null,
      signingSecret: null,
    };
    const caller = createCaller({ deps, actor: { id: admin.id, role: 'academy_admin', academyId: academy.id, name: admin.name }, headers: null });
    const csv = rosterCsv(ROWS);
    sample();
    const baseline = process.memoryUsage();
    console.log(`roster: ${ROWS} rows, ${(Buffer.byteLength(csv) / MB).toFixed(2)} MB; batches of the page: apply is called until done`);

    const applyAll = async (importId: string) => {
      let batches = 0;
      for (;;) {
        const progress = await caller.people.importApply({ importId });
        batches++;
        if (progress.done) return { progress, batches };
      }
    };
    const preview = await timed('preview (parse+plan+store)', ROWS, () => caller.people.importPreview({ csv }));
    console.log(`  preview counts: ${JSON.stringify(preview.counts)}`);
    const applied = await timed('apply (first time)', ROWS, () => applyAll(preview.importId));
    console.log(`  ${applied.batches} batches; ${JSON.stringify({ created: applied.progress.created, updated: applied.progress.updated, unchanged: applied.progress.unchanged, refused: applied.progress.refused })}`);
    const again = await timed('preview (same file again)', ROWS, () => caller.people.importPreview({ csv }));
    console.log(`  preview counts: ${JSON.stringify(again.counts)}`);
    const reapplied = await timed('apply (same file again)', ROWS, () => applyAll(again.importId));
    console.log(`  ${JSON.stringify({ created: reapplied.progress.created, updated: reapplied.progress.updated, unchanged: reapplied.progress.unchanged })}`);
    sample();
    console.log(`peak memory: rss ${(peakRss / MB).toFixed(0)} MB, heap ${(peakHeap / MB).toFixed(0)} MB (heap before the import ${(baseline.heapUsed / MB).toFixed(0)} MB)`);
    if (applied.progress.created !== ROWS || reapplied.progress.unchanged !== ROWS) throw new Error('the import did not create every row once');
  } finally {
    clearInterval(timer);
    await handle.close();
    await stopPg?.();
    rmSync(workDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
