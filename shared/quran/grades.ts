/**
 * An academy's recitation grade scale (docs/rules.md#recitation-log): words on a
 * five-level scale, or a number out of 10 or 100. Grades are stored as text
 * and checked against the academy's scale when written. Pure.
 */
export const GRADE_SCALES = ['five_level', 'out_of_10', 'percent'] as const;
export type GradeScale = (typeof GRADE_SCALES)[number];

export const FIVE_LEVELS = ['excellent', 'very_good', 'good', 'acceptable', 'weak'] as const;

const MAX: Record<Exclude<GradeScale, 'five_level'>, number> = { out_of_10: 10, percent: 100 };

export function isGradeScale(value: unknown): value is GradeScale {
  return typeof value === 'string' && (GRADE_SCALES as readonly string[]).includes(value);
}

/** The grades a scale allows, best first. */
export function gradesOf(scale: GradeScale): string[] {
  if (scale === 'five_level') return [...FIVE_LEVELS];
  return Array.from({ length: MAX[scale] + 1 }, (_, i) => String(MAX[scale] - i));
}

export function isGradeOn(scale: GradeScale, grade: string): boolean {
  if (scale === 'five_level') return (FIVE_LEVELS as readonly string[]).includes(grade);
  if (!/^(0|[1-9]\d{0,2})$/.test(grade)) return false;
  return Number(grade) <= MAX[scale];
}

/** 0 … 1, so grades of different scales can be compared and averaged (1 = best). */
export function gradeScore(scale: GradeScale, grade: string): number | null {
  if (!isGradeOn(scale, grade)) return null;
  if (scale === 'five_level') return (FIVE_LEVELS.length - 1 - FIVE_LEVELS.indexOf(grade as (typeof FIVE_LEVELS)[number])) / (FIVE_LEVELS.length - 1);
  return Number(grade) / MAX[scale];
}
