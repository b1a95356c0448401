import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tallyPoll } from './tally';

describe('poll tallies', () => {
  it('counts each person once, by their last answer', () => {
    const t = tallyPoll(3, [
      { userId: 1, choice: 0 },
      { userId: 2, choice: 1 },
      { userId: 1, choice: 2 },
    ]);
    expect(t).toEqual({ counts: [0, 1, 1], total: 2, percents: [0, 50, 50] });
  });
  it('ignores answers naming no option and shows zeros when nobody answered', () => {
    expect(tallyPoll(2, [{ userId: 1, choice: 5 }])).toEqual({ counts: [0, 0], total: 0, percents: [0, 0] });
  });
  it('for any answers: counts add up to the number of people with a valid answer', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), fc.array(fc.record({ userId: fc.integer({ min: 1, max: 20 }), choice: fc.integer({ min: -1, max: 7 }) })), (n, answers) => {
        const t = tallyPoll(n, answers);
        expect(t.counts).toHaveLength(n);
        expect(t.counts.reduce((a, b) => a + b, 0)).toBe(t.total);
        const people = new Map<number, number>();
        for (const a of answers) if (a.choice >= 0 && a.choice < n) people.set(a.userId, a.choice);
        expect(t.total).toBe(people.size);
      }),
    );
  });
});
