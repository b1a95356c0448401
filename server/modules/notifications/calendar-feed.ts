/**
 * A person's secret iCalendar feed (RFC 5545, made with ical-generator):
 * their sessions — a parent's, their children's; an admin's, the academy's —
 * from 30 days back to 180 ahead, with title, teacher and room link;
 * cancelled ones marked CANCELLED. Only the token's SHA-256 is stored, so
 * the address is shown once when made; making a new one ends the old one.
 * Times are UTC instants (exact in every client); X-WR-TIMEZONE names the
 * academy's zone for calendars that show it.
 */
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import ical, { ICalEventStatus } from 'ical-generator';
import type { DbExecutor } from '@/server/db';
import { academies, calendarFeeds, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
export const feedPath = (token: string) => `/api/calendar/${token}.ics`;

export async function getCalendarFeedStatus(db: DbExecutor, actor: Actor): Promise<{ createdAt: Date | null }> {
  const [row] = await db.select({ createdAt: calendarFeeds.createdAt }).from(calendarFeeds).where(eq(calendarFeeds.userId, actor.id));
  return { createdAt: row?.createdAt ?? null };
}

/** Makes (or remakes) the feed's secret address; the previous address stops working at once. */
export async function regenerateCalendarFeed(db: DbExecutor, actor: Actor, appUrl: string): Promise<{ url: string; createdAt: Date }> {
  if (actor.academyId === null) throw new DomainError('FORBIDDEN', 'Calendar feeds belong to an academy’s people');
  const token = randomBytes(24).toString('base64url');
  const now = new Date();
  await db
    .insert(calendarFeeds)
    .values({ userId: actor.id, academyId: actor.academyId, tokenHash: hash(token), createdAt: now })
    .onConflictDoUpdate({ target: calendarFeeds.userId, set: { tokenHash: hash(token), createdAt: now } });
  return { url: `${appUrl}${feedPath(token)}`, createdAt: now };
}

interface FeedRow extends Record<string, unknown> {
  id: number;
  title: string;
  scheduled_at: Date;
  duration_minutes: number;
  status: string;
  cancel_reason: string | null;
  teacher: string;
}

/** The feed's text, or null for an unknown (or replaced) token or a deactivated user. */
export async function renderCalendarFeed(db: DbExecutor, token: string, appUrl: string, now: Date): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{32}$/.test(token)) return null;
  const [owner] = await db
    .select({ id: users.id, role: users.role, active: users.active, academyId: calendarFeeds.academyId, timezone: academies.timezone, name: users.name })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .innerJoin(academies, eq(academies.id, calendarFeeds.academyId))
    .where(eq(calendarFeeds.tokenHash, hash(token)));
  if (!owner || !owner.active) return null;
  const everyone = owner.role === 'academy_admin' || owner.role === 'supervisor';
  const from = new Date(now.getTime() - 30 * 86_400_000).toISOString();
  const to = new Date(now.getTime() + 180 * 86_400_000).toISOString();
  const rows = await db.execute<FeedRow>(sql`
    WITH mine AS (SELECT ${owner.id}::int AS user_id UNION SELECT child_id FROM parent_children WHERE parent_id = ${owner.id})
    SELECT s.id, s.title, s.scheduled_at, s.duration_minutes, s.status::text, s.cancel_reason, t.name AS teacher
    FROM sessions s JOIN users t ON t.id = s.teacher_id
    WHERE s.academy_id = ${owner.academyId} AND s.scheduled_at >= ${from} AND s.scheduled_at < ${to}
      AND (${everyone}
        OR s.teacher_id IN (SELECT user_id FROM mine) OR s.student_id IN (SELECT user_id FROM mine)
        OR EXISTS (SELECT 1 FROM circle_members cm WHERE cm.circle_id = s.circle_id AND cm.student_id IN (SELECT user_id FROM mine))
        OR EXISTS (SELECT 1 FROM course_enrollments ce WHERE ce.course_id = s.course_id AND ce.student_id IN (SELECT user_id FROM mine)))
    ORDER BY s.scheduled_at LIMIT 2000`);
  const calendar = ical({ name: `Halaqa — ${owner.name}`, prodId: { company: 'Halaqa', product: 'Halaqa', language: 'EN' } });
  calendar.x([{ key: 'X-WR-TIMEZONE', value: owner.timezone }]);
  for (const s of rows) {
    const start = new Date(s.scheduled_at);
    calendar.createEvent({
      id: `session-${s.id}@halaqa`,
      start,
      end: new Date(start.getTime() + s.duration_minutes * 60_000),
      summary: s.title,
      description: `${s.teacher}${s.cancel_reason ? `\n${s.cancel_reason}` : ''}\n${appUrl}/room/${s.id}`,
      url: `${appUrl}/room/${s.id}`,
      organizer: { name: s.teacher, email: 'no-reply@halaqa.invalid' },
      status: s.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
