import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkReportRange, isCalendarDate, reportDate, reportDays } from './report-range';

const range = z.object({ from: reportDate, to: reportDate }).strict().superRefine(checkReportRange);

describe('report ranges', () => {
  it('accepts real calendar dates only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
    expect(isCalendarDate('2025-1-01')).toBe(false);
    expect(isCalendarDate('1999-12-31')).toBe(false);
    expect(isCalendarDate('٢٠٢٥-٠١-٠١')).toBe(false);
  });

  it('counts both ends', () => {
    expect(reportDays('2025-03-01', '2025-03-01')).toBe(1);
    expect(reportDays('2025-03-01', '2025-03-31')).toBe(31);
    expect(reportDays('2024-01-01', '2024-12-31')).toBe(366);
  });

  it('refuses reversed and overlong ranges', () => {
    expect(range.safeParse({ from: '2025-03-02', to: '2025-03-01' }).success).toBe(false);
    expect(range.safeParse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(false);
    expect(range.safeParse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true);
  });
});
