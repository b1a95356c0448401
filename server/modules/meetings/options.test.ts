import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultMeetingOptions, emptyTimeoutSeconds, persistUntil, resolveMeetingOptions, roomMetadata } from './options';

describe('meeting option resolution', () => {
  it('uses the spec defaults', () => {
    expect(resolveMeetingOptions(45)).toMatchObject({ maxParticipants: 50, recordingEnabled: false, maxDurationMinutes: 105 });
  });

  it('applies academy, then teacher, then request; silence never overrides', () => {
    const academy = { maxParticipants: 30, recordingEnabled: true };
    const teacher = { maxParticipants: 12, recordingEnabled: null, chat: false };
    const request = { maxParticipants: 8, chat: undefined };
    expect(resolveMeetingOptions(60, academy, teacher, request)).toMatchObject({
      maxParticipants: 8,
      recordingEnabled: true,
      chat: false,
    });
    expect(resolveMeetingOptions(60, academy, teacher)).toMatchObject({ maxParticipants: 12 });
  });

  it('the last layer that speaks wins, for any layers', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 500 }), { nil: null }), { maxLength: 4 }), (values) => {
        const layers = values.map((maxParticipants) => ({ maxParticipants }));
        const spoken = values.filter((v): v is number => v !== null);
        expect(resolveMeetingOptions(60, ...layers).maxParticipants).toBe(spoken.at(-1) ?? defaultMeetingOptions(60).maxParticipants);
      }),
    );
  });
});

describe('room timeouts', () => {
  const start = new Date('2026-03-01T10:00:00Z');

  it('keeps an empty room until the scheduled end + 30 minutes', () => {
    expect(emptyTimeoutSeconds(start, 60, new Date('2026-03-01T09:30:00Z'))).toBe((90 + 30) * 60);
    expect(emptyTimeoutSeconds(start, 60, new Date('2026-03-01T10:59:00Z'))).toBe((1 + 30) * 60);
  });

  it('falls back to 30 minutes once the end has passed', () => {
    expect(emptyTimeoutSeconds(start, 60, new Date('2026-03-01T11:00:00Z'))).toBe(1800);
    expect(emptyTimeoutSeconds(start, 60, new Date('2026-03-01T15:00:00Z'))).toBe(1800);
  });

  it('counts a partial minute as not yet a minute', () => {
    expect(emptyTimeoutSeconds(start, 60, new Date('2026-03-01T10:59:30Z'))).toBe(1800);
  });

  it('persists meetings until duration + 30 minutes from the start', () => {
    expect(persistUntil(start, 45).toISOString()).toBe('2026-03-01T11:15:00.000Z');
  });

  it('builds the room metadata of the spec', () => {
    const now = new Date('2026-03-01T09:40:00Z');
    expect(roomMetadata({ createdBy: 5, sessionId: 42, kind: 'quran', recordingEnabled: false, now })).toEqual({
      created_by: '5',
      session_id: 42,
      session_type: 'quran',
      recording_enabled: false,
      created_at: '2026-03-01T09:40:00.000Z',
    });
  });
});
