import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkDateRange, daysInRange, isCalendarDate, localDate, MAX_RANGE_DAYS } from './date-range';

const range = z.object({ from: localDate, to: localDate }).strict().superRefine(checkDateRange);

describe('isCalendarDate', () => {
  it.each(['2025-01-01', '2024-02-29', '2000-01-01', '2100-12-31'])('accepts %s', (text) => {
    expect(isCalendarDate(text)).toBe(true);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '2025-1-1', '25-01-01', '2025-01-01T00:00', ' 2025-01-01', '1999-12-31', '2101-01-01', ''])(
    'refuses %j',
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
    },
  );
});

describe('daysInRange', () => {
  it('counts both ends, across a leap day and DST changes (dates, not instants)', () => {
    expect(daysInRange('2025-01-01', '2025-01-01')).toBe(1);
    expect(daysInRange('2024-02-28', '2024-03-01')).toBe(3);
    expect(daysInRange('2025-03-01', '2025-03-31')).toBe(31);
    expect(daysInRange('2025-01-02', '2025-01-01')).toBe(0);
  });
});

describe('a report range', () => {
  it('accepts a single day and a full leap year', () => {
    expect(range.safeParse({ from: '2025-03-10', to: '2025-03-10' }).success).toBe(true);
    expect(range.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
  });

  it('refuses to before from and spans past the maximum', () => {
    expect(range.safeParse({ from: '2025-03-10', to: '2025-03-09' }).success).toBe(false);
    const tooLong = daysInRange('2024-01-01', '2025-01-01');
    expect(tooLong).toBe(MAX_RANGE_DAYS + 1);
    expect(range.safeParse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(false);
  });
});
