/**
 * Fixed-window rate limiting with the counter in Postgres, so every app
 * instance sees the same count: one upsert per request.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbExecutor } from '@/server/db';
import { DomainError } from '@/server/lib/domain-error';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

/**
 * Counts one request and refuses it past the limit. On its own (not inside
 * a caller's transaction) the upsert commits without waiting for the WAL
 * flush — synchronous_commit off for this statement only — which was the
 * slowest step of a token request (bench/tokens.ts). A crash of PostgreSQL
 * may lose the last fraction of a second of counts: a few extra requests let
 * through once, acceptable for a throttle; nothing is ever corrupted.
 */
export async function consumeRateLimit(db: DbExecutor, key: string, rule: RateLimit, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  // set_config(..., true) lasts until the statement's implicit transaction
  // commits, and that commit reads it; inside a caller's transaction it would
  // relax the caller's writes too, so there the commit is left alone.
  const relax = !(db instanceof PgTransaction);
  const rows = await db.execute<{ count: number }>(sql`
    WITH relaxed AS (SELECT ${relax ? sql`set_config('synchronous_commit', 'off', true)` : sql`NULL`})
    INSERT INTO rate_limits (key, window_start, count)
    SELECT ${key}, ${windowStart.toISOString()}, 1 FROM relaxed
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`);
  if ((rows[0]?.count ?? 0) > rule.limit) {
    const retryAfterSeconds = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new DomainError('TOO_MANY_REQUESTS', `Too many requests; try again in ${retryAfterSeconds} seconds`, { retryAfterSeconds });
  }
}
