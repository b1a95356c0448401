import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  attendanceStatus,
  computeAttendance,
  type AttendanceRecord,
  type AttendanceSettings,
  type AttendanceStatus,
  type AttendanceThresholds,
  type ComputeOptions,
  type ParticipantEvent,
  type SessionWindow,
} from './engine';

const RUNS = { numRuns: 300 };
const MINUTE = 60_000;

// absent < partial < late < present: late only ever replaces present, so it sits just below it.
const RANK: Record<AttendanceStatus, number> = { absent: 0, partial: 1, late: 2, present: 3 };

/** The largest double below a positive x, so a threshold is probed one ulp under, not 0.01 under. */
function justBelow(x: number): number {
  const bits = new BigInt64Array(new Float64Array([x]).buffer);
  bits[0] = (bits[0] ?? 0n) - 1n;
  return new Float64Array(bits.buffer)[0] ?? Number.NaN;
}

// Offsets relative to the start, wide enough to reach before the start and past end + overtime.
const offset = fc.integer({ min: -30 * MINUTE, max: 330 * MINUTE });
const percent = fc.double({ min: 0, max: 100, noNaN: true });
const graceMinutes = fc.oneof(fc.integer({ min: 0, max: 120 }), fc.double({ min: 0, max: 120, noNaN: true }));

const sessionArb: fc.Arbitrary<SessionWindow> = fc.record({
  startAt: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
  durationMinutes: fc.integer({ min: 1, max: 240 }),
  extensionMinutes: fc.constantFrom(0, 5, 15, 60),
});

const thresholdsArb: fc.Arbitrary<AttendanceThresholds> = fc
  .tuple(percent, percent, fc.option(graceMinutes, { nil: null }))
  .map(([a, b, grace]) => ({ absentBelowPercent: Math.min(a, b), partialBelowPercent: Math.max(a, b), lateGraceMinutes: grace }));

const settingsArb: fc.Arbitrary<AttendanceSettings> = fc.record({
  thresholds: thresholdsArb,
  measuredAgainst: fc.constantFrom('held' as const, 'planned' as const),
  reconnectWindowSeconds: fc.integer({ min: 0, max: 600 }),
  overtimeMinutes: fc.integer({ min: 0, max: 120 }),
});

// A small fixed pool makes sids collide often; free-form ones cover arbitrary names.
const sidArb = fc.oneof(fc.constantFrom('PA_a', 'PA_b', 'PA_c'), fc.string({ minLength: 1, maxLength: 6 }).map((s) => `PA_${s}`));

const connectionArb = fc.record({
  sid: sidArb,
  join: fc.option(offset, { nil: null }),
  leave: fc.option(fc.record({ at: offset, joinedAt: fc.option(offset, { nil: null }), estimated: fc.boolean() }), { nil: null }),
});
type ConnectionSpec = typeof connectionArb extends fc.Arbitrary<infer T> ? T : never;

const optionsArb = fc.record({
  final: fc.boolean(),
  finishedAt: fc.option(offset, { nil: null }),
  asOf: fc.option(offset, { nil: null }),
});
type OptionsSpec = typeof optionsArb extends fc.Arbitrary<infer T> ? T : never;

function toEvents(session: SessionWindow, connections: readonly ConnectionSpec[], sidPrefix = ''): ParticipantEvent[] {
  return connections.flatMap(({ sid, join, leave }) => {
    const participantSid = sidPrefix + sid;
    const events: ParticipantEvent[] = [];
    if (join !== null) events.push({ kind: 'join', participantSid, at: session.startAt + join });
    if (leave !== null) {
      const joinedAt = leave.joinedAt === null ? {} : { joinedAt: session.startAt + leave.joinedAt };
      const estimated = leave.estimated ? { estimated: true } : {};
      events.push({ kind: 'leave', participantSid, at: session.startAt + leave.at, ...joinedAt, ...estimated });
    }
    return events;
  });
}

function toOptions(session: SessionWindow, spec: OptionsSpec): ComputeOptions {
  return {
    final: spec.final,
    ...(spec.finishedAt === null ? {} : { finishedAt: session.startAt + spec.finishedAt }),
    ...(spec.asOf === null ? {} : { asOf: session.startAt + spec.asOf }),
  };
}

const scenarioArb = fc
  .record({ session: sessionArb, settings: settingsArb, connections: fc.array(connectionArb, { maxLength: 12 }), options: optionsArb })
  .map(({ session, settings, connections, options }) => ({
    session,
    settings,
    events: toEvents(session, connections),
    options: toOptions(session, options),
  }));

/** The same events in another order, some delivered more than once, as webhook retries do. */
function redelivered<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  if (items.length === 0) return fc.constant([]);
  return fc
    .array(fc.nat({ max: items.length - 1 }), { maxLength: 10 })
    .chain((dups) => {
      const all = [...items, ...dups.map((i) => items[i]!)];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    });
}

const attendedMs = (record: AttendanceRecord): number => record.cycles.reduce((sum, c) => sum + Math.round(c.seconds * 1000), 0);

describe('computeAttendance properties', () => {
  it('is invariant under reordering and duplication of events', () => {
    const arb = scenarioArb.chain((s) => redelivered(s.events).map((shuffled) => ({ ...s, shuffled })));
    fc.assert(
      fc.property(arb, ({ session, settings, events, options, shuffled }) => {
        expect(computeAttendance(session, shuffled, settings, options)).toEqual(computeAttendance(session, events, settings, options));
      }),
      RUNS,
    );
  });

  it('yields sorted cycles separated by more than the reconnect window', () => {
    fc.assert(
      fc.property(scenarioArb, ({ session, settings, events, options }) => {
        const { cycles } = computeAttendance(session, events, settings, options);
        for (const cycle of cycles) {
          if (cycle.leftAt !== null) expect(cycle.leftAt).toBeGreaterThanOrEqual(cycle.joinedAt);
          if (options.final) expect(cycle.leftAt).not.toBeNull();
        }
        for (let i = 1; i < cycles.length; i += 1) {
          const [prev, next] = [cycles[i - 1]!, cycles[i]!];
          expect(next.joinedAt).toBeGreaterThan(prev.joinedAt);
          if (prev.leftAt !== null) expect(next.joinedAt - prev.leftAt).toBeGreaterThan(settings.reconnectWindowSeconds * 1000);
        }
      }),
      RUNS,
    );
  });

  it('keeps totals within the session and the percentage in [0, 100]', () => {
    fc.assert(
      fc.property(scenarioArb, ({ session, settings, events, options }) => {
        const record = computeAttendance(session, events, settings, options);
        expect(record.totalSeconds).toBeGreaterThanOrEqual(0);
        expect(record.totalSeconds).toBeLessThanOrEqual((session.durationMinutes + (session.extensionMinutes ?? 0)) * 60);
        expect(record.totalSeconds).toBe(Math.floor(attendedMs(record) / 1000));
        expect(record.percentage).toBeGreaterThanOrEqual(0);
        expect(record.percentage).toBeLessThanOrEqual(100);
        expect(record.joinCount === 0).toBe(record.firstJoinAt === null);
      }),
      RUNS,
    );
  });

  it('for on-time joiners, extra connections never lower attended time or status', () => {
    const arb = fc.record({
      session: sessionArb,
      settings: settingsArb,
      onTimeJoin: fc.integer({ min: -30 * MINUTE, max: 0 }),
      base: fc.array(connectionArb, { maxLength: 8 }),
      extra: fc.array(connectionArb, { maxLength: 8 }),
      options: optionsArb,
    });
    fc.assert(
      fc.property(arb, ({ session, settings, onTimeJoin, base, extra, options }) => {
        const baseEvents = [{ kind: 'join' as const, participantSid: 'PA_on_time', at: session.startAt + onTimeJoin }, ...toEvents(session, base)];
        // A fresh prefix keeps the extra connections from rewriting the base ones.
        const moreEvents = [...baseEvents, ...toEvents(session, extra, 'X_')];
        const opts = toOptions(session, options);
        const less = computeAttendance(session, baseEvents, settings, opts);
        const more = computeAttendance(session, moreEvents, settings, opts);
        expect(attendedMs(more)).toBeGreaterThanOrEqual(attendedMs(less));
        expect(RANK[more.status]).toBeGreaterThanOrEqual(RANK[less.status]);
        expect(less.status).not.toBe('late');
      }),
      RUNS,
    );
  });

  it('for an on-time single connection, staying longer never gives a worse status', () => {
    const arb = fc.record({
      session: sessionArb,
      settings: settingsArb,
      joinOffset: fc.integer({ min: -30 * MINUTE, max: 0 }),
      stays: fc.tuple(offset, offset).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const),
    });
    fc.assert(
      fc.property(arb, ({ session, settings, joinOffset, stays: [shorter, longer] }) => {
        const status = (leaveOffset: number) =>
          computeAttendance(
            session,
            [
              { kind: 'join', participantSid: 'PA_a', at: session.startAt + joinOffset },
              { kind: 'leave', participantSid: 'PA_a', at: session.startAt + leaveOffset },
            ],
            settings,
            { final: true },
          ).status;
        expect(RANK[status(longer)]).toBeGreaterThanOrEqual(RANK[status(shorter)]);
      }),
      RUNS,
    );
  });
});

describe('attendance window properties (docs/rules.md#attendance)', () => {
  it('someone in the room through the whole class held has 100 %, whenever a manager ended it', () => {
    const arb = fc.record({ session: sessionArb, settings: settingsArb, joinOffset: fc.integer({ min: -30 * MINUTE, max: 0 }), endOffset: offset });
    fc.assert(
      fc.property(arb, ({ session, settings, joinOffset, endOffset }) => {
        const held = { ...settings, measuredAgainst: 'held' as const };
        const finishedAt = session.startAt + endOffset;
        const record = computeAttendance(session, [{ kind: 'join', participantSid: 'PA_a', at: session.startAt + joinOffset }], held, { final: true, finishedAt });
        expect(record.percentage).toBe(100);
        expect(record.window.start).toBe(session.startAt);
        expect(record.window.end).toBeLessThanOrEqual(session.startAt + (session.durationMinutes + (session.extensionMinutes ?? 0)) * MINUTE);
        expect(record.window.end).toBe(Math.max(session.startAt, Math.min(finishedAt, record.window.end)));
      }),
      RUNS,
    );
  });

  it('a record measured against the planned span does not depend on when the meeting ended, except where open cycles close', () => {
    fc.assert(
      fc.property(scenarioArb, offset, ({ session, settings, events, options }, endOffset) => {
        const planned = { ...settings, measuredAgainst: 'planned' as const };
        const record = computeAttendance(session, events, planned, { ...options, finishedAt: session.startAt + endOffset });
        expect(record.window).toEqual({ start: session.startAt, end: session.startAt + (session.durationMinutes + (session.extensionMinutes ?? 0)) * MINUTE });
      }),
      RUNS,
    );
  });

  it('an estimated leave never changes a connection that has a reported leave', () => {
    fc.assert(
      fc.property(scenarioArb, offset, ({ session, settings, events, options }, estimateOffset) => {
        const reported = events.filter((e) => e.kind === 'leave' && !e.estimated);
        const estimates: ParticipantEvent[] = reported.map((e) => ({ kind: 'leave', participantSid: e.participantSid, at: session.startAt + estimateOffset, estimated: true }));
        expect(computeAttendance(session, [...estimates, ...events], settings, options)).toEqual(computeAttendance(session, events, settings, options));
      }),
      RUNS,
    );
  });
});

describe('attendanceStatus properties', () => {
  const firstJoinArb = fc.option(offset, { nil: null });

  it('is monotone in the percentage for a fixed first join', () => {
    fc.assert(
      fc.property(sessionArb, thresholdsArb, firstJoinArb, percent, percent, (session, thresholds, firstJoin, a, b) => {
        const firstJoinAt = firstJoin === null ? null : session.startAt + firstJoin;
        const low = attendanceStatus(Math.min(a, b), firstJoinAt, session, thresholds);
        const high = attendanceStatus(Math.max(a, b), firstJoinAt, session, thresholds);
        expect(RANK[high]).toBeGreaterThanOrEqual(RANK[low]);
      }),
      RUNS,
    );
  });

  it('puts each percentage threshold exactly at its value: one ulp under is the lower status', () => {
    const arb = fc
      .tuple(fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }))
      .filter(([a, b]) => a < b)
      .map(([a, b]): AttendanceThresholds => ({ absentBelowPercent: a, partialBelowPercent: b, lateGraceMinutes: 15 }));
    fc.assert(
      fc.property(sessionArb, arb, (session, thresholds) => {
        const onTime = session.startAt;
        const status = (pct: number) => attendanceStatus(pct, onTime, session, thresholds);
        expect(status(justBelow(thresholds.absentBelowPercent))).toBe('absent');
        expect(status(thresholds.absentBelowPercent)).toBe('partial');
        expect(status(justBelow(thresholds.partialBelowPercent))).toBe('partial');
        expect(status(thresholds.partialBelowPercent)).toBe('present');
      }),
      RUNS,
    );
  });

  it('is late exactly from one ms after start + grace, and never late without a grace', () => {
    fc.assert(
      fc.property(sessionArb, thresholdsArb, graceMinutes, (session, base, grace) => {
        const thresholds = { ...base, lateGraceMinutes: grace };
        const deadline = session.startAt + grace * MINUTE;
        const full = base.partialBelowPercent;
        expect(attendanceStatus(full, deadline, session, thresholds)).toBe('present');
        expect(attendanceStatus(full, deadline + 1, session, thresholds)).toBe('late');
        expect(attendanceStatus(full, deadline + 1, session, { ...base, lateGraceMinutes: null })).toBe('present');
      }),
      RUNS,
    );
  });

  it('is absent without a join whatever the percentage', () => {
    fc.assert(
      fc.property(sessionArb, thresholdsArb, percent, (session, thresholds, pct) => {
        expect(attendanceStatus(pct, null, session, thresholds)).toBe('absent');
      }),
      RUNS,
    );
  });
});
