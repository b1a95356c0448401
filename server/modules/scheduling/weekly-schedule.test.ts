import { TZDate, tzScan } from '@date-fns/tz';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandWeeklySchedule, localDateTimeToUtc, type WeeklyScheduleInput } from './weekly-schedule';

const MIN = 60_000;
const DAY = 86_400_000;
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

const base: WeeklyScheduleInput = {
  timezone: 'Asia/Riyadh',
  startDate: '2025-03-01',
  weekdays: [2],
  localTime: '17:00',
  durationMinutes: 60,
  count: 3,
};

describe('expandWeeklySchedule keeps the local time across DST', () => {
  it('America/New_York, March change (2025-03-09): 17:00 EST then 17:00 EDT', () => {
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'America/New_York', weekdays: [2] }))).toEqual([
      '2025-03-04T22:00:00.000Z',
      '2025-03-11T21:00:00.000Z',
      '2025-03-18T21:00:00.000Z',
    ]);
    // A class on the Sunday of the change itself.
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'America/New_York', startDate: '2025-03-02', weekdays: [0], count: 2 }))).toEqual([
      '2025-03-02T22:00:00.000Z',
      '2025-03-09T21:00:00.000Z',
    ]);
  });

  it('America/New_York, November change (2025-11-02): 17:00 EDT then 17:00 EST', () => {
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'America/New_York', startDate: '2025-10-25', weekdays: [2], count: 2 }))).toEqual([
      '2025-10-28T21:00:00.000Z',
      '2025-11-04T22:00:00.000Z',
    ]);
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'America/New_York', startDate: '2025-10-26', weekdays: [0], count: 2 }))).toEqual([
      '2025-10-26T21:00:00.000Z',
      '2025-11-02T22:00:00.000Z',
    ]);
  });

  it('Europe/London, March (2025-03-30) and October (2025-10-26) changes', () => {
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'Europe/London', startDate: '2025-03-23', weekdays: [0], count: 2 }))).toEqual([
      '2025-03-23T17:00:00.000Z',
      '2025-03-30T16:00:00.000Z',
    ]);
    expect(iso(expandWeeklySchedule({ ...base, timezone: 'Europe/London', startDate: '2025-10-19', weekdays: [0], count: 2 }))).toEqual([
      '2025-10-19T16:00:00.000Z',
      '2025-10-26T17:00:00.000Z',
    ]);
  });

  it('Asia/Riyadh (no DST) stays at 14:00Z all year, endDate inclusive', () => {
    expect(
      iso(expandWeeklySchedule({ ...base, count: undefined, endDate: '2025-03-13', weekdays: [4, 2] })),
    ).toEqual(['2025-03-04T14:00:00.000Z', '2025-03-06T14:00:00.000Z', '2025-03-11T14:00:00.000Z', '2025-03-13T14:00:00.000Z']);
    const yearRound = expandWeeklySchedule({ ...base, startDate: '2025-01-01', weekdays: [3], count: 52 });
    expect(new Set(yearRound.map((d) => d.toISOString().slice(11)))).toEqual(new Set(['14:00:00.000Z']));
  });

  it('includes the start date when its weekday matches', () => {
    // 2025-03-04 is a Tuesday.
    expect(iso(expandWeeklySchedule({ ...base, startDate: '2025-03-04', count: 1 }))).toEqual(['2025-03-04T14:00:00.000Z']);
  });
});

describe('wall times that DST makes nonexistent or ambiguous', () => {
  it('moves a nonexistent 02:30 (New York, 2025-03-09) forward by the gap, to 03:30 EDT, as TZDate does', () => {
    const sundays = expandWeeklySchedule({ ...base, timezone: 'America/New_York', startDate: '2025-03-02', weekdays: [0], localTime: '02:30' });
    expect(iso(sundays)).toEqual(['2025-03-02T07:30:00.000Z', '2025-03-09T07:30:00.000Z', '2025-03-16T06:30:00.000Z']);
    expect(sundays[1]!.getTime()).toBe(new TZDate(2025, 2, 9, 2, 30, 'America/New_York').getTime());
    expect(localDateTimeToUtc('America/New_York', '2025-03-09', '02:00').toISOString()).toBe('2025-03-09T07:00:00.000Z');
    expect(localDateTimeToUtc('America/New_York', '2025-03-09', '01:59').toISOString()).toBe('2025-03-09T06:59:00.000Z');
  });

  it('moves a nonexistent 01:30 (London, 2025-03-30) forward to 02:30 BST', () => {
    expect(localDateTimeToUtc('Europe/London', '2025-03-30', '01:30').toISOString()).toBe('2025-03-30T01:30:00.000Z');
    expect(localDateTimeToUtc('Europe/London', '2025-03-30', '01:30').getTime()).toBe(
      new TZDate(2025, 2, 30, 1, 30, 'Europe/London').getTime(),
    );
  });

  it('takes the first of two occurrences of an ambiguous wall time', () => {
    // 01:30 happens at 05:30Z (EDT) and again at 06:30Z (EST).
    expect(localDateTimeToUtc('America/New_York', '2025-11-02', '01:30').toISOString()).toBe('2025-11-02T05:30:00.000Z');
    // 01:30 happens at 00:30Z (BST) and again at 01:30Z (GMT).
    expect(localDateTimeToUtc('Europe/London', '2025-10-26', '01:30').toISOString()).toBe('2025-10-26T00:30:00.000Z');
    // Lord Howe falls back by only 30 minutes.
    expect(localDateTimeToUtc('Australia/Lord_Howe', '2025-04-06', '01:45').toISOString()).toBe('2025-04-05T14:45:00.000Z');
  });
});

describe('expandWeeklySchedule validation', () => {
  it.each<[string, Partial<WeeklyScheduleInput>]>([
    ['both count and endDate', { count: 3, endDate: '2025-04-01' }],
    ['neither count nor endDate', { count: undefined }],
    ['count 0', { count: 0 }],
    ['count 501', { count: 501 }],
    ['fractional count', { count: 1.5 }],
    ['endDate before startDate', { count: undefined, endDate: '2025-02-28' }],
    ['endDate one day past two years', { count: undefined, endDate: '2027-03-02' }],
    ['no weekdays', { weekdays: [] }],
    ['weekday 7', { weekdays: [7] }],
    ['weekday -1', { weekdays: [-1] }],
    ['fractional weekday', { weekdays: [1.5] }],
    ['repeated weekday', { weekdays: [1, 1] }],
    ['duration 0', { durationMinutes: 0 }],
    ['duration 601', { durationMinutes: 601 }],
    ['fractional duration', { durationMinutes: 30.5 }],
    ['time 24:00', { localTime: '24:00' }],
    ['time 7:00', { localTime: '7:00' }],
    ['impossible start date', { startDate: '2025-02-30' }],
    ['loose start date', { startDate: '2025-3-1' }],
    ['impossible end date', { count: undefined, endDate: '2025-13-01' }],
    ['unknown timezone', { timezone: 'Mars/Olympus_Mons' }],
  ])('refuses %s', (_name, patch) => {
    expect(() => expandWeeklySchedule({ ...base, ...patch })).toThrow(RangeError);
  });

  it('accepts the bounds', () => {
    expect(expandWeeklySchedule({ ...base, count: 500 })).toHaveLength(500);
    expect(expandWeeklySchedule({ ...base, durationMinutes: 1 })).toHaveLength(3);
    expect(expandWeeklySchedule({ ...base, durationMinutes: 600 })).toHaveLength(3);
    const twoYears = expandWeeklySchedule({ ...base, count: undefined, endDate: '2027-03-01', weekdays: [1] });
    // 2027-03-01 is a Monday: the inclusive end date is the last occurrence.
    expect(twoYears.at(-1)!.toISOString()).toBe('2027-03-01T14:00:00.000Z');
    expect(twoYears).toHaveLength(105);
  });

  it('clamps "two years after 29 February" to 28 February', () => {
    expect(() => expandWeeklySchedule({ ...base, startDate: '2024-02-29', count: undefined, endDate: '2026-02-28' })).not.toThrow();
    expect(() => expandWeeklySchedule({ ...base, startDate: '2024-02-29', count: undefined, endDate: '2026-03-01' })).toThrow(RangeError);
  });

  it('returns nothing when no requested weekday falls in a short range', () => {
    // 2025-03-01 (Saturday) to 2025-03-03 (Monday) has no Tuesday.
    expect(expandWeeklySchedule({ ...base, count: undefined, endDate: '2025-03-03' })).toEqual([]);
  });
});

describe('expandWeeklySchedule properties', () => {
  // Zones with one-hour, half-hour and midnight transitions, both hemispheres, and none.
  const zones = [
    'America/New_York',
    'Europe/London',
    'Asia/Riyadh',
    'Australia/Sydney',
    'Australia/Lord_Howe',
    'Pacific/Auckland',
    'America/Santiago',
    'America/St_Johns',
    'Africa/Cairo',
    'Asia/Beirut',
    'Asia/Kolkata',
    'Asia/Tehran',
  ];
  const WEEKDAY = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 } as Record<string, number>;
  const formatters = new Map<string, Intl.DateTimeFormat>();

  // An oracle independent of the code under test: Intl's own wall clock.
  function wall(instant: Date | number, timeZone: string) {
    let f = formatters.get(timeZone);
    if (!f) {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        weekday: 'short',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      formatters.set(timeZone, f);
    }
    const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
    return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: WEEKDAY[p.weekday!]! };
  }

  // Tries every plausible UTC offset (−12:00..+14:00 by 15 min) for the wall time.
  function wallTimeExists(date: string, time: string, timeZone: string): boolean {
    const naive = Date.parse(`${date}T${time}:00Z`);
    for (let offset = -12 * 60; offset <= 14 * 60; offset += 15) {
      const w = wall(naive - offset * MIN, timeZone);
      if (w.date === date && w.time === time) return true;
    }
    return false;
  }

  const civilDay = fc.integer({ min: 0, max: 16 * 366 }).map((n) => new Date(Date.UTC(2020, 0, 1) + n * DAY).toISOString().slice(0, 10));
  const localTime = fc
    .integer({ min: 0, max: 1439 })
    .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
  const weekdays = fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 7 });

  function expectedDates(startDate: string, days: number[], stop: (found: string[], day: string) => boolean): string[] {
    const found: string[] = [];
    for (let t = Date.parse(`${startDate}T00:00:00Z`); ; t += DAY) {
      const day = new Date(t).toISOString().slice(0, 10);
      if (stop(found, day)) return found;
      if (days.includes(new Date(t).getUTCDay())) found.push(day);
    }
  }

  function checkInstants(instants: Date[], timeZone: string, time: string, days: number[], dates: string[]) {
    for (let i = 1; i < instants.length; i++) expect(instants[i]!.getTime()).toBeGreaterThan(instants[i - 1]!.getTime());
    expect(instants.map((d) => wall(d, timeZone).date)).toEqual(dates);
    for (const instant of instants) {
      const w = wall(instant, timeZone);
      expect(days).toContain(w.weekday);
      if (w.time !== time) {
        expect(wallTimeExists(w.date, time, timeZone)).toBe(false);
        expect(w.time > time).toBe(true);
      } else {
        // Earliest of two occurrences: nothing up to two hours earlier shows the same wall time.
        for (const back of [30, 60, 120]) {
          const earlier = wall(instant.getTime() - back * MIN, timeZone);
          expect(earlier.date === w.date && earlier.time === time).toBe(false);
        }
      }
    }
  }

  it('with count: requested local time and weekdays, ascending, exactly count occurrences', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), civilDay, weekdays, localTime, fc.integer({ min: 1, max: 60 }), (timezone, startDate, days, time, count) => {
        const instants = expandWeeklySchedule({ timezone, startDate, weekdays: days, localTime: time, durationMinutes: 45, count });
        expect(instants).toHaveLength(count);
        checkInstants(instants, timezone, time, days, expectedDates(startDate, days, (found) => found.length === count));
      }),
      { numRuns: 200 },
    );
  });

  it('with endDate: every matching local day in the inclusive range and no other', () => {
    fc.assert(
      fc.property(fc.constantFrom(...zones), civilDay, weekdays, localTime, fc.integer({ min: 0, max: 120 }), (timezone, startDate, days, time, span) => {
        const endDate = new Date(Date.parse(`${startDate}T00:00:00Z`) + span * DAY).toISOString().slice(0, 10);
        const instants = expandWeeklySchedule({ timezone, startDate, weekdays: days, localTime: time, durationMinutes: 45, endDate });
        checkInstants(instants, timezone, time, days, expectedDates(startDate, days, (_found, day) => day > endDate));
      }),
      { numRuns: 200 },
    );
  });

  it('around real transitions: gaps move forward, overlaps take the first occurrence', () => {
    // Random days almost never land in a DST gap, so aim at the transitions themselves.
    let gaps = 0;
    let overlaps = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...zones.filter((z) => z !== 'Asia/Riyadh' && z !== 'Asia/Kolkata')),
        fc.integer({ min: 2020, max: 2035 }),
        fc.nat(),
        fc.integer({ min: -120, max: 120 }),
        fc.integer({ min: 1, max: 3 }),
        (timezone, year, pick, delta, count) => {
          const changes = tzScan(timezone, { start: new Date(Date.UTC(year, 0, 1)), end: new Date(Date.UTC(year + 1, 0, 1)) });
          fc.pre(changes.length > 0);
          const change = changes[pick % changes.length]!;
          const before = wall(change.date.getTime() - MIN, timezone);
          const naive = new Date(Date.parse(`${before.date}T${before.time}:00Z`) + (1 + delta) * MIN).toISOString();
          const [startDate, time] = [naive.slice(0, 10), naive.slice(11, 16)];
          const days = [new Date(`${startDate}T00:00:00Z`).getUTCDay()];
          const instants = expandWeeklySchedule({ timezone, startDate, weekdays: days, localTime: time, durationMinutes: 45, count });
          expect(instants).toHaveLength(count);
          checkInstants(instants, timezone, time, days, expectedDates(startDate, days, (found) => found.length === count));
          if (change.change > 0 && delta >= 0 && delta < change.change) gaps++;
          if (change.change < 0 && delta < 0 && delta >= change.change) overlaps++;
        },
      ),
      { numRuns: 400 },
    );
    expect(gaps).toBeGreaterThan(0);
    expect(overlaps).toBeGreaterThan(0);
  });

  it('hits the nonexistent-time branch on real DST days', () => {
    // Guards the property above against only ever seeing ordinary days.
    const gap = expandWeeklySchedule({ timezone: 'America/Santiago', startDate: '2025-09-07', weekdays: [0], localTime: '00:30', durationMinutes: 45, count: 1 });
    expect(wall(gap[0]!, 'America/Santiago')).toMatchObject({ date: '2025-09-07', time: '01:30' });
    expect(wallTimeExists('2025-09-07', '00:30', 'America/Santiago')).toBe(false);
  });
});
