import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedStarts } from './regeneration-plan';
import { localDateTime } from './session-view';

const ZONES = ['America/New_York', 'Europe/London', 'Asia/Riyadh', 'Australia/Sydney', 'UTC'];
const DAY = 86_400_000;

describe('plannedStarts', () => {
  it('starts only after now, never on a day that kept a session, each at the rule’s wall time (or pushed past a DST gap)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 0, max: 120 }),
        fc.array(fc.integer({ min: 0, max: 120 }), { maxLength: 10 }),
        (timezone, weekdays, hour, minute, nowDay, keptDays) => {
          const start = Date.UTC(2031, 0, 1);
          const localTime = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const rule = { timezone, startDate: '2031-01-01', weekdays, localTime, durationMinutes: 60, endDate: '2031-05-31' };
          const now = new Date(start + nowDay * DAY + 12 * 3_600_000);
          const kept = keptDays.map((d) => new Date(start + d * DAY + 9 * 3_600_000));
          const keptDates = new Set(kept.map((k) => localDateTime(k, timezone).date));
          const starts = plannedStarts(rule, kept, now);
          for (const at of starts) {
            expect(at.getTime()).toBeGreaterThan(now.getTime());
            const wall = localDateTime(at, timezone);
            expect(keptDates.has(wall.date)).toBe(false);
            expect(weekdays).toContain(wall.weekday);
            // A wall time inside a spring-forward gap is pushed forward by the gap (an hour here).
            if (wall.time !== localTime) expect(Number(wall.time.slice(0, 2)) - hour).toBe(1);
          }
          expect([...starts].sort((a, b) => a.getTime() - b.getTime())).toEqual(starts);
        },
      ),
    );
  });

  it('keeps a 17:00 New York class at 17:00 across the March change', () => {
    const rule = { timezone: 'America/New_York', startDate: '2031-03-01', weekdays: [0], localTime: '17:00', durationMinutes: 60, endDate: '2031-03-16' };
    const starts = plannedStarts(rule, [], new Date('2031-03-01T00:00:00Z'));
    expect(starts.map((s) => s.toISOString())).toEqual(['2031-03-02T22:00:00.000Z', '2031-03-09T21:00:00.000Z', '2031-03-16T21:00:00.000Z']);
  });
});
