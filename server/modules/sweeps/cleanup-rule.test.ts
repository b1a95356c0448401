import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanupDecision, cleanupScheduledBound, HARD_CLOSE_MINUTES, type CleanupCandidate, type CleanupDecision } from './cleanup-rule';

const MIN = 60_000;
const NOW = new Date('2025-01-15T12:00:00Z');
const ago = (minutes: number) => new Date(NOW.getTime() - minutes * MIN);

interface Case {
  name: string;
  startedMinutesAgo: number;
  durationMinutes?: number;
  status?: string;
  autoEnd?: boolean;
  endBufferMinutes?: number;
  meeting?: 'live' | 'ended' | 'none';
  persistUntilMinutesAgo?: number;
  extendedMinutes?: number;
  teacherPresent?: boolean;
  expected: CleanupDecision;
}

function candidate(c: Case): CleanupCandidate {
  const meeting = c.meeting ?? 'live';
  return {
    now: NOW,
    settings: { autoEnd: c.autoEnd ?? true, endBufferMinutes: c.endBufferMinutes ?? 15 },
    session: { scheduledAt: ago(c.startedMinutesAgo), durationMinutes: c.durationMinutes ?? 60, extendedMinutes: c.extendedMinutes ?? 0, status: c.status ?? 'ongoing' },
    meeting:
      meeting === 'none'
        ? null
        : { endedAt: meeting === 'ended' ? ago(1) : null, persistUntil: c.persistUntilMinutesAgo === undefined ? null : ago(c.persistUntilMinutesAgo), teacherPresent: c.teacherPresent ?? false },
  };
}

const cases: Case[] = [
  // 60-minute session; end + 15 min buffer.
  { name: 'still running', startedMinutesAgo: 30, expected: { wait: 'not_over' } },
  { name: 'ended, inside the buffer', startedMinutesAgo: 74, expected: { wait: 'not_over' } },
  { name: 'exactly end + buffer', startedMinutesAgo: 75, expected: { action: 'end_meeting' } },
  { name: 'past end + buffer', startedMinutesAgo: 100, expected: { action: 'end_meeting' } },
  { name: 'buffer 0 ends at the end', startedMinutesAgo: 60, endBufferMinutes: 0, expected: { action: 'end_meeting' } },
  { name: 'a ready room nobody joined ends too', startedMinutesAgo: 100, status: 'ready', expected: { action: 'end_meeting' } },
  { name: 'persistence grace not over', startedMinutesAgo: 80, persistUntilMinutesAgo: -10, expected: { wait: 'persisting' } },
  { name: 'persistence grace just over', startedMinutesAgo: 80, persistUntilMinutesAgo: 0, expected: { action: 'end_meeting' } },
  { name: 'auto-end off waits', startedMinutesAgo: 100, autoEnd: false, expected: { wait: 'auto_end_off' } },
  { name: 'auto-end off, exactly 2 h past the end still waits', startedMinutesAgo: 60 + HARD_CLOSE_MINUTES, autoEnd: false, expected: { wait: 'auto_end_off' } },
  { name: 'auto-end off, more than 2 h past the end is closed', startedMinutesAgo: 61 + HARD_CLOSE_MINUTES, autoEnd: false, expected: { action: 'end_meeting' } },
  { name: 'grace ignored after 2 h', startedMinutesAgo: 61 + HARD_CLOSE_MINUTES, persistUntilMinutesAgo: -60, expected: { action: 'end_meeting' } },
  { name: 'scheduled without a room waits for the 2 h mark', startedMinutesAgo: 100, status: 'scheduled', meeting: 'none', expected: { wait: 'no_meeting' } },
  { name: 'scheduled without a room, 2 h past the end, is closed', startedMinutesAgo: 61 + HARD_CLOSE_MINUTES, status: 'scheduled', meeting: 'none', expected: { action: 'close_session' } },
  { name: 'closed even with auto-end off', startedMinutesAgo: 61 + HARD_CLOSE_MINUTES, status: 'scheduled', meeting: 'none', autoEnd: false, expected: { action: 'close_session' } },
  { name: 'meeting ended but session open is finalised', startedMinutesAgo: 100, meeting: 'ended', expected: { action: 'close_session' } },
  // Running over (docs/rules.md#running-over-and-ending): the maximum is the scheduled end + 60 minutes.
  { name: 'extended: the planned end moves the buffer', startedMinutesAgo: 80, extendedMinutes: 15, expected: { wait: 'not_over' } },
  { name: 'extended: past the planned end + buffer', startedMinutesAgo: 91, extendedMinutes: 15, expected: { action: 'end_meeting' } },
  { name: 'teacher present after the end is left alone', startedMinutesAgo: 100, teacherPresent: true, expected: { wait: 'teacher_present' } },
  { name: 'teacher present, extended, just before the maximum', startedMinutesAgo: 119, extendedMinutes: 60, teacherPresent: true, expected: { wait: 'not_over' } },
  { name: 'teacher present at the maximum: ended with a notice', startedMinutesAgo: 120, extendedMinutes: 60, teacherPresent: true, expected: { action: 'end_meeting', atMaximum: true } },
  { name: 'the maximum beats a long grace', startedMinutesAgo: 125, persistUntilMinutesAgo: -30, expected: { action: 'end_meeting', atMaximum: true } },
  { name: 'auto-end off: no maximum either, until the 2 h close', startedMinutesAgo: 125, autoEnd: false, teacherPresent: true, expected: { wait: 'auto_end_off' } },
  { name: 'completed is left alone', startedMinutesAgo: 500, status: 'completed', expected: { wait: 'status' } },
  { name: 'cancelled is left alone', startedMinutesAgo: 500, status: 'cancelled', meeting: 'none', expected: { wait: 'status' } },
  { name: 'absent is left alone', startedMinutesAgo: 500, status: 'absent', expected: { wait: 'status' } },
];

describe('cleanupDecision', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(cleanupDecision(candidate(c))).toEqual(c.expected);
  });
});

describe('a present teacher', () => {
  it('keeps a live room open until the maximum, never past it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 200 }), (startedMinutesAgo, durationMinutes, extendedMinutes, endBufferMinutes) => {
        const decision = cleanupDecision(candidate({ name: '', startedMinutesAgo, durationMinutes, extendedMinutes, endBufferMinutes, teacherPresent: true, expected: { wait: 'status' } }));
        const minutesPastEnd = startedMinutesAgo - durationMinutes;
        if (minutesPastEnd < 60) expect(decision).toHaveProperty('wait');
        else expect(decision).toHaveProperty('action', 'end_meeting');
      }),
    );
  });
});

describe('cleanupScheduledBound', () => {
  it('contains every session the rule acts on', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -300, max: 3000 }),
        fc.integer({ min: 1, max: 1440 }),
        fc.integer({ min: 0, max: 1440 }),
        fc.boolean(),
        fc.constantFrom<'live' | 'ended' | 'none'>('live', 'ended', 'none'),
        fc.integer({ min: 0, max: 60 }),
        fc.boolean(),
        (startedMinutesAgo, durationMinutes, endBufferMinutes, autoEnd, meeting, extendedMinutes, teacherPresent) => {
          const decision = cleanupDecision(
            candidate({ name: '', startedMinutesAgo, durationMinutes, endBufferMinutes, autoEnd, meeting, extendedMinutes, teacherPresent, expected: { wait: 'status' } }),
          );
          if ('action' in decision) {
            const bound = cleanupScheduledBound(NOW, autoEnd ? endBufferMinutes : null);
            expect(ago(startedMinutesAgo).getTime()).toBeLessThanOrEqual(bound.getTime());
          }
        },
      ),
    );
  });
});
