import 'server-only';
import path from 'node:path';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { createDb } from './client';
import { installJobQueue } from './job-queue';

export const MIGRATIONS_FOLDER = path.resolve(process.cwd(), 'drizzle');

/** Applies the committed drizzle-kit migrations and the job queue's schema; safe to call at every start. */
export async function runMigrations(url: string): Promise<void> {
  const handle = createDb(url, { max: 1 });
  try {
    await migrate(handle.db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await handle.close();
  }
  await installJobQueue(url);
}
