import { describe, expect, it } from 'vitest';
import { localWallTime } from './local-wall-time';

describe('localWallTime', () => {
  it('reads the wall clock of the zone, across midnight and DST', () => {
    expect(localWallTime(new Date('2026-03-01T21:30:00Z'), 'Asia/Riyadh')).toEqual({ date: '2026-03-02', time: '00:30' });
    expect(localWallTime(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toEqual({ date: '2026-03-08', time: '03:30' });
    expect(localWallTime(new Date('2026-03-08T06:30:00Z'), 'America/New_York')).toEqual({ date: '2026-03-08', time: '01:30' });
    expect(localWallTime(new Date('2026-01-01T00:00:00Z'), 'UTC')).toEqual({ date: '2026-01-01', time: '00:00' });
  });
});
