/**
 * How the recordings' tables show a recording: which states are still
 * moving (the tables poll while one is), its length as a clock and its size
 * in the largest unit that keeps the number readable. Pure, so unit-tested.
 */

export const RECORDING_STATUSES = ['starting', 'active', 'ending', 'complete', 'failed'] as const;

const UNFINISHED = new Set(['starting', 'active', 'ending']);

/** Starting, active or ending: egress may still change it, so whoever shows it polls. */
export function isUnfinishedRecording(status: string): boolean {
  return UNFINISHED.has(status);
}

/** Milliseconds as a clock, rounded down to the second: "4:05", "1:02:03". */
export function clockDuration(ms: number): string {
  const seconds = Math.floor(Math.max(0, ms) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export type ByteUnit = 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte' | 'terabyte';
const UNITS: ByteUnit[] = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'];

/** A size in decimal units (1 MB = 1,000,000 bytes, as Intl's "megabyte" says): 12_345_678 → 12.345678 megabyte. */
export function byteSize(bytes: number): { value: number; unit: ByteUnit } {
  let value = Math.max(0, bytes);
  let index = 0;
  while (value >= 1000 && index < UNITS.length - 1) {
    value /= 1000;
    index += 1;
  }
  return { value, unit: UNITS[index]! };
}

/** Only http(s) locations become links; anything else (an s3:// key, a path) is shown as text. */
export function isWebLocation(location: string): boolean {
  return /^https?:\/\//i.test(location);
}
