/**
 * Previewing a roster: parse, look up what the academy already has for the
 * emails and groups the file names (a handful of set-based queries,
 * whatever the file's size), plan every row, and store the rows to apply
 * (people_imports) so applying works from exactly what was shown.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circleMembers, circles, courseEnrollments, courses, parentChildren, peopleImports, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import type { Academy } from '@/server/modules/academies';
import type { ImportPreviewInput } from '../schemas';
import { applyOrder, groupKey, planImport, type ImportContext, type PlannedAction, type PlannedRow } from './plan-import';
import { parseRoster } from './roster-csv';

export interface ImportPreview {
  importId: string;
  rows: PlannedRow[];
  counts: Record<PlannedAction, number>;
}

export async function loadImportContext(db: Deps['db'], academyId: number, emails: string[]): Promise<ImportContext> {
  const known = emails.length
    ? await db
        .select({ id: users.id, email: users.email, academyId: users.academyId, role: users.role, name: users.name })
        .from(users)
        .where(sql`${users.email} = ANY(${sql.param(emails)}::text[])`)
    : [];
  const ours = known.filter((p) => p.academyId === academyId).map((p) => p.id);
  const [circleRows, courseRows, links, members, enrolments] = await Promise.all([
    db.select({ id: circles.id, name: circles.name }).from(circles).where(eq(circles.academyId, academyId)),
    db.select({ id: courses.id, title: courses.title }).from(courses).where(eq(courses.academyId, academyId)),
    ours.length ? db.select().from(parentChildren).where(and(eq(parentChildren.academyId, academyId), inArray(parentChildren.childId, ours))) : [],
    ours.length ? db.select().from(circleMembers).where(and(eq(circleMembers.academyId, academyId), inArray(circleMembers.studentId, ours))) : [],
    ours.length ? db.select().from(courseEnrollments).where(and(eq(courseEnrollments.academyId, academyId), inArray(courseEnrollments.studentId, ours))) : [],
  ]);
  return {
    academyId,
    people: new Map(known.map((p) => [p.email, p])),
    // Two groups of one name: the first by id wins, as the admin's lists show them.
    circles: new Map(circleRows.sort((a, b) => b.id - a.id).map((c) => [groupKey(c.name), c.id])),
    courses: new Map(courseRows.sort((a, b) => b.id - a.id).map((c) => [groupKey(c.title), c.id])),
    parentLinks: new Set(links.map((l) => `${l.parentId}:${l.childId}`)),
    circleMembers: new Set(members.map((m) => `${m.studentId}:${m.circleId}`)),
    courseEnrollments: new Set(enrolments.map((e) => `${e.studentId}:${e.courseId}`)),
  };
}

export async function previewImport(deps: Pick<Deps, 'db'>, actor: Actor, academy: Academy, input: ImportPreviewInput): Promise<ImportPreview> {
  const parsed = parseRoster(input.csv);
  const emails = [...new Set(parsed.flatMap((r) => [r.email, r.parentEmail]).map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const rows = planImport(parsed, await loadImportContext(deps.db, academy.id, emails));
  const toApply = applyOrder(rows);
  const counts: Record<PlannedAction, number> = { create: 0, update: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.action]++;
  const [stored] = await deps.db
    .insert(peopleImports)
    .values({ academyId: academy.id, createdBy: actor.id, rows: toApply, total: toApply.length, refused: counts.refused })
    .returning({ id: peopleImports.id });
  return { importId: stored!.id, rows, counts };
}
