import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';

/** The students a session expects: its individual student, its circle's members or its course's enrollees. */
export async function expectedStudentIds(db: DbExecutor, sessionId: number): Promise<number[]> {
  const rows = await db.execute<{ id: number }>(sql`
    SELECT student_id AS id FROM sessions WHERE id = ${sessionId} AND student_id IS NOT NULL
    UNION SELECT cm.student_id FROM circle_members cm JOIN sessions s ON s.circle_id = cm.circle_id WHERE s.id = ${sessionId}
    UNION SELECT ce.student_id FROM course_enrollments ce JOIN sessions s ON s.course_id = ce.course_id WHERE s.id = ${sessionId}`);
  return rows.map((r) => r.id);
}
