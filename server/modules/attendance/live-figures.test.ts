import { describe, expect, it } from 'vitest';
import { withLiveFigures } from './live-figures';

const START = new Date(Date.UTC(2025, 0, 6, 16, 0, 0));
const SESSION = { scheduledAt: START, durationMinutes: 60, extendedMinutes: 0 };
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);
const iso = (minutes: number) => at(minutes).toISOString();

describe('withLiveFigures', () => {
  it('counts an open cycle up to now, as a percentage of the elapsed part of the window', () => {
    // Stored at the join (0 s); read 30 minutes later.
    const stored = { cycles: [{ joinedAt: iso(0), leftAt: null, seconds: 0 }], totalSeconds: 0, percentage: 0, inRoom: true, isFinal: false };
    expect(withLiveFigures(stored, SESSION, at(30))).toMatchObject({ totalSeconds: 1800, percentage: 100, liveState: 'in_class' });
  });

  it('a closed live record is "left", its minutes fixed and its share falling as the class goes on', () => {
    const stored = { cycles: [{ joinedAt: iso(-5), leftAt: iso(10), seconds: 600 }], totalSeconds: 600, percentage: 100, inRoom: false, isFinal: false };
    expect(withLiveFigures(stored, SESSION, at(20))).toMatchObject({ totalSeconds: 600, percentage: 50, liveState: 'left' });
    expect(withLiveFigures(stored, SESSION, at(90))).toMatchObject({ totalSeconds: 600, percentage: 16.67 });
  });

  it('returns a final record as stored', () => {
    const stored = { cycles: [{ joinedAt: iso(0), leftAt: iso(5), seconds: 300 }], totalSeconds: 300, percentage: 100, inRoom: false, isFinal: true };
    expect(withLiveFigures(stored, SESSION, at(30))).toEqual({ ...stored, liveState: null });
  });
});
