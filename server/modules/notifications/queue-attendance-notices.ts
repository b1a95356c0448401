/**
 * Absent or late, after finalisation (the notify sweep, every minute): for
 * sessions finalised in the last two days, each parent of a student whose
 * final status (an admin's override first) is absent or late is told once
 * per status; a teacher who never came is reported to the academy's admins.
 */
import 'server-only';
import { and, gte, inArray, isNotNull, sql } from 'drizzle-orm';
import { sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { loadAdmins, loadAudiences } from './audience';
import type { PlannedNotice } from './deliver-notices';
import { attendanceNotices } from './recipients';
import { settle, type ProducerCounts } from './queue-reminders';

/** How long after a class its notices may still be produced (an override later than this tells no one). */
export const NOTICE_WINDOW_HOURS = 48;

export async function queueAttendanceNotices(deps: Pick<Deps, 'db' | 'appUrl' | 'signingSecret'>, input: { now: Date; academyIds: number[]; dryRun: boolean }): Promise<Map<number, ProducerCounts>> {
  const counts = new Map<number, ProducerCounts>(input.academyIds.map((id) => [id, { notices: 0, emailed: 0 }]));
  if (input.academyIds.length === 0) return counts;
  const since = new Date(input.now.getTime() - NOTICE_WINDOW_HOURS * 3_600_000);
  const ended = await deps.db
    .select({ id: sessions.id, academyId: sessions.academyId, title: sessions.title, startsAt: sessions.scheduledAt, teacherId: sessions.teacherId })
    .from(sessions)
    .where(and(inArray(sessions.academyId, input.academyIds), inArray(sessions.status, ['completed', 'absent']), isNotNull(sessions.endedAt), gte(sessions.endedAt, since)));
  if (ended.length === 0) return counts;
  const ids = ended.map((s) => s.id);
  const records = await deps.db.execute<{ session_id: number; user_id: number; user_type: string; status: string }>(sql`
    SELECT session_id, user_id, user_type, COALESCE(override_status, status)::text AS status
    FROM attendance_records WHERE session_id = ANY(${`{${ids.join(',')}}`}::int[]) AND is_final`);
  type RecordRow = (typeof records)[number];
  const bySession = new Map<number, RecordRow[]>();
  for (const r of records) {
    const list = bySession.get(r.session_id);
    if (list) list.push(r);
    else bySession.set(r.session_id, [r]);
  }
  const audiences = await loadAudiences(deps.db, ids);
  const admins = await loadAdmins(deps.db, [...new Set(ended.map((s) => s.academyId))]);

  const planned: PlannedNotice[] = [];
  for (const s of ended) {
    const members = audiences.get(s.id) ?? [];
    const mine = bySession.get(s.id) ?? [];
    const teacherRecord = mine.find((r) => r.user_id === s.teacherId);
    const teacher = members.find((m) => m.as === 'teacher');
    const academyAdmins = admins.get(s.academyId) ?? [];
    const notices = attendanceNotices({
      sessionId: s.id,
      statuses: mine.filter((r) => r.user_type === 'student').map((r) => ({ studentId: r.user_id, status: r.status })),
      parents: members.filter((m): m is typeof m & { childId: number } => m.as === 'parent' && m.childId !== undefined),
      teacherAbsent: !teacherRecord || teacherRecord.status === 'absent',
      admins: academyAdmins,
    });
    for (const notice of notices) {
      const contact = members.find((m) => m.userId === notice.userId) ?? academyAdmins.find((a) => a.userId === notice.userId)!;
      const student = notice.childId === undefined ? undefined : members.find((m) => m.userId === notice.childId && m.as === 'student');
      planned.push({
        notice,
        contact,
        academyId: s.academyId,
        sessionId: s.id,
        params: { title: s.title, startsAt: s.startsAt.toISOString(), sessionId: s.id, teacher: teacher?.name ?? '', student: student?.name ?? '' },
      });
    }
  }
  await settle(deps, planned, input.dryRun, counts);
  return counts;
}
