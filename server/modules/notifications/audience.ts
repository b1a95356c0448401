/**
 * The people of many sessions at once, with what notices need about each
 * (address, language, time zone, preferences): the teacher, the students
 * (the one student, the circle's members or the course's enrolments) and the
 * parents of those students. One query for any number of sessions.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import type { UserRole } from '@/server/db/schema/enums';
import type { Locale } from '@/shared/locale';
import type { Preferences } from './preferences';
import type { Member } from './recipients';

export interface Contact {
  userId: number;
  name: string;
  email: string;
  locale: Locale;
  timeZone: string;
}

export type AudienceMember = Member & Contact;

interface Row extends Record<string, unknown> {
  session_id: number;
  user_id: number;
  as: 'teacher' | 'student' | 'parent';
  child_id: number | null;
  role: UserRole;
  active: boolean;
  name: string;
  email: string;
  locale: Locale | null;
  timezone: string | null;
  academy_locale: Locale;
  academy_timezone: string;
  reminder_minutes: number | null;
  choices: Record<string, boolean> | null;
}

const toMember = (r: Row): AudienceMember => ({
  userId: r.user_id,
  as: r.as,
  ...(r.child_id === null ? {} : { childId: r.child_id }),
  role: r.role,
  active: r.active,
  prefs: r.choices === null && r.reminder_minutes === null ? null : ({ reminderMinutes: r.reminder_minutes, choices: r.choices ?? {} } satisfies Preferences),
  name: r.name,
  email: r.email,
  locale: r.locale ?? r.academy_locale,
  timeZone: r.timezone ?? r.academy_timezone,
});

export async function loadAudiences(db: DbExecutor, sessionIds: number[]): Promise<Map<number, AudienceMember[]>> {
  const out = new Map<number, AudienceMember[]>(sessionIds.map((id) => [id, []]));
  if (sessionIds.length === 0) return out;
  const rows = await db.execute<Row>(sql`
    WITH s AS (
      SELECT id, academy_id, teacher_id, student_id, circle_id, course_id FROM sessions WHERE id = ANY(${`{${sessionIds.join(',')}}`}::int[])
    ), students AS (
      SELECT s.id AS session_id, s.student_id AS user_id FROM s WHERE s.student_id IS NOT NULL
      UNION SELECT s.id, cm.student_id FROM s JOIN circle_members cm ON cm.circle_id = s.circle_id
      UNION SELECT s.id, ce.student_id FROM s JOIN course_enrollments ce ON ce.course_id = s.course_id
    ), people AS (
      SELECT s.id AS session_id, s.teacher_id AS user_id, 'teacher' AS "as", NULL::int AS child_id FROM s
      UNION ALL SELECT session_id, user_id, 'student', NULL FROM students
      UNION ALL SELECT st.session_id, pc.parent_id, 'parent', st.user_id FROM students st JOIN parent_children pc ON pc.child_id = st.user_id
    )
    SELECT p.session_id, p.user_id, p."as", p.child_id, u.role, u.active, u.name, u.email, u.locale, u.timezone,
           a.default_locale AS academy_locale, a.timezone AS academy_timezone, np.reminder_minutes, np.choices
    FROM people p
    JOIN users u ON u.id = p.user_id
    JOIN academies a ON a.id = u.academy_id
    LEFT JOIN notification_preferences np ON np.user_id = p.user_id`);
  for (const row of rows) out.get(row.session_id)?.push(toMember(row));
  return out;
}

/** An academy's active admins, as recipients (the teacher-absence notice, the digest). */
export async function loadAdmins(db: DbExecutor, academyIds: number[]): Promise<Map<number, (AudienceMember & { academyId: number })[]>> {
  const out = new Map<number, (AudienceMember & { academyId: number })[]>(academyIds.map((id) => [id, []]));
  if (academyIds.length === 0) return out;
  const rows = await db.execute<Row & { academy_id: number }>(sql`
    SELECT u.academy_id, 0 AS session_id, u.id AS user_id, 'teacher' AS "as", NULL::int AS child_id, u.role, u.active, u.name, u.email, u.locale, u.timezone,
           a.default_locale AS academy_locale, a.timezone AS academy_timezone, np.reminder_minutes, np.choices
    FROM users u JOIN academies a ON a.id = u.academy_id LEFT JOIN notification_preferences np ON np.user_id = u.id
    WHERE u.academy_id = ANY(${`{${academyIds.join(',')}}`}::int[]) AND u.role = 'academy_admin'`);
  for (const row of rows) out.get(row.academy_id)?.push({ ...toMember(row), academyId: row.academy_id });
  return out;
}
