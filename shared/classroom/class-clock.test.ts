import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canExtend, clockPhase, EXTENSION_STEPS, MAX_EXTENSION_MINUTES, maxEndMs, plannedEndMs, secondsLeft } from './class-clock';

const MIN = 60_000;
const START = Date.parse('2031-03-10T10:00:00Z');
const cls = (extendedMinutes = 0) => ({ scheduledAt: START, durationMinutes: 60, extendedMinutes });

describe('the class clock', () => {
  it('moves the planned end with extensions, never the maximum', () => {
    expect(plannedEndMs(cls())).toBe(START + 60 * MIN);
    expect(plannedEndMs(cls(20))).toBe(START + 80 * MIN);
    expect(maxEndMs(cls(20))).toBe(START + 120 * MIN);
  });

  it('shows the countdown five minutes before the planned end, overtime after it', () => {
    expect(clockPhase(cls(), START - 1)).toBe('before');
    expect(clockPhase(cls(), START + 54 * MIN)).toBe('running');
    expect(clockPhase(cls(), START + 55 * MIN)).toBe('countdown');
    expect(clockPhase(cls(), START + 60 * MIN)).toBe('overtime');
    expect(clockPhase(cls(5), START + 60 * MIN)).toBe('countdown');
    expect(secondsLeft(START + 60 * MIN, START + 55 * MIN + 500)).toBe(300);
    expect(secondsLeft(START + 60 * MIN, START + 61 * MIN)).toBe(0);
  });

  it('extends by 5 or 15 only, up to the maximum', () => {
    const now = START + 58 * MIN;
    expect(canExtend(cls(), 5, now)).toBe(true);
    expect(canExtend(cls(), 15, now)).toBe(true);
    expect(canExtend(cls(), 10, now)).toBe(false);
    expect(canExtend(cls(50), 15, now)).toBe(false);
    expect(canExtend(cls(55), 5, now)).toBe(true);
    expect(canExtend(cls(60), 5, now)).toBe(false);
    // Past the maximum nothing extends it.
    expect(canExtend(cls(0), 5, START + 120 * MIN)).toBe(false);
  });

  it('no sequence of allowed extensions passes the maximum', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EXTENSION_STEPS), { maxLength: 30 }), (steps) => {
        let extended = 0;
        for (const step of steps) if (canExtend(cls(extended), step, START)) extended += step;
        expect(extended).toBeLessThanOrEqual(MAX_EXTENSION_MINUTES);
        expect(plannedEndMs(cls(extended))).toBeLessThanOrEqual(maxEndMs(cls(extended)));
      }),
    );
  });
});
