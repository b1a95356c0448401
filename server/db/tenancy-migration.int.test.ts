/**
 * Migration 0002 (tenancy and integrity) on databases that already hold data:
 * it applies on top of the demo seed, and it refuses, naming the constraint
 * and counting the rows, when stored data would break a constraint it adds.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { createDatabase } from '@/scripts/infra/postgres';
import { createDb } from '@/server/db';
import { MIGRATIONS_FOLDER, runMigrations } from '@/server/db/migrate';
import { seedDemoAcademy } from '@/server/seed/demo-academy';
import { createAcademy, createCircle, createSession, createUser } from '@/server/seed/factories';
import { integrationConfig } from '@/server/testing/integration';

const TENANCY_MIGRATION = '0002_tenancy_and_integrity';
const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-migration-'));
const created: string[] = [];
afterAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  const admin = postgres(integrationConfig().databaseUrl, { max: 1, onnotice: () => {} });
  try {
    for (const name of created) await admin`DROP DATABASE IF EXISTS ${admin(name)}`;
  } finally {
    await admin.end({ timeout: 5 });
  }
});

/** A copy of the migrations folder holding only those before the tenancy migration. */
function migrationsBeforeTenancy(): string {
  const folder = path.join(workDir, 'before');
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { idx: number; tag: string }[] };
  const cut = journal.entries.findIndex((e) => e.tag === TENANCY_MIGRATION);
  expect(cut).toBeGreaterThan(0);
  const entries = journal.entries.slice(0, cut);
  for (const e of entries) cpSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

async function freshDatabase(label: string) {
  const name = `halaqa_mig_${label}_${Date.now()}_${process.pid}`;
  const url = await createDatabase(integrationConfig().databaseUrl, name);
  created.push(name);
  return { url, handle: createDb(url, { max: 2 }) };
}

/** Rows the old schema accepted: drizzle's builders carry no new columns, so they write to both. */
/**
 * The later migrations' additions the factories' rows need (they return every
 * column of today's schema), applied early: they are idempotent, so the real
 * run applies them again unharmed.
 */
const SEED_NEEDS: { tag: string; only?: RegExp }[] = [
  { tag: '0003_sessions_revocation_sign_in_throttle_and_leases' },
  // Only its new users columns: the rest of 0006 builds on 0002.
  { tag: '0006_people_invitations_and_history', only: /^\s*ALTER TABLE "users" ADD COLUMN IF NOT EXISTS/ },
];

async function migrateBeforeTenancy(url: string) {
  const handle = createDb(url, { max: 1 });
  try {
    await migrate(handle.db, { migrationsFolder: migrationsBeforeTenancy() });
    for (const { tag, only } of SEED_NEEDS) {
      for (const statement of readFileSync(path.join(MIGRATIONS_FOLDER, `${tag}.sql`), 'utf8').split('--> statement-breakpoint')) {
        if (statement.trim() && (!only || only.test(statement))) await handle.db.execute(sql.raw(statement));
      }
    }
  } finally {
    await handle.close();
  }
}

describe(`migration ${TENANCY_MIGRATION}`, () => {
  it('applies on a database that holds the demo academy, and the seed runs again after it', async () => {
    const { url, handle } = await freshDatabase('demo');
    try {
      await migrateBeforeTenancy(url);
      const seeded = await seedDemoAcademy(handle.db, new Date());
      expect(seeded.created).toBe(true);
      await runMigrations(url);
      const [row] = await handle.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'sessions_teacher_fk'`);
      expect(row!.n).toBe(1);
      // The seed is idempotent: a second start finds everything in place.
      expect((await seedDemoAcademy(handle.db, new Date())).created).toBe(false);
    } finally {
      await handle.close();
    }
  });

  it('refuses to add a constraint that stored rows break, naming it and counting them, and applies once they are fixed', async () => {
    const { url, handle } = await freshDatabase('bad');
    const db = handle.db;
    try {
      await migrateBeforeTenancy(url);
      const home = await createAcademy(db);
      const away = await createAcademy(db);
      const teacher = await createUser(db, { academyId: home.id, role: 'teacher' });
      const student = await createUser(db, { academyId: home.id, role: 'student' });
      const awayTeacher = await createUser(db, { academyId: away.id, role: 'teacher' });
      const circle = await createCircle(db, { academyId: home.id, teacherId: teacher.id, studentIds: [student.id] });
      await createSession(db, { academyId: home.id, teacherId: teacher.id, circleId: circle.id, scheduledAt: new Date() });
      // What only application code prevented until now: two sessions taught by another academy's teacher.
      const bad = [
        await createSession(db, { academyId: home.id, teacherId: awayTeacher.id, circleId: circle.id, scheduledAt: new Date() }),
        await createSession(db, { academyId: home.id, teacherId: awayTeacher.id, circleId: circle.id, scheduledAt: new Date() }),
      ];

      const refused = await runMigrations(url).then(
        () => null,
        (error: unknown) => error as Error & { cause?: Error },
      );
      expect(refused).not.toBeNull();
      const message = `${refused!.message} ${refused!.cause?.message ?? ''}`;
      expect(message).toContain('cannot add sessions_teacher_fk: 2 existing row(s) break it');
      expect(message).toContain(`(${bad[0]!.id},${home.id},${awayTeacher.id})`);
      // Nothing of the migration stayed: it runs in one transaction.
      const [none] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conname = 'users_academy_id_id_uq'`);
      expect(none!.n).toBe(0);

      await db.execute(sql`UPDATE sessions SET teacher_id = ${teacher.id} WHERE teacher_id = ${awayTeacher.id}`);
      await runMigrations(url);
      const [added] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM pg_constraint WHERE conname IN ('users_academy_id_id_uq', 'sessions_teacher_fk')`);
      expect(added!.n).toBe(2);
    } finally {
      await handle.close();
    }
  });

  it('reports a CHECK its rows break the same way (a session with two audiences)', async () => {
    const { url, handle } = await freshDatabase('check');
    const db = handle.db;
    try {
      await migrateBeforeTenancy(url);
      const academy = await createAcademy(db);
      const teacher = await createUser(db, { academyId: academy.id, role: 'teacher' });
      const student = await createUser(db, { academyId: academy.id, role: 'student' });
      const circle = await createCircle(db, { academyId: academy.id, teacherId: teacher.id, studentIds: [student.id] });
      const both = await createSession(db, { academyId: academy.id, teacherId: teacher.id, circleId: circle.id, studentId: student.id, scheduledAt: new Date() });
      const refused = await runMigrations(url).then(
        () => '',
        (error: unknown) => `${(error as Error).message} ${(error as { cause?: Error }).cause?.message ?? ''}`,
      );
      expect(refused).toContain(`cannot add sessions_one_audience: 1 existing row(s) break it, e.g. (${both.id})`);
    } finally {
      await handle.close();
    }
  });
});
