/**
 * The academy's recitation overview for managers (docs/rules.md#recitation-log): per
 * teacher and per circle over a range of the academy's local dates, how
 * many recitations, ayahs, mistakes, and the average grade (0–100 % of the
 * scale, so scales compare); and the CSV export's rows.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { circles, recitations, sessions, users } from '@/server/db/schema';
import type { Academy } from '@/server/modules/academies';
import { withinLocalDates } from '@/server/modules/academies';
import { gradeScore, isGradeScale } from '@/shared/quran/grades';
import { countMistakes } from '@/shared/quran/mistakes';
import { ayahsIn } from '@/shared/quran/range';
import type { AcademyRecitationsInput } from './schemas';

/** A report spans at most a year; a busy academy records far fewer rows than this in one. */
const MAX_ROWS = 50_000;

export async function academyRecitationRows(deps: Pick<Deps, 'db'>, academy: Academy, range: { from: string; to: string }) {
  const teacher = alias(users, 'teacher');
  return deps.db
    .select({
      id: recitations.id,
      sessionId: recitations.sessionId,
      sessionTitle: sessions.title,
      scheduledAt: sessions.scheduledAt,
      teacherId: sessions.teacherId,
      teacherName: teacher.name,
      circleId: sessions.circleId,
      circleName: circles.name,
      studentName: users.name,
      kind: recitations.kind,
      fromSurah: recitations.fromSurah,
      fromAyah: recitations.fromAyah,
      toSurah: recitations.toSurah,
      toAyah: recitations.toAyah,
      mistakes: recitations.mistakes,
      grade: recitations.grade,
      note: recitations.note,
      createdAt: recitations.createdAt,
      updatedAt: recitations.updatedAt,
    })
    .from(recitations)
    .innerJoin(sessions, and(eq(sessions.id, recitations.sessionId), eq(sessions.academyId, recitations.academyId)))
    .innerJoin(users, eq(users.id, recitations.studentId))
    .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
    .leftJoin(circles, eq(circles.id, sessions.circleId))
    .where(and(eq(recitations.academyId, academy.id), withinLocalDates(sessions.scheduledAt, academy.timezone, range.from, range.to)))
    .orderBy(sessions.scheduledAt, recitations.id)
    .limit(MAX_ROWS);
}

interface Group {
  id: number;
  name: string;
  recitations: number;
  ayahs: number;
  mistakes: number;
  /** Average grade as a percentage of the scale; null when nothing was graded. */
  averageGrade: number | null;
}

function summarise(rows: Awaited<ReturnType<typeof academyRecitationRows>>, key: (r: (typeof rows)[number]) => { id: number; name: string } | null, scale: string): Group[] {
  const groups = new Map<number, Group & { graded: number; scoreSum: number }>();
  for (const r of rows) {
    const k = key(r);
    if (!k) continue;
    const g = groups.get(k.id) ?? { ...k, recitations: 0, ayahs: 0, mistakes: 0, averageGrade: null, graded: 0, scoreSum: 0 };
    g.recitations += 1;
    g.ayahs += ayahsIn(r);
    g.mistakes += r.mistakes.length;
    const score = r.grade !== null && isGradeScale(scale) ? gradeScore(scale, r.grade) : null;
    if (score !== null) {
      g.graded += 1;
      g.scoreSum += score;
    }
    groups.set(k.id, g);
  }
  return [...groups.values()]
    .map(({ graded, scoreSum, ...g }) => ({ ...g, averageGrade: graded ? Math.round((scoreSum / graded) * 100) : null }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function getAcademyRecitations(deps: Pick<Deps, 'db'>, academy: Academy, input: AcademyRecitationsInput) {
  const rows = await academyRecitationRows(deps, academy, input);
  const scale = academy.recitationGradeScale;
  return {
    academyId: academy.id,
    from: input.from,
    to: input.to,
    scale,
    total: rows.length,
    byTeacher: summarise(rows, (r) => ({ id: r.teacherId, name: r.teacherName }), scale),
    byCircle: summarise(rows, (r) => (r.circleId !== null ? { id: r.circleId, name: r.circleName ?? String(r.circleId) } : null), scale),
    mistakesByKind: countMistakes(rows.flatMap((r) => r.mistakes)),
  };
}
