import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ayahsIn, coverageOf, mergeIntervals, rangeProblem } from './range';
import { ayahCount, ayahIndex, juzOf, surahName } from './surahs';

describe('surah metadata', () => {
  it('knows the ayah counts of the Hafs numbering', () => {
    expect(ayahCount(1)).toBe(7);
    expect(ayahCount(2)).toBe(286);
    expect(ayahCount(67)).toBe(30);
    expect(ayahCount(114)).toBe(6);
    expect(() => ayahCount(115)).toThrow(RangeError);
  });
  it('names surahs in Arabic and English, and places them in their juz', () => {
    expect(surahName(67, 'en')).toBe('Al-Mulk');
    expect(surahName(67, 'ar')).toContain('لك');
    expect(juzOf(67, 1)).toBe(29);
    expect(juzOf(2, 142)).toBe(2);
    expect(ayahIndex(114, 6)).toBe(6236);
  });
});

describe('recitation ranges', () => {
  it('accepts a range within a surah and across surahs', () => {
    expect(rangeProblem({ fromSurah: 67, fromAyah: 1, toSurah: 67, toAyah: 5 })).toBeNull();
    expect(rangeProblem({ fromSurah: 67, fromAyah: 28, toSurah: 68, toAyah: 3 })).toBeNull();
    expect(ayahsIn({ fromSurah: 67, fromAyah: 28, toSurah: 68, toAyah: 3 })).toBe(6);
  });
  it('refuses ayahs past the surah, surahs past 114, and from after to', () => {
    expect(rangeProblem({ fromSurah: 67, fromAyah: 1, toSurah: 67, toAyah: 31 })).toBe('no_such_ayah');
    expect(rangeProblem({ fromSurah: 1, fromAyah: 0, toSurah: 1, toAyah: 7 })).toBe('no_such_ayah');
    expect(rangeProblem({ fromSurah: 0, fromAyah: 1, toSurah: 1, toAyah: 1 })).toBe('no_such_surah');
    expect(rangeProblem({ fromSurah: 1, fromAyah: 1, toSurah: 115, toAyah: 1 })).toBe('no_such_surah');
    expect(rangeProblem({ fromSurah: 67, fromAyah: 5, toSurah: 67, toAyah: 4 })).toBe('from_after_to');
    expect(rangeProblem({ fromSurah: 68, fromAyah: 1, toSurah: 67, toAyah: 30 })).toBe('from_after_to');
  });
  it('every surah/ayah pair within bounds is valid; from ≤ to exactly when the global order says so', () => {
    const position = fc.integer({ min: 1, max: 114 }).chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: 1, max: ayahCount(s) })));
    fc.assert(
      fc.property(position, position, ([fs, fa], [ts, ta]) => {
        const problem = rangeProblem({ fromSurah: fs, fromAyah: fa, toSurah: ts, toAyah: ta });
        const ordered = fs < ts || (fs === ts && fa <= ta);
        expect(problem).toBe(ordered ? null : 'from_after_to');
      }),
    );
  });
  it('an ayah past its surah is always refused', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 114 }), fc.integer({ min: 1, max: 300 }), (s, extra) => {
        expect(rangeProblem({ fromSurah: s, fromAyah: 1, toSurah: s, toAyah: ayahCount(s) + extra })).toBe('no_such_ayah');
      }),
    );
  });
});

describe('coverage', () => {
  it('counts each ayah once however often it was recited, by surah and juz', () => {
    const c = coverageOf([
      { fromSurah: 67, fromAyah: 1, toSurah: 67, toAyah: 10 },
      { fromSurah: 67, fromAyah: 5, toSurah: 67, toAyah: 15 },
      { fromSurah: 67, fromAyah: 30, toSurah: 68, toAyah: 2 },
    ]);
    expect(c.ayahs).toBe(18);
    expect(c.surahs).toEqual([
      { surah: 67, covered: 16, total: 30 },
      { surah: 68, covered: 2, total: 52 },
    ]);
    expect(c.juz).toEqual([{ juz: 29, covered: 18, total: expect.any(Number) }]);
  });
  it('merged intervals never overlap and cover the same ayahs', () => {
    const interval = fc.tuple(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 50 })).map(([a, n]) => [a, a + n] as [number, number]);
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 20 }), (xs) => {
        const merged = mergeIntervals(xs);
        for (let i = 1; i < merged.length; i++) expect(merged[i]![0]).toBeGreaterThan(merged[i - 1]![1] + 1);
        const set = new Set(xs.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)));
        expect(merged.reduce((n, [a, b]) => n + b - a + 1, 0)).toBe(set.size);
      }),
    );
  });
});
