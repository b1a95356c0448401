import { describe, expect, it } from 'vitest';
import { attendanceExportHref, hoursAndMinutes, localDateIn, rangeAround, shiftLocalDate } from './dates';

describe('dashboard dates', () => {
  it("takes the calendar date in the viewer's timezone, not UTC's", () => {
    const lateUtc = new Date('2025-03-10T22:30:00Z');
    expect(localDateIn(lateUtc, 'UTC')).toBe('2025-03-10');
    expect(localDateIn(lateUtc, 'Asia/Riyadh')).toBe('2025-03-11');
    expect(localDateIn(lateUtc, 'America/New_York')).toBe('2025-03-10');
  });

  it('shifts across month, year and leap days', () => {
    expect(shiftLocalDate('2024-02-28', 1)).toBe('2024-02-29');
    expect(shiftLocalDate('2025-01-01', -1)).toBe('2024-12-31');
    expect(shiftLocalDate('2025-03-30', 2)).toBe('2025-04-01');
  });

  it('builds a range around today in the timezone', () => {
    expect(rangeAround(new Date('2025-03-10T22:30:00Z'), 'Asia/Riyadh', 29)).toEqual({ from: '2025-02-10', to: '2025-03-11' });
    expect(rangeAround(new Date('2025-03-10T12:00:00Z'), 'UTC', 7, 30)).toEqual({ from: '2025-03-03', to: '2025-04-09' });
  });

  it('builds the export link with only the parameters the export accepts', () => {
    expect(attendanceExportHref({ from: '2025-03-01', to: '2025-03-31' })).toBe('/api/attendance/export?from=2025-03-01&to=2025-03-31');
    const href = attendanceExportHref({ from: '2025-03-01', to: '2025-03-31', teacherId: 7, kind: 'quran', academyId: 3 });
    expect(Object.fromEntries(new URL(href, 'http://x').searchParams)).toEqual({ from: '2025-03-01', to: '2025-03-31', teacherId: '7', kind: 'quran', academyId: '3' });
  });

  it('prints attended time as hours and minutes', () => {
    expect(hoursAndMinutes(0)).toBe('0:00');
    expect(hoursAndMinutes(59)).toBe('0:00');
    expect(hoursAndMinutes(3599)).toBe('0:59');
    expect(hoursAndMinutes(3900)).toBe('1:05');
  });
});
