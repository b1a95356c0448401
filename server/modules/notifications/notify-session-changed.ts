/**
 * Cancelled or rescheduled: everyone in the session's audience is told, with
 * the reason and the new time, in the transaction that made the change (call
 * it right after the status or time was written). Exactly once per
 * (change, session, person, new time).
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { sessions, users } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { loadAudiences } from './audience';
import { deliverNotices, type DeliveryCounts, type PlannedNotice } from './deliver-notices';
import { changeNotices } from './recipients';

export interface SessionChange {
  sessionId: number;
  change: 'cancelled' | 'rescheduled';
  reason?: string | null;
  /** The start before a reschedule (shown as "was at"). */
  previousStartsAt?: Date | null;
}

export async function notifySessionChanged(deps: Pick<Deps, 'appUrl' | 'signingSecret'>, tx: DbExecutor, input: SessionChange): Promise<DeliveryCounts> {
  const [session] = await tx
    .select({ id: sessions.id, academyId: sessions.academyId, title: sessions.title, startsAt: sessions.scheduledAt, reason: sessions.cancelReason, teacher: users.name })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.teacherId))
    .where(eq(sessions.id, input.sessionId));
  if (!session) return { created: 0, emailed: 0 };
  const members = (await loadAudiences(tx, [session.id])).get(session.id) ?? [];
  const planned: PlannedNotice[] = changeNotices({ sessionId: session.id, change: input.change, startsAt: session.startsAt, members }).map((notice) => ({
    notice,
    contact: members.find((m) => m.userId === notice.userId)!,
    academyId: session.academyId,
    sessionId: session.id,
    params: {
      title: session.title,
      teacher: session.teacher,
      startsAt: (input.change === 'cancelled' && input.previousStartsAt ? input.previousStartsAt : session.startsAt).toISOString(),
      ...(input.previousStartsAt ? { previousStartsAt: input.previousStartsAt.toISOString() } : {}),
      reason: input.reason ?? session.reason ?? undefined,
      sessionId: session.id,
    },
  }));
  return deliverNotices(deps, tx, planned);
}
