/**
 * An academy's people and groups as its managers pick them in the dashboard's
 * filters and forms: teachers, students, and the circles and courses not
 * archived, by name.
 */
import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circles, courses, users } from '@/server/db/schema';
import type { Academy } from './resolve-academy';


/** Per list: a picker, not a people search; an academy past this needs search instead. */
export const MAX_DIRECTORY_ENTRIES = 1000;

export interface AcademyDirectory {
  academy: { id: number; slug: string; nameAr: string; nameEn: string; timezone: string; defaultLocale: 'ar' | 'en' };
  teachers: { id: number; name: string }[];
  students: { id: number; name: string }[];
  circles: { id: number; name: string; teacherId: number | null }[];
  courses: { id: number; title: string; teacherId: number | null }[];
}

/** `academy` is the one the caller may act on (resolveAcademy). */
export async function getAcademyDirectory(deps: Pick<Deps, 'db'>, academy: Academy): Promise<AcademyDirectory> {
  const people = (role: 'teacher' | 'student') =>
    deps.db
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(and(eq(users.academyId, academy.id), eq(users.role, role)))
      .orderBy(asc(users.name), asc(users.id))
      .limit(MAX_DIRECTORY_ENTRIES);
  const [teachers, students, circleRows, courseRows] = await Promise.all([
    people('teacher'),
    people('student'),
    deps.db
      .select({ id: circles.id, name: circles.name, teacherId: circles.teacherId })
      .from(circles)
      .where(and(eq(circles.academyId, academy.id), isNull(circles.archivedAt)))
      .orderBy(asc(circles.name), asc(circles.id))
      .limit(MAX_DIRECTORY_ENTRIES),
    deps.db
      .select({ id: courses.id, title: courses.title, teacherId: courses.teacherId })
      .from(courses)
      .where(and(eq(courses.academyId, academy.id), isNull(courses.archivedAt)))
      .orderBy(asc(courses.title), asc(courses.id))
      .limit(MAX_DIRECTORY_ENTRIES),
  ]);
  const { id, slug, nameAr, nameEn, timezone, defaultLocale } = academy;
  return { academy: { id, slug, nameAr, nameEn, timezone, defaultLocale }, teachers, students, circles: circleRows, courses: courseRows };
}
