/**
 * The durable job queue: graphile-worker, in its own schema (graphile_worker)
 * of the app's database. Jobs are added with SQL (`graphile_worker.add_jobs`)
 * inside the caller's transaction, so a job exists exactly when the change
 * that asked for it committed; workers take jobs with SKIP LOCKED, hear new
 * ones through LISTEN/NOTIFY, and retry failures with exponential backoff.
 * See README (architecture) for why graphile-worker and not pg-boss.
 */
import 'server-only';
import { Logger, runMigrations as installWorkerSchema } from 'graphile-worker';
import { logger } from '@/server/lib/logger';

/** graphile-worker's own log lines, warnings and errors only, through the app's logger. */
export const jobQueueLogger = new Logger((scope) => (level, message, meta) => {
  if (level !== 'error' && level !== 'warning') return;
  logger[level === 'error' ? 'error' : 'warn'](`job queue: ${message}`, { ...scope, ...(meta ?? {}) });
});

/** Creates or upgrades the graphile_worker schema; safe to call at every start (it takes its own advisory lock). */
export async function installJobQueue(databaseUrl: string): Promise<void> {
  await installWorkerSchema({ connectionString: databaseUrl, logger: jobQueueLogger });
}
