import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GRADE_SCALES, gradeScore, gradesOf, isGradeOn } from './grades';
import { countMistakes } from './mistakes';

describe('grade scales', () => {
  it('lists the grades of each scale, best first', () => {
    expect(gradesOf('five_level')).toEqual(['excellent', 'very_good', 'good', 'acceptable', 'weak']);
    expect(gradesOf('out_of_10')).toHaveLength(11);
    expect(gradesOf('percent')[0]).toBe('100');
  });
  it('accepts only the grades of the academy scale', () => {
    expect(isGradeOn('five_level', 'good')).toBe(true);
    expect(isGradeOn('five_level', '9')).toBe(false);
    expect(isGradeOn('out_of_10', '10')).toBe(true);
    expect(isGradeOn('out_of_10', '11')).toBe(false);
    expect(isGradeOn('percent', '100')).toBe(true);
    for (const bad of ['', '-1', '07', '1.5', '101', 'excellent', ' 5']) expect(isGradeOn('percent', bad)).toBe(false);
  });
  it('every listed grade is accepted and scores between 0 and 1, best = 1, monotone', () => {
    for (const scale of GRADE_SCALES) {
      const grades = gradesOf(scale);
      const scores = grades.map((g) => gradeScore(scale, g)!);
      expect(scores[0]).toBe(1);
      expect(scores.at(-1)).toBe(0);
      for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeLessThan(scores[i - 1]!);
    }
  });
  it('a string that is not on the scale has no score', () => {
    fc.assert(
      fc.property(fc.constantFrom(...GRADE_SCALES), fc.string(), (scale, s) => {
        expect(gradeScore(scale, s) === null).toBe(!gradesOf(scale).includes(s));
      }),
    );
  });
});

describe('mistake counts', () => {
  it('counts by kind', () => {
    expect(countMistakes([{ kind: 'tajweed' }, { kind: 'tajweed' }, { kind: 'memorisation' }])).toEqual({ memorisation: 1, tajweed: 2, pronunciation: 0 });
  });
});
