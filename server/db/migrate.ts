/**
 * Applies the committed drizzle-kit migrations (drizzle/), as a deploy step
 * of its own (`npm run db:migrate`, scripts/migrate.ts) rather than inside
 * every app start, and tells the app whether its schema is current.
 *
 * Why not drizzle's own migrate(): it runs every pending file in one
 * transaction with no lock and no lock_timeout, so with several instances
 * and large tables a migration queued behind a long webhook transaction
 * blocks every webhook write behind it, and `CREATE INDEX CONCURRENTLY`
 * cannot run at all. Here:
 * - one migrator at a time (a session-level advisory lock, polled);
 * - `lock_timeout` on every statement: a migration that cannot get its lock
 *   soon gives up and is retried later, instead of queueing writers behind it;
 * - a file whose first line is `-- halaqa:no-transaction` runs statement by
 *   statement outside a transaction (for CONCURRENTLY index builds), every
 *   other file in a transaction of its own.
 * The bookkeeping is drizzle's (table drizzle.__drizzle_migrations, same
 * hash and created_at), read with drizzle's own file reader, so databases
 * migrated by either stay compatible.
 */
import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readMigrationFiles, type MigrationMeta } from 'drizzle-orm/migrator';
import postgres, { type Sql } from 'postgres';
import { installJobQueue } from './job-queue';

export const MIGRATIONS_FOLDER = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'drizzle');

/** First line of a migration file that must run outside a transaction. */
export const NO_TRANSACTION_MARKER = '-- halaqa:no-transaction';

/** pg_advisory_lock key held while migrating ("halaqa-migrate"). */
const MIGRATION_LOCK_KEY = 7_061_512_028_931_641;

export interface MigrateOptions {
  /** Longest wait for one table lock, as PostgreSQL reads it (default '5s'). */
  lockTimeout?: string;
  /** Attempts per migration when its lock times out (default 5; 2 s, 4 s, 8 s … between). */
  attempts?: number;
  log?: (line: string) => void;
  migrationsFolder?: string;
}

export interface SchemaStatus {
  /** created_at of the newest applied migration, null on an empty database. */
  appliedUpTo: number | null;
  /** Files this code has that the database lacks (their tags). */
  pending: string[];
}

interface Migration extends MigrationMeta {
  tag: string;
  noTransaction: boolean;
}

/** drizzle-kit's journal: every migration's file name (tag) and created_at (when), in order. */
function readJournal(folder: string): { tag: string; folderMillis: number }[] {
  const journal = JSON.parse(readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
  return journal.entries.map((e) => ({ tag: e.tag, folderMillis: e.when }));
}

function readMigrations(folder: string): Migration[] {
  const files = readMigrationFiles({ migrationsFolder: folder });
  // readMigrationFiles keeps the journal's order.
  const journal = readJournal(folder);
  return files.map((file, i) => ({
    ...file,
    tag: journal[i]!.tag,
    noTransaction: (file.sql[0] ?? '').trimStart().startsWith(NO_TRANSACTION_MARKER),
  }));
}

async function appliedUpTo(sql: Sql): Promise<number | null> {
  const [table] = await sql`select to_regclass('drizzle.__drizzle_migrations') as name`;
  if (!table?.name) return null;
  const [row] = await sql`select max(created_at) as last from drizzle.__drizzle_migrations`;
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}

function pendingOf<M extends { folderMillis: number }>(migrations: M[], last: number | null): M[] {
  return migrations.filter((m) => last === null || last < m.folderMillis);
}

/** What the database lacks of this code's migrations (read-only; for the start-up check). */
export async function schemaStatus(url: string, folder = MIGRATIONS_FOLDER): Promise<SchemaStatus> {
  const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  try {
    const last = await appliedUpTo(sql);
    // Only the journal: a deployed app carries drizzle/meta/_journal.json (next.config.ts), not the SQL.
    return { appliedUpTo: last, pending: pendingOf(readJournal(folder), last).map((m) => m.tag) };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** The message a start on an old schema refuses with (null when current). */
export function outdatedSchemaMessage(status: SchemaStatus): string | null {
  if (status.pending.length === 0) return null;
  return (
    `the database schema is older than this code: ${status.pending.length} migration(s) not applied ` +
    `(${status.pending.join(', ')}). Run \`npm run db:migrate\` with the same DATABASE_URL first ` +
    `(a deploy step of its own, before the new app instances start).`
  );
}

const isLockTimeout = (error: unknown) => (error as { code?: string }).code === '55P03';

/**
 * Applies every pending migration; returns the tags applied. Safe to run
 * from several places at once (they queue on the advisory lock) and again
 * and again (nothing pending, nothing done).
 */
export async function runMigrations(url: string, options: MigrateOptions = {}): Promise<string[]> {
  const log = options.log ?? (() => {});
  const attempts = options.attempts ?? 5;
  // One connection: the advisory lock and the lock_timeout belong to the session.
  const sql = postgres(url, { max: 1, connect_timeout: 10, onnotice: () => {} });
  const applied: string[] = [];
  try {
    await sql.unsafe(`set lock_timeout = '${(options.lockTimeout ?? '5s').replace(/'/g, '')}'`);
    // Polled, not a blocking pg_advisory_lock(): a migrator waiting inside one statement holds a
    // snapshot, and the other one's CREATE INDEX CONCURRENTLY waits for every snapshot: deadlock.
    for (let waited = 0; ; waited++) {
      const [got] = await sql`select pg_try_advisory_lock(${MIGRATION_LOCK_KEY}) as ok`;
      if (got?.ok) break;
      if (waited === 0) log('another migrator is running; waiting for it');
      await new Promise((r) => setTimeout(r, 500));
    }
    await sql`create schema if not exists drizzle`;
    await sql`create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)`;
    const migrations = readMigrations(options.migrationsFolder ?? MIGRATIONS_FOLDER);
    for (const migration of pendingOf(migrations, await appliedUpTo(sql))) {
      await applyOne(sql, migration, (what) => withLockRetry(what, attempts, log, `${migration.tag}`));
      applied.push(migration.tag);
      log(`applied ${migration.tag}${migration.noTransaction ? ' (outside a transaction)' : ''}`);
    }
  } finally {
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`.catch(() => {});
    await sql.end({ timeout: 5 });
  }
  // The mail queue's own schema (graphile-worker migrates it idempotently).
  await installJobQueue(url);
  return applied;
}

/** Runs `work` again (2 s, 4 s, 8 s … later) while it fails on lock_timeout; a clear error after `attempts`. */
async function withLockRetry(work: () => Promise<unknown>, attempts: number, log: (line: string) => void, tag: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (!isLockTimeout(error) || attempt >= attempts) {
        const why = isLockTimeout(error) ? `could not get a table lock within lock_timeout, ${attempts} times` : String(error);
        throw new Error(`migration ${tag} failed: ${why}`, { cause: error });
      }
      log(`${tag}: lock timeout (attempt ${attempt} of ${attempts}), retrying`);
      await new Promise((r) => setTimeout(r, 1_000 * 2 ** attempt));
    }
  }
}

async function applyOne(sql: Sql, migration: Migration, retrying: (work: () => Promise<unknown>) => Promise<void>): Promise<void> {
  const record = (q: Sql) => q`insert into drizzle.__drizzle_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`;
  const statements = migration.sql.filter((s) => s.trim() !== '');
  if (migration.noTransaction) {
    // Statement by statement, each retried alone: a finished index build is not redone.
    for (const statement of statements) await retrying(() => sql.unsafe(statement));
    await record(sql);
    return;
  }
  await retrying(() =>
    sql.begin(async (tx) => {
      for (const statement of statements) await tx.unsafe(statement);
      await record(tx as unknown as Sql);
    }),
  );
}
