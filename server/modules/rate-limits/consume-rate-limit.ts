/**
 * Fixed-window rate limiting with the counter in Postgres, so every app
 * instance sees the same count: one upsert per request.
 */
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { DomainError } from '@/server/lib/domain-error';

export interface RateLimit {
  limit: number;
  windowSeconds: number;
}

export async function consumeRateLimit(db: DbExecutor, key: string, rule: RateLimit, now: Date): Promise<void> {
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const rows = await db.execute<{ count: number }>(sql`
    INSERT INTO rate_limits (key, window_start, count) VALUES (${key}, ${windowStart.toISOString()}, 1)
    ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1
    RETURNING count`);
  if ((rows[0]?.count ?? 0) > rule.limit) {
    throw new DomainError('TOO_MANY_REQUESTS', `Too many requests; try again in ${rule.windowSeconds} seconds`);
  }
}

/** Old windows are garbage; the cleanup sweep calls this. */
export async function pruneRateLimits(db: DbExecutor, before: Date): Promise<number> {
  const rows = await db.execute(sql`DELETE FROM rate_limits WHERE window_start < ${before.toISOString()} RETURNING 1`);
  return rows.length;
}
