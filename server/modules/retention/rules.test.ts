import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EVENT_RETENTION_DAYS, MIN_EVENT_RETENTION_DAYS, eventExpiresAt, pruneCutoffs } from './rules';

describe('retention rules', () => {
  it('an event expires after its academy setting, or the default when there is none', () => {
    const received = new Date('2026-01-01T00:00:00Z');
    expect(eventExpiresAt(received, 30).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(eventExpiresAt(received, null).getTime() - received.getTime()).toBe(DEFAULT_EVENT_RETENTION_DAYS * 86_400_000);
  });

  it('no allowed setting keeps an event beyond the index range the sweep scans (events older than the minimum)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true }), fc.integer({ min: MIN_EVENT_RETENTION_DAYS, max: 3650 }), (now, days) => {
        const { eventsAtMost } = pruneCutoffs(now);
        // An event that has expired under any allowed setting was received before the scanned bound.
        const receivedJustExpired = new Date(now.getTime() - days * 86_400_000 - 1);
        expect(eventExpiresAt(receivedJustExpired, days).getTime()).toBeLessThan(now.getTime());
        expect(receivedJustExpired.getTime()).toBeLessThan(eventsAtMost.getTime());
      }),
    );
  });

  it('short-lived rows outlive the longest rate-limit window and sign-in lock', () => {
    const now = new Date('2026-06-01T00:00:00Z');
    const c = pruneCutoffs(now);
    expect(now.getTime() - c.shortLivedBefore.getTime()).toBeGreaterThanOrEqual(3_600_000);
    expect(now.getTime() - c.meetingEndedBefore.getTime()).toBeGreaterThanOrEqual(3_600_000);
  });
});
