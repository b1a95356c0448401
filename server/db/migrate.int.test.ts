/**
 * Migrating as a deploy step (server/db/migrate.ts): idempotent, one
 * migrator at a time, gives up on a lock it cannot get within lock_timeout
 * instead of queueing writers behind it, builds the large indexes
 * CONCURRENTLY (valid afterwards), and reports a schema older than the code.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { integrationConfig } from '@/server/testing/integration';
import { createDatabase } from '@/scripts/infra/postgres';
import { MIGRATIONS_FOLDER, outdatedSchemaMessage, runMigrations, schemaStatus } from './migrate';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'halaqa-migrate-'));
const clients: postgres.Sql[] = [];
afterAll(async () => {
  for (const client of clients) await client.end({ timeout: 1 });
  rmSync(workDir, { recursive: true, force: true });
});

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
const tags = journal.entries.map((e) => e.tag);

async function freshDatabase(label: string): Promise<string> {
  const admin = new URL(integrationConfig().databaseUrl);
  admin.pathname = '/postgres';
  return createDatabase(admin.toString(), `halaqa_migrate_${label}_${Date.now()}_${process.pid}`);
}

function client(url: string): postgres.Sql {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  clients.push(sql);
  return sql;
}

/** The migrations folder without its last `drop` files: the code of an earlier release. */
function olderRelease(drop: number): string {
  const folder = path.join(workDir, `older-${drop}`);
  mkdirSync(path.join(folder, 'meta'), { recursive: true });
  const entries = journal.entries.slice(0, journal.entries.length - drop);
  for (const e of entries) cpSync(path.join(MIGRATIONS_FOLDER, `${e.tag}.sql`), path.join(folder, `${e.tag}.sql`));
  writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries }));
  return folder;
}

describe('migrating (npm run db:migrate)', () => {
  it('applies every file once; a second run applies nothing; the schema is then current', async () => {
    const url = await freshDatabase('fresh');
    expect(outdatedSchemaMessage(await schemaStatus(url))).toContain(`${tags.length} migration(s) not applied`);
    expect(await runMigrations(url)).toEqual(tags);
    expect(await runMigrations(url)).toEqual([]);
    expect(await schemaStatus(url)).toMatchObject({ pending: [] });
    expect(outdatedSchemaMessage(await schemaStatus(url))).toBeNull();
    const [row] = await client(url)`select count(*)::int as n from drizzle.__drizzle_migrations`;
    expect(row!.n).toBe(tags.length);
  });

  it('two migrators at once: one waits for the other, each file is applied once', async () => {
    const url = await freshDatabase('race');
    const [first, second] = await Promise.all([runMigrations(url), runMigrations(url)]);
    expect([...first!, ...second!].sort()).toEqual([...tags].sort());
    const [row] = await client(url)`select count(*)::int as n, count(distinct hash)::int as d from drizzle.__drizzle_migrations`;
    expect(row).toEqual({ n: tags.length, d: tags.length });
  });

  it('an older schema is reported with the command that fixes it; the new indexes are built valid', async () => {
    const url = await freshDatabase('older');
    await runMigrations(url, { migrationsFolder: olderRelease(1) });
    const status = await schemaStatus(url);
    expect(status.pending).toEqual([tags.at(-1)]);
    const message = outdatedSchemaMessage(status)!;
    expect(message).toContain('the database schema is older than this code');
    expect(message).toContain(tags.at(-1)!);
    expect(message).toContain('npm run db:migrate');

    expect(await runMigrations(url)).toEqual([tags.at(-1)]);
    const indexes = await client(url)`
      select c.relname as name, i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname in ('sessions_open_scheduled_idx', 'attendance_events_user_idx', 'attendance_records_academy_session_idx', 'webhook_events_received_idx',
                          'attendance_records_academy_idx', 'webhook_events_session_idx')
      order by 1`;
    expect(indexes).toEqual([
      { name: 'attendance_events_user_idx', valid: true },
      { name: 'attendance_records_academy_session_idx', valid: true },
      { name: 'sessions_open_scheduled_idx', valid: true },
      { name: 'webhook_events_received_idx', valid: true },
    ]);
  });

  it('gives up within lock_timeout while a long transaction holds the table, and succeeds once it ends', async () => {
    const url = await freshDatabase('locked');
    await runMigrations(url, { migrationsFolder: olderRelease(1) });
    const holder = client(url);
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    // A long transaction that holds the table the last migration alters.
    const lastSql = readFileSync(path.join(MIGRATIONS_FOLDER, `${tags.at(-1)}.sql`), 'utf8');
    const created = new Set([...lastSql.matchAll(/CREATE TABLE "([a-z_]+)"/g)].map((m) => m[1]));
    const altered = [...lastSql.matchAll(/ALTER TABLE "([a-z_]+)"/g)].map((m) => m[1]).find((t) => !created.has(t));
    expect(altered, `the last migration (${tags.at(-1)}) alters a table`).toBeTruthy();
    const holding = holder.begin(async (tx) => {
      await tx`lock table ${tx(altered!)} in access exclusive mode`;
      await released;
    });
    await new Promise((r) => setTimeout(r, 200));
    // Meanwhile other sessions can still read the academies table: the migrator does not queue an exclusive lock for long.
    const refused = await runMigrations(url, { lockTimeout: '200ms', attempts: 2 }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toContain(`migration ${tags.at(-1)} failed: could not get a table lock within lock_timeout, 2 times`);
    expect((await schemaStatus(url)).pending).toEqual([tags.at(-1)]);
    release();
    await holding;
    expect(await runMigrations(url, { lockTimeout: '200ms' })).toEqual([tags.at(-1)]);
  });
});
