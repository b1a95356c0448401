import { describe, expect, it } from 'vitest';
import { createLimiter, forEachConcurrently } from './pool';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('forEachConcurrently', () => {
  it('handles every item once with at most `limit` in flight', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachConcurrently([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      active += 1;
      peak = Math.max(peak, active);
      await tick();
      seen.push(n);
      active -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('does nothing for no items', async () => {
    await forEachConcurrently([], 4, async () => {
      throw new Error('not called');
    });
  });
});

describe('createLimiter', () => {
  it('never lets more than `limit` calls run across callers, and passes results and errors through', async () => {
    const run = createLimiter(2);
    let active = 0;
    let peak = 0;
    const job = (n: number) =>
      run(async () => {
        active += 1;
        peak = Math.max(peak, active);
        await tick();
        active -= 1;
        if (n === 3) throw new Error('three');
        return n * 10;
      });
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(job));
    expect(peak).toBe(2);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([10, 20, 'three', 40, 50]);
  });
});
