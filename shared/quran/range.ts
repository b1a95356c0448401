/**
 * What a recitation covers: surah and ayah from–to, possibly across surahs
 * (docs/rules.md#recitation-log). Bounds come from the metadata; from must
 * not come after to. Pure.
 */
import { ayahIndex, isAyahOf, isSurah, JUZ_COUNT, juzBounds, SURAH_COUNT, surahBounds } from './surahs';

export interface AyahRange {
  fromSurah: number;
  fromAyah: number;
  toSurah: number;
  toAyah: number;
}

export type RangeProblem = 'no_such_surah' | 'no_such_ayah' | 'from_after_to';

export function rangeProblem(r: AyahRange): RangeProblem | null {
  if (!isSurah(r.fromSurah) || !isSurah(r.toSurah)) return 'no_such_surah';
  if (!isAyahOf(r.fromSurah, r.fromAyah) || !isAyahOf(r.toSurah, r.toAyah)) return 'no_such_ayah';
  if (ayahIndex(r.fromSurah, r.fromAyah) > ayahIndex(r.toSurah, r.toAyah)) return 'from_after_to';
  return null;
}

/** Global indexes [first, last] of a valid range. */
export function rangeIndexes(r: AyahRange): [number, number] {
  return [ayahIndex(r.fromSurah, r.fromAyah), ayahIndex(r.toSurah, r.toAyah)];
}

export function ayahsIn(r: AyahRange): number {
  const [a, b] = rangeIndexes(r);
  return b - a + 1;
}

/** Merges overlapping and touching [first, last] intervals. */
export function mergeIntervals(intervals: readonly [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

function covered(merged: readonly [number, number][], first: number, last: number): number {
  let n = 0;
  for (const [a, b] of merged) n += Math.max(0, Math.min(b, last) - Math.max(a, first) + 1);
  return n;
}

export interface Coverage {
  /** Distinct ayahs covered, each counted once however often recited. */
  ayahs: number;
  surahs: { surah: number; covered: number; total: number }[];
  juz: { juz: number; covered: number; total: number }[];
}

/** What a set of (memorisation) ranges covers, by surah and by juz; only surahs/juz with something covered are listed. */
export function coverageOf(ranges: readonly AyahRange[]): Coverage {
  const merged = mergeIntervals(ranges.map(rangeIndexes));
  const surahs = [];
  for (let s = 1; s <= SURAH_COUNT; s++) {
    const { first, last } = surahBounds(s);
    const c = covered(merged, first, last);
    if (c > 0) surahs.push({ surah: s, covered: c, total: last - first + 1 });
  }
  const juz = [];
  for (let j = 1; j <= JUZ_COUNT; j++) {
    const { first, last } = juzBounds(j);
    const c = covered(merged, first, last);
    if (c > 0) juz.push({ juz: j, covered: c, total: last - first + 1 });
  }
  return { ayahs: merged.reduce((n, [a, b]) => n + b - a + 1, 0), surahs, juz };
}
