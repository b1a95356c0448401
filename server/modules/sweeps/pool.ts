/**
 * Runs `work` over `items` with at most `limit` in flight. Sweeps wait on
 * LiveKit per session, so running several at once is what makes 2,000 rooms
 * take seconds; the bound keeps the database pool and LiveKit unswamped.
 * `work` must not throw: sweeps record each item's failure themselves.
 */
import 'server-only';
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** At most `limit` calls of `run` in flight at once, across every caller sharing it. */
export function createLimiter(limit: number) {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(fn: () => Promise<T>): Promise<T> {
    if (active >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else active += 1;
    try {
      return await fn();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active -= 1;
    }
  };
}

export type Limiter = ReturnType<typeof createLimiter>;
