/**
 * The reminder sweep's work (run every minute, sweeps/notify.ts): for every
 * open session starting within the longest lead time, the members whose own
 * lead time has come get a reminder, exactly once (notifications.key). A
 * class that has started gets none, so a run after an outage catches up
 * only on what is still useful; the mail is also re-checked when sent.
 */
import 'server-only';
import { and, eq, gt, inArray, lte, sql } from 'drizzle-orm';
import { academyNotificationSettings, sessions, users } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { loadAudiences } from './audience';
import { deliverNotices, takenKeys, type PlannedNotice } from './deliver-notices';
import { MAX_REMINDER_MINUTES } from './kinds';
import { dueReminders } from './recipients';

export interface ProducerCounts {
  /** Notices made (or, in a dry run, that would be). */
  notices: number;
  emailed: number;
}

const SESSIONS_PER_TRANSACTION = 2_000;

export async function queueDueReminders(deps: Pick<Deps, 'db' | 'appUrl' | 'signingSecret'>, input: { now: Date; academyIds: number[]; dryRun: boolean }): Promise<Map<number, ProducerCounts>> {
  const counts = new Map<number, ProducerCounts>(input.academyIds.map((id) => [id, { notices: 0, emailed: 0 }]));
  if (input.academyIds.length === 0) return counts;
  const rows = await deps.db
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      title: sessions.title,
      startsAt: sessions.scheduledAt,
      teacher: users.name,
      academyMinutes: academyNotificationSettings.reminderMinutes,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.teacherId))
    .leftJoin(academyNotificationSettings, eq(academyNotificationSettings.academyId, sessions.academyId))
    .where(
      and(
        inArray(sessions.academyId, input.academyIds),
        inArray(sessions.status, ['scheduled', 'ready']),
        gt(sessions.scheduledAt, input.now),
        lte(sessions.scheduledAt, sql`${input.now.toISOString()}::timestamptz + make_interval(mins => ${MAX_REMINDER_MINUTES})`),
      ),
    );
  for (let i = 0; i < rows.length; i += SESSIONS_PER_TRANSACTION) {
    const chunk = rows.slice(i, i + SESSIONS_PER_TRANSACTION);
    const audiences = await loadAudiences(deps.db, chunk.map((s) => s.id));
    const planned: PlannedNotice[] = [];
    for (const s of chunk) {
      const members = audiences.get(s.id) ?? [];
      const byId = new Map(members.map((m) => [m.userId, m]));
      for (const notice of dueReminders({ sessionId: s.id, startsAt: s.startsAt, members, academyMinutes: s.academyMinutes, now: input.now })) {
        planned.push({
          notice,
          contact: byId.get(notice.userId)!,
          academyId: s.academyId,
          sessionId: s.id,
          params: { title: s.title, teacher: s.teacher, startsAt: s.startsAt.toISOString(), sessionId: s.id },
          guardSession: { id: s.id, startsAt: s.startsAt },
        });
      }
    }
    await settle(deps, planned, input.dryRun, counts);
  }
  return counts;
}

/** Delivers (or, dry, counts what would be new) and adds to each academy's counts. */
export async function settle(deps: Pick<Deps, 'db' | 'appUrl' | 'signingSecret'>, planned: PlannedNotice[], dryRun: boolean, counts: Map<number, ProducerCounts>): Promise<void> {
  if (planned.length === 0) return;
  const byAcademy = new Map<number, PlannedNotice[]>();
  for (const p of planned) {
    const list = byAcademy.get(p.academyId);
    if (list) list.push(p);
    else byAcademy.set(p.academyId, [p]);
  }
  for (const [academyId, list] of byAcademy) {
    const entry = counts.get(academyId) ?? { notices: 0, emailed: 0 };
    counts.set(academyId, entry);
    if (dryRun) {
      const taken = await takenKeys(deps.db, list.map((p) => p.notice.key));
      const fresh = list.filter((p) => !taken.has(p.notice.key));
      entry.notices += fresh.length;
      entry.emailed += fresh.filter((p) => p.notice.email).length;
      continue;
    }
    const done = await deps.db.transaction((tx) => deliverNotices(deps, tx, list));
    entry.notices += done.created;
    entry.emailed += done.emailed;
  }
}
