/** An academy's weekly schedules, newest first, with how many sessions each has left. */
import 'server-only';
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { DomainError } from '@/server/lib/domain-error';
import { schedules, sessions, users } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import type { ListSchedulesInput, ScheduleRefInput } from './schemas';

/** The schedules matching `where` (always within `academy`), each with its teacher and session counts. */
function selectSchedules(deps: Deps, academy: Academy, where: SQL | undefined, limit: number) {
  const now = deps.clock.now().toISOString();
  const upcoming = sql`${sessions.status} IN ('scheduled', 'ready') AND ${sessions.scheduledAt} >= ${now}::timestamptz`;
  return deps.db
    .select({
      schedule: schedules,
      teacherName: users.name,
      totalSessions: sql<number>`count(${sessions.id})::int`,
      upcomingSessions: sql<number>`(count(${sessions.id}) FILTER (WHERE ${upcoming}))::int`,
      nextAt: sql<Date | null>`min(${sessions.scheduledAt}) FILTER (WHERE ${upcoming})`.mapWith((v: string | null) => (v ? new Date(v) : null)),
    })
    .from(schedules)
    .innerJoin(users, eq(users.id, schedules.teacherId))
    .leftJoin(sessions, and(eq(sessions.scheduleId, schedules.id), eq(sessions.academyId, schedules.academyId)))
    .where(and(eq(schedules.academyId, academy.id), where))
    .groupBy(schedules.id, users.name)
    .orderBy(desc(schedules.id))
    .limit(limit);
}

export async function listSchedules(deps: Deps, academy: Academy, input: ListSchedulesInput = {}) {
  const limit = input.limit ?? 50;
  const rows = await selectSchedules(deps, academy, input.cursor === undefined ? undefined : lt(schedules.id, input.cursor), limit + 1);
  const page = rows.slice(0, limit);
  return {
    timezone: academy.timezone,
    items: page.map((r) => ({ ...r.schedule, teacherName: r.teacherName, totalSessions: r.totalSessions, upcomingSessions: r.upcomingSessions, nextAt: r.nextAt })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.schedule.id : null,
  };
}

/** One schedule of the academy (another academy's is NOT_FOUND), for its edit page. */
export async function getSchedule(deps: Deps, academy: Academy, input: ScheduleRefInput) {
  const [row] = await selectSchedules(deps, academy, eq(schedules.id, input.scheduleId), 1);
  if (!row) throw new DomainError('NOT_FOUND', 'Schedule not found');
  return { ...row.schedule, teacherName: row.teacherName, totalSessions: row.totalSessions, upcomingSessions: row.upcomingSessions, nextAt: row.nextAt };
}
