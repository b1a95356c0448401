/**
 * `npm run db:migrate`: the deploy step that brings DATABASE_URL's schema up
 * to this code (server/db/migrate.ts: one migrator at a time, lock_timeout,
 * CONCURRENTLY index builds outside a transaction). Run it before the new
 * app instances start: they refuse to start on an older schema.
 *
 *   npm run db:migrate                      apply what is pending
 *   npm run db:migrate -- --status          list what is pending (exit 1 if anything is)
 *   npm run db:migrate -- --lock-timeout 2s the longest wait for one table lock (default 5s)
 *
 * `npm run dev` (and `npm start` on its embedded PostgreSQL) migrate by
 * themselves; this command is for a DATABASE_URL.
 */
import { outdatedSchemaMessage, runMigrations, schemaStatus } from '@/server/db/migrate';

const args = process.argv.slice(2);
const url = process.env.DATABASE_URL;
if (!url) {
  console.error('[migrate] DATABASE_URL is not set. (`npm run dev` migrates its own local database by itself.)');
  process.exit(2);
}
const lockIndex = args.indexOf('--lock-timeout');
const lockTimeout = lockIndex >= 0 ? args[lockIndex + 1] : undefined;
if (lockIndex >= 0 && !/^\d+(ms|s|min)?$/.test(lockTimeout ?? '')) {
  console.error('[migrate] --lock-timeout takes a duration such as 500ms, 5s or 1min');
  process.exit(2);
}

try {
  if (args.includes('--status')) {
    const status = await schemaStatus(url);
    const message = outdatedSchemaMessage(status);
    console.log(message ? `[migrate] ${message}` : '[migrate] the schema is current');
    process.exit(message ? 1 : 0);
  }
  const applied = await runMigrations(url, { lockTimeout, log: (line) => console.log(`[migrate] ${line}`) });
  console.log(`[migrate] ${applied.length ? `${applied.length} migration(s) applied` : 'nothing to apply: the schema is current'}`);
} catch (error) {
  console.error(`[migrate] ${error instanceof Error ? error.message : String(error)}`);
  const cause = (error as { cause?: unknown }).cause;
  if (cause) console.error(`[migrate] cause: ${cause instanceof Error ? cause.message : String(cause)}`);
  process.exit(1);
}
