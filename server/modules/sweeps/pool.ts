import pLimit from 'p-limit';

/**
 * Runs `work` over `items` with at most `limit` in flight (p-limit). Sweeps
 * wait on LiveKit per session, so running several at once is what makes 2,000
 * rooms take seconds; the bound keeps the database pool and LiveKit unswamped.
 * `work` must not throw: sweeps record each item's failure themselves.
 */
import 'server-only';
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const run = pLimit(Math.max(1, limit));
  await Promise.all(items.map((item) => run(() => work(item))));
}

/** At most `limit` calls of `run` in flight at once, across every caller sharing it. */
export function createLimiter(limit: number) {
  const limited = pLimit(Math.max(1, limit));
  return function run<T>(fn: () => Promise<T>): Promise<T> {
    return limited(fn);
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
