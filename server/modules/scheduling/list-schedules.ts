/** An academy's weekly schedules, newest first, with how many sessions each has left. */
import 'server-only';
import { and, desc, eq, lt, sql } from 'drizzle-orm';
import { schedules, sessions, users } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import type { ListSchedulesInput } from './schemas';

export async function listSchedules(deps: Deps, academy: Academy, input: ListSchedulesInput = {}) {
  const limit = input.limit ?? 50;
  const now = deps.clock.now().toISOString();
  const upcoming = sql`${sessions.status} IN ('scheduled', 'ready') AND ${sessions.scheduledAt} >= ${now}::timestamptz`;
  const rows = await deps.db
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
    .where(and(eq(schedules.academyId, academy.id), input.cursor === undefined ? undefined : lt(schedules.id, input.cursor)))
    .groupBy(schedules.id, users.name)
    .orderBy(desc(schedules.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  return {
    timezone: academy.timezone,
    items: page.map((r) => ({ ...r.schedule, teacherName: r.teacherName, totalSessions: r.totalSessions, upcomingSessions: r.upcomingSessions, nextAt: r.nextAt })),
    nextCursor: rows.length > limit ? page[page.length - 1]!.schedule.id : null,
  };
}
