import { describe, expect, it } from 'vitest';
import { byteSize, clockDuration, isUnfinishedRecording, isWebLocation } from './recording-format';

describe('recording formats', () => {
  it('shows a length as minutes and seconds, with hours only when there are some', () => {
    expect(clockDuration(0)).toBe('0:00');
    expect(clockDuration(999)).toBe('0:00');
    expect(clockDuration(245_000)).toBe('4:05');
    expect(clockDuration(3_599_999)).toBe('59:59');
    expect(clockDuration(3_723_000)).toBe('1:02:03');
    expect(clockDuration(-5)).toBe('0:00');
  });

  it('picks the largest decimal unit under 1000', () => {
    expect(byteSize(0)).toEqual({ value: 0, unit: 'byte' });
    expect(byteSize(999)).toEqual({ value: 999, unit: 'byte' });
    expect(byteSize(1500)).toEqual({ value: 1.5, unit: 'kilobyte' });
    expect(byteSize(12_300_000)).toEqual({ value: 12.3, unit: 'megabyte' });
    expect(byteSize(2_500_000_000)).toEqual({ value: 2.5, unit: 'gigabyte' });
    expect(byteSize(5e15).unit).toBe('terabyte');
  });

  it('polls only recordings egress may still change', () => {
    expect(['starting', 'active', 'ending'].every(isUnfinishedRecording)).toBe(true);
    expect(['complete', 'failed'].some(isUnfinishedRecording)).toBe(false);
  });

  it('links only web locations', () => {
    expect(isWebLocation('https://bucket.example/a.mp4')).toBe(true);
    expect(isWebLocation('HTTP://x')).toBe(true);
    expect(isWebLocation('s3://bucket/a.mp4')).toBe(false);
    expect(isWebLocation('javascript:alert(1)')).toBe(false);
  });
});
