import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A session (or a schedule of sessions) has exactly one audience — one
 * student, one circle or one course — and its kind decides which: an
 * interactive course meets a course, a Quran session a student or a circle
 * (scheduling/academy-scope.ts: assertParticipants says the same to callers).
 */
export function oneAudienceOfKind(t: { kind: AnyPgColumn; studentId: AnyPgColumn; circleId: AnyPgColumn; courseId: AnyPgColumn }): SQL {
  return sql`num_nonnulls(${t.studentId}, ${t.circleId}, ${t.courseId}) = 1
    AND (${t.kind} <> 'interactive_course' OR ${t.courseId} IS NOT NULL)
    AND (${t.kind} <> 'quran' OR ${t.courseId} IS NULL)`;
}
