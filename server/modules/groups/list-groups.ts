/** An academy's circles, courses and lessons with their teacher and number of students, for the admin's list. */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import type { GroupKind } from '@/shared/groups';
import type { ListGroupsInput } from './schemas';

export interface GroupListItem {
  kind: GroupKind;
  id: number;
  name: string;
  teacherId: number | null;
  teacherName: string | null;
  /** Members of a circle, enrolments of a course, 1 for a lesson. */
  studentCount: number;
  /** A lesson's student. */
  studentName: string | null;
  archived: boolean;
}

interface Row extends Record<string, unknown> {
  kind: GroupKind;
  id: number;
  name: string;
  teacher_id: number | null;
  teacher_name: string | null;
  student_count: number;
  student_name: string | null;
  archived: boolean;
}

/** At most this many rows; an academy with more needs search (not yet built). */
export const MAX_GROUPS_LISTED = 1000;

export async function listGroups(deps: Pick<Deps, 'db'>, academy: Academy, input: ListGroupsInput): Promise<GroupListItem[]> {
  const kind = input?.kind ?? null;
  const archived = input?.archived ?? false;
  const rows = await deps.db.execute<Row>(sql`
    SELECT * FROM (
      SELECT 'circle' AS kind, c.id, c.name, c.teacher_id, t.name AS teacher_name,
        (SELECT count(*) FROM circle_members m WHERE m.circle_id = c.id)::int AS student_count, NULL AS student_name,
        c.archived_at IS NOT NULL AS archived
      FROM circles c LEFT JOIN users t ON t.id = c.teacher_id WHERE c.academy_id = ${academy.id}
      UNION ALL
      SELECT 'course', c.id, c.title, c.teacher_id, t.name,
        (SELECT count(*) FROM course_enrollments e WHERE e.course_id = c.id)::int, NULL,
        c.archived_at IS NOT NULL
      FROM courses c LEFT JOIN users t ON t.id = c.teacher_id WHERE c.academy_id = ${academy.id}
      UNION ALL
      SELECT 'lesson', l.id, l.title, l.teacher_id, t.name, 1, s.name, l.archived_at IS NOT NULL
      FROM lessons l JOIN users t ON t.id = l.teacher_id JOIN users s ON s.id = l.student_id WHERE l.academy_id = ${academy.id}
    ) g
    WHERE (${kind}::text IS NULL OR g.kind = ${kind}) AND g.archived = ${archived}
    ORDER BY g.kind, g.name, g.id
    LIMIT ${MAX_GROUPS_LISTED}`);
  return rows.map((r) => ({
    kind: r.kind,
    id: r.id,
    name: r.name,
    teacherId: r.teacher_id,
    teacherName: r.teacher_name,
    studentCount: r.student_count,
    studentName: r.student_name,
    archived: r.archived,
  }));
}
