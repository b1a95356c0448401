import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  creationIneligibility,
  eligibleScheduledRange,
  inLocalWindow,
  localParts,
  LOOK_AHEAD_MINUTES,
  MAX_SESSION_DURATION_MINUTES,
  parseLocalTime,
  type CreationCandidate,
  type CreationSettings,
  type Ineligibility,
} from './eligibility';

const MIN = 60_000;
const at = (iso: string) => new Date(iso);
const plus = (d: Date, minutes: number) => new Date(d.getTime() + minutes * MIN);

const baseSettings: CreationSettings = {
  autoCreate: true,
  minutesBefore: 30,
  windowStart: null,
  windowEnd: null,
  blockedWeekdays: [],
};

interface Case {
  name: string;
  now?: string;
  timezone?: string;
  academyActive?: boolean;
  settings?: Partial<CreationSettings>;
  scheduledAt: string;
  durationMinutes?: number;
  status?: string;
  hasMeeting?: boolean;
  expected: Ineligibility | null;
}

function candidate(c: Case): CreationCandidate {
  return {
    now: at(c.now ?? '2025-01-15T12:00:00Z'),
    timezone: c.timezone ?? 'UTC',
    academyActive: c.academyActive ?? true,
    settings: { ...baseSettings, ...c.settings },
    session: {
      scheduledAt: at(c.scheduledAt),
      durationMinutes: c.durationMinutes ?? 60,
      status: c.status ?? 'scheduled',
      hasMeeting: c.hasMeeting ?? false,
    },
  };
}

function runTable(cases: Case[]) {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(creationIneligibility(candidate(c))).toBe(c.expected);
  });
}

describe('parseLocalTime', () => {
  it('reads minutes after midnight', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('06:30')).toBe(390);
    expect(parseLocalTime('23:59')).toBe(1439);
  });

  it.each(['24:00', '7:00', '07:0', '07:60', '0700', '07:00:00', ' 07:00', '', 'ab:cd', '-1:00'])(
    'refuses %j',
    (value) => {
      expect(() => parseLocalTime(value)).toThrow(RangeError);
    },
  );
});

describe('creationIneligibility: timing (UTC academy, minutesBefore 30, now 12:00Z)', () => {
  runTable([
    { name: 'exactly at creation time (start − 30 min) is eligible', scheduledAt: '2025-01-15T12:30:00Z', expected: null },
    { name: 'one minute before creation time is too early', scheduledAt: '2025-01-15T12:31:00Z', expected: 'too_early' },
    { name: 'one millisecond before creation time is too early', scheduledAt: '2025-01-15T12:30:00.001Z', expected: 'too_early' },
    { name: 'starting right now is eligible', scheduledAt: '2025-01-15T12:00:00Z', expected: null },
    { name: 'started 59 min ago (60 min long) still gets a late room', scheduledAt: '2025-01-15T11:01:00Z', expected: null },
    { name: 'ended exactly now is past', scheduledAt: '2025-01-15T11:00:00Z', expected: 'already_started_past' },
    { name: 'ended yesterday is past', scheduledAt: '2025-01-14T12:00:00Z', expected: 'already_started_past' },
    {
      name: 'a long session that started hours ago but runs on is eligible',
      scheduledAt: '2025-01-15T08:00:00Z',
      durationMinutes: 300,
      expected: null,
    },
  ]);
});

describe('creationIneligibility: look-ahead edge (minutesBefore larger than the look-ahead)', () => {
  runTable([
    { name: 'exactly now + 120 min is eligible', settings: { minutesBefore: 180 }, scheduledAt: '2025-01-15T14:00:00Z', expected: null },
    { name: 'now + 121 min is too far', settings: { minutesBefore: 180 }, scheduledAt: '2025-01-15T14:01:00Z', expected: 'too_far' },
    { name: 'now + 120 min + 1 ms is too far', settings: { minutesBefore: 180 }, scheduledAt: '2025-01-15T14:00:00.001Z', expected: 'too_far' },
    { name: 'too far wins over too early', settings: { minutesBefore: 30 }, scheduledAt: '2025-01-15T15:00:00Z', expected: 'too_far' },
    { name: 'minutesBefore 0 waits for the start', settings: { minutesBefore: 0 }, scheduledAt: '2025-01-15T12:01:00Z', expected: 'too_early' },
  ]);

  it('uses a 2 hour look-ahead', () => {
    expect(LOOK_AHEAD_MINUTES).toBe(120);
  });
});

describe('creationIneligibility: academy, settings, status and meeting', () => {
  const soon = '2025-01-15T12:10:00Z';
  runTable([
    { name: 'auto-create off', settings: { autoCreate: false }, scheduledAt: soon, expected: 'auto_create_off' },
    { name: 'inactive academy', academyActive: false, scheduledAt: soon, expected: 'academy_inactive' },
    { name: 'auto-create off is reported before an inactive academy', academyActive: false, settings: { autoCreate: false }, scheduledAt: soon, expected: 'auto_create_off' },
    { name: 'status scheduled', status: 'scheduled', scheduledAt: soon, expected: null },
    { name: 'status ready', status: 'ready', scheduledAt: soon, expected: 'status' },
    { name: 'status ongoing', status: 'ongoing', scheduledAt: soon, expected: 'status' },
    { name: 'status completed', status: 'completed', scheduledAt: soon, expected: 'status' },
    { name: 'status cancelled', status: 'cancelled', scheduledAt: soon, expected: 'status' },
    { name: 'status absent', status: 'absent', scheduledAt: soon, expected: 'status' },
    { name: 'unknown status', status: 'Scheduled', scheduledAt: soon, expected: 'status' },
    { name: 'already has a meeting', hasMeeting: true, scheduledAt: soon, expected: 'has_meeting' },
  ]);
});

describe('creationIneligibility: daily window in the academy local time', () => {
  // Riyadh is UTC+3 all year. Window 08:00–12:00 local.
  const riyadh = { timezone: 'Asia/Riyadh', settings: { windowStart: '08:00', windowEnd: '12:00' } };
  runTable([
    // The old system compared UTC 06:00 with 08:00 and refused; locally it is 09:00.
    { name: 'Riyadh 09:00 local (06:00Z) is inside', ...riyadh, now: '2025-01-15T06:00:00Z', scheduledAt: '2025-01-15T06:00:00Z', expected: null },
    // UTC 10:00 looks inside 08–12 but is 13:00 in Riyadh.
    { name: 'Riyadh 13:00 local (10:00Z) is outside', ...riyadh, now: '2025-01-15T10:00:00Z', scheduledAt: '2025-01-15T10:00:00Z', expected: 'outside_window' },
    { name: 'Riyadh 08:00 local is inside (start inclusive)', ...riyadh, now: '2025-01-15T05:00:00Z', scheduledAt: '2025-01-15T05:00:00Z', expected: null },
    { name: 'Riyadh 07:59 local is outside', ...riyadh, now: '2025-01-15T04:59:00Z', scheduledAt: '2025-01-15T04:59:00Z', expected: 'outside_window' },
    { name: 'Riyadh 11:59 local is inside', ...riyadh, now: '2025-01-15T08:59:00Z', scheduledAt: '2025-01-15T08:59:00Z', expected: null },
    { name: 'Riyadh 12:00 local is outside (end exclusive)', ...riyadh, now: '2025-01-15T09:00:00Z', scheduledAt: '2025-01-15T09:00:00Z', expected: 'outside_window' },
  ]);

  // New York: 17:00–18:00 local is 22:00–23:00Z in winter, 21:00–22:00Z in summer.
  const newYork = { timezone: 'America/New_York', settings: { windowStart: '17:00', windowEnd: '18:00' } };
  runTable([
    { name: 'New York 17:30 EST (22:30Z, January) is inside', ...newYork, now: '2025-01-15T22:30:00Z', scheduledAt: '2025-01-15T22:30:00Z', expected: null },
    { name: 'New York 17:30 EDT (21:30Z, July) is inside', ...newYork, now: '2025-07-15T21:30:00Z', scheduledAt: '2025-07-15T21:30:00Z', expected: null },
    { name: 'New York 21:30Z in January is 16:30 EST, outside', ...newYork, now: '2025-01-15T21:30:00Z', scheduledAt: '2025-01-15T21:30:00Z', expected: 'outside_window' },
    { name: 'New York 22:30Z in July is 18:30 EDT, outside', ...newYork, now: '2025-07-15T22:30:00Z', scheduledAt: '2025-07-15T22:30:00Z', expected: 'outside_window' },
    // Days either side of the 2025-03-09 spring-forward.
    { name: 'New York 17:00 on 8 March (EST, 22:00Z) is inside', ...newYork, now: '2025-03-08T22:00:00Z', scheduledAt: '2025-03-08T22:00:00Z', expected: null },
    { name: 'New York 17:00 on 9 March (EDT, 21:00Z) is inside', ...newYork, now: '2025-03-09T21:00:00Z', scheduledAt: '2025-03-09T21:00:00Z', expected: null },
    { name: 'New York 22:00Z on 9 March is 18:00 EDT, outside', ...newYork, now: '2025-03-09T22:00:00Z', scheduledAt: '2025-03-09T22:00:00Z', expected: 'outside_window' },
    // Days either side of the 2025-11-02 fall-back.
    { name: 'New York 21:00Z on 1 November is 17:00 EDT, inside', ...newYork, now: '2025-11-01T21:00:00Z', scheduledAt: '2025-11-01T21:00:00Z', expected: null },
    { name: 'New York 21:00Z on 2 November is 16:00 EST, outside', ...newYork, now: '2025-11-02T21:00:00Z', scheduledAt: '2025-11-02T21:00:00Z', expected: 'outside_window' },
    { name: 'New York 22:00Z on 2 November is 17:00 EST, inside', ...newYork, now: '2025-11-02T22:00:00Z', scheduledAt: '2025-11-02T22:00:00Z', expected: null },
  ]);

  // 22:00–06:00 wraps midnight; in Riyadh that is 19:00Z–03:00Z.
  const wrap = { timezone: 'Asia/Riyadh', settings: { windowStart: '22:00', windowEnd: '06:00' } };
  runTable([
    { name: 'wrap: 23:00 local (20:00Z, outside in a UTC reading) is inside', ...wrap, now: '2025-01-15T20:00:00Z', scheduledAt: '2025-01-15T20:00:00Z', expected: null },
    { name: 'wrap: 22:00 local is inside (start inclusive)', ...wrap, now: '2025-01-15T19:00:00Z', scheduledAt: '2025-01-15T19:00:00Z', expected: null },
    { name: 'wrap: 21:59 local is outside', ...wrap, now: '2025-01-15T18:59:00Z', scheduledAt: '2025-01-15T18:59:00Z', expected: 'outside_window' },
    { name: 'wrap: 00:00 local is inside', ...wrap, now: '2025-01-15T21:00:00Z', scheduledAt: '2025-01-15T21:00:00Z', expected: null },
    { name: 'wrap: 01:00 local (morning side, previous UTC day) is inside', ...wrap, now: '2025-01-14T22:00:00Z', scheduledAt: '2025-01-14T22:00:00Z', expected: null },
    { name: 'wrap: 05:59 local is inside', ...wrap, now: '2025-01-15T02:59:00Z', scheduledAt: '2025-01-15T02:59:00Z', expected: null },
    { name: 'wrap: 06:00 local is outside (end exclusive)', ...wrap, now: '2025-01-15T03:00:00Z', scheduledAt: '2025-01-15T03:00:00Z', expected: 'outside_window' },
    { name: 'wrap: 12:00 local is outside', ...wrap, now: '2025-01-15T09:00:00Z', scheduledAt: '2025-01-15T09:00:00Z', expected: 'outside_window' },
    { name: 'wrap: 23:00Z is 02:00 local, inside', ...wrap, now: '2025-01-15T23:00:00Z', scheduledAt: '2025-01-15T23:00:00Z', expected: null },
    { name: 'wrap: 04:00Z is 07:00 local, outside although 04:00 UTC is before 06:00', ...wrap, now: '2025-01-15T04:00:00Z', scheduledAt: '2025-01-15T04:00:00Z', expected: 'outside_window' },
  ]);

  runTable([
    { name: 'equal bounds mean the whole day (00:00 local)', timezone: 'Asia/Riyadh', settings: { windowStart: '09:00', windowEnd: '09:00' }, now: '2025-01-14T21:00:00Z', scheduledAt: '2025-01-14T21:00:00Z', expected: null },
    { name: 'equal bounds mean the whole day (08:59 local)', timezone: 'Asia/Riyadh', settings: { windowStart: '09:00', windowEnd: '09:00' }, now: '2025-01-15T05:59:00Z', scheduledAt: '2025-01-15T05:59:00Z', expected: null },
    { name: 'no window accepts any hour', timezone: 'Asia/Riyadh', now: '2025-01-15T00:30:00Z', scheduledAt: '2025-01-15T00:30:00Z', expected: null },
  ]);

  it('refuses a malformed window instead of ignoring it', () => {
    const c = candidate({ name: '', settings: { windowStart: '8:00', windowEnd: '12:00' }, scheduledAt: '2025-01-15T12:10:00Z', expected: null });
    expect(() => creationIneligibility(c)).toThrow(RangeError);
  });

  it('refuses an unknown timezone instead of treating it as UTC', () => {
    const c = candidate({ name: '', timezone: 'Mars/Olympus_Mons', scheduledAt: '2025-01-15T12:10:00Z', expected: null });
    expect(() => creationIneligibility(c)).toThrow(RangeError);
  });
});

describe('inLocalWindow with one open bound', () => {
  it('treats a lone start as "from start until midnight" and a lone end as "from midnight until end"', () => {
    expect(inLocalWindow(parseLocalTime('07:59'), '08:00', null)).toBe(false);
    expect(inLocalWindow(parseLocalTime('08:00'), '08:00', null)).toBe(true);
    expect(inLocalWindow(parseLocalTime('23:59'), '08:00', null)).toBe(true);
    expect(inLocalWindow(parseLocalTime('00:00'), null, '20:00')).toBe(true);
    expect(inLocalWindow(parseLocalTime('20:00'), null, '20:00')).toBe(false);
  });
});

describe('creationIneligibility: blocked weekdays in the academy local time', () => {
  runTable([
    // Friday 01:00 in Riyadh is Thursday 22:00Z: blocked although the UTC weekday is Thursday.
    { name: 'Riyadh Friday 01:00 local (Thursday UTC) is blocked on Friday', timezone: 'Asia/Riyadh', settings: { blockedWeekdays: [5] }, now: '2025-01-16T22:00:00Z', scheduledAt: '2025-01-16T22:00:00Z', expected: 'blocked_day' },
    // Saturday 01:00 in Riyadh is Friday 22:00Z: not blocked although the UTC weekday is Friday.
    { name: 'Riyadh Saturday 01:00 local (Friday UTC) is not blocked on Friday', timezone: 'Asia/Riyadh', settings: { blockedWeekdays: [5] }, now: '2025-01-17T22:00:00Z', scheduledAt: '2025-01-17T22:00:00Z', expected: null },
    // Saturday 20:00 EST is Sunday 01:00Z.
    { name: 'New York Saturday evening (Sunday UTC) is not blocked on Sunday', timezone: 'America/New_York', settings: { blockedWeekdays: [0] }, now: '2025-01-19T01:00:00Z', scheduledAt: '2025-01-19T01:00:00Z', expected: null },
    { name: 'New York Saturday evening (Sunday UTC) is blocked on Saturday', timezone: 'America/New_York', settings: { blockedWeekdays: [6] }, now: '2025-01-19T01:00:00Z', scheduledAt: '2025-01-19T01:00:00Z', expected: 'blocked_day' },
    // Same local evening in summer is 00:00Z Sunday; still Saturday locally.
    { name: 'New York Saturday 20:00 EDT (Sunday 00:00Z) is blocked on Saturday', timezone: 'America/New_York', settings: { blockedWeekdays: [6] }, now: '2025-07-20T00:00:00Z', scheduledAt: '2025-07-20T00:00:00Z', expected: 'blocked_day' },
    { name: 'window is reported before blocked day', timezone: 'Asia/Riyadh', settings: { blockedWeekdays: [5], windowStart: '08:00', windowEnd: '09:00' }, now: '2025-01-16T22:00:00Z', scheduledAt: '2025-01-16T22:00:00Z', expected: 'outside_window' },
  ]);
});

describe('localParts', () => {
  it('reads wall time and weekday in the given zone', () => {
    expect(localParts(at('2025-01-16T22:00:00Z'), 'Asia/Riyadh')).toEqual({ year: 2025, month: 1, day: 17, weekday: 5, minuteOfDay: 60 });
    expect(localParts(at('2025-03-09T07:00:00Z'), 'America/New_York')).toEqual({ year: 2025, month: 3, day: 9, weekday: 0, minuteOfDay: 180 });
    expect(localParts(at('2025-03-09T06:59:00Z'), 'America/New_York')).toEqual({ year: 2025, month: 3, day: 9, weekday: 0, minuteOfDay: 119 });
  });
});

describe('eligibleScheduledRange', () => {
  const now = at('2025-01-15T12:00:00Z');

  it('ends at the nearer of the look-ahead and the creation lead', () => {
    expect(eligibleScheduledRange(now, { minutesBefore: 30 })).toEqual({
      from: plus(now, -MAX_SESSION_DURATION_MINUTES),
      to: at('2025-01-15T12:30:00Z'),
    });
    expect(eligibleScheduledRange(now, { minutesBefore: 600 }).to).toEqual(at('2025-01-15T14:00:00Z'));
  });

  it('contains every session creationIneligibility accepts', () => {
    const zones = ['UTC', 'Asia/Riyadh', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: -MAX_SESSION_DURATION_MINUTES - 60, max: 300 }),
        fc.integer({ min: 1, max: MAX_SESSION_DURATION_MINUTES }),
        fc.integer({ min: 0, max: 300 }),
        fc.constantFrom(...zones),
        (nowMs, offsetMinutes, durationMinutes, minutesBefore, timezone) => {
          const now = new Date(nowMs);
          const scheduledAt = plus(now, offsetMinutes);
          const verdict = creationIneligibility({
            now,
            timezone,
            academyActive: true,
            settings: { ...baseSettings, minutesBefore },
            session: { scheduledAt, durationMinutes, status: 'scheduled', hasMeeting: false },
          });
          const { from, to } = eligibleScheduledRange(now, { minutesBefore });
          if (verdict === null) {
            expect(scheduledAt.getTime()).toBeGreaterThanOrEqual(from.getTime());
            expect(scheduledAt.getTime()).toBeLessThanOrEqual(to.getTime());
          }
        },
      ),
    );
  });
});

describe('window check agrees with Intl in the academy zone', () => {
  it('matches an Intl.DateTimeFormat oracle for random instants, zones and windows', () => {
    const zones = ['Asia/Riyadh', 'America/New_York', 'Europe/London', 'Asia/Kolkata', 'Australia/Lord_Howe', 'America/St_Johns'];
    const hhmm = fc.integer({ min: 0, max: 1439 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }).map((ms) => new Date(ms - (ms % MIN))),
        fc.constantFrom(...zones),
        hhmm,
        hhmm,
        (scheduledAt, timezone, windowStart, windowEnd) => {
          const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(scheduledAt);
          const minute = Number(parts.find((p) => p.type === 'hour')!.value) * 60 + Number(parts.find((p) => p.type === 'minute')!.value);
          const s = parseLocalTime(windowStart);
          const e = parseLocalTime(windowEnd);
          const expected = s === e || (s < e ? minute >= s && minute < e : minute >= s || minute < e);
          const verdict = creationIneligibility({
            now: scheduledAt,
            timezone,
            academyActive: true,
            settings: { ...baseSettings, windowStart, windowEnd },
            session: { scheduledAt, durationMinutes: 60, status: 'scheduled', hasMeeting: false },
          });
          expect(verdict === null).toBe(expected);
        },
      ),
    );
  });
});
