/**
 * The super admin's home (docs/rules.md#dashboards): every academy with its size and what is
 * happening in it now, each figure one aggregate in Postgres.
 */
import 'server-only';
import { asc, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { OPEN_STATUSES_SQL } from '@/server/modules/sessions';

export interface AcademySummary {
  id: number;
  slug: string;
  nameAr: string;
  nameEn: string;
  timezone: string;
  defaultLocale: 'ar' | 'en';
  active: boolean;
  teachers: number;
  students: number;
  liveMeetings: number;
  /** sessions starting within the next 7 days, still scheduled or ready */
  upcomingSessions: number;
}

export async function listAcademies(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor): Promise<AcademySummary[]> {
  if (actor.role !== 'super_admin') throw new DomainError('FORBIDDEN', 'Only the platform admin lists academies');
  const now = deps.clock.now().toISOString();
  // A single-table select leaves columns unqualified, so the correlated subqueries name the outer row in full.
  const rows = await deps.db
    .select({
      id: academies.id,
      slug: academies.slug,
      nameAr: academies.nameAr,
      nameEn: academies.nameEn,
      timezone: academies.timezone,
      defaultLocale: academies.defaultLocale,
      active: academies.active,
      teachers: sql<number>`(SELECT count(*) FROM users u WHERE u.academy_id = "academies"."id" AND u.role = 'teacher')::int`,
      students: sql<number>`(SELECT count(*) FROM users u WHERE u.academy_id = "academies"."id" AND u.role = 'student')::int`,
      liveMeetings: sql<number>`(SELECT count(*) FROM meetings m JOIN sessions s ON s.id = m.session_id
        WHERE m.academy_id = "academies"."id" AND m.ended_at IS NULL AND s.status IN (${OPEN_STATUSES_SQL}))::int`,
      upcomingSessions: sql<number>`(SELECT count(*) FROM sessions s WHERE s.academy_id = "academies"."id"
        AND s.status IN ('scheduled', 'ready') AND s.scheduled_at >= ${now}::timestamptz
        AND s.scheduled_at < ${now}::timestamptz + interval '7 days')::int`,
    })
    .from(academies)
    .orderBy(asc(academies.slug));
  return rows;
}
