/**
 * Sessions stranded by a webhook that could not apply: their room_finished
 * was stored flagged `cannot_apply` (webhooks/webhook-failure.ts) while
 * the meeting is still open or the session not ended. The reconcile sweep
 * finalises each as room_finished would have — records final, absent
 * students written, completed or absent by whether a student came — at the
 * time the room finished, reaching the end status through allowed steps.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull, notInArray, or } from 'drizzle-orm';
import type { Db, DbExecutor } from '@/server/db';
import { meetings, sessions, webhookEvents } from '@/server/db/schema';
import { finalizeSessionInTx } from '@/server/modules/attendance';
import { TERMINAL_STATUSES } from '@/server/modules/sessions';

export interface StrandedSession {
  sessionId: number;
  academyId: number;
  /** When the room finished (the first such event). */
  finishedAt: Date;
  problem: string;
}

export async function strandedSessionsQuery(db: DbExecutor, input: { academyIds: number[] }): Promise<StrandedSession[]> {
  const rows = await db
    .selectDistinctOn([webhookEvents.sessionId], {
      sessionId: webhookEvents.sessionId,
      academyId: sessions.academyId,
      finishedAt: webhookEvents.occurredAt,
      problem: webhookEvents.problem,
    })
    .from(webhookEvents)
    .innerJoin(sessions, eq(sessions.id, webhookEvents.sessionId))
    .innerJoin(meetings, eq(meetings.sessionId, sessions.id))
    .where(
      and(
        eq(webhookEvents.flag, 'cannot_apply'),
        eq(webhookEvents.event, 'room_finished'),
        inArray(sessions.academyId, input.academyIds),
        or(isNull(meetings.endedAt), notInArray(sessions.status, [...TERMINAL_STATUSES])),
      ),
    )
    .orderBy(asc(webhookEvents.sessionId), asc(webhookEvents.occurredAt));
  return rows.map((r) => ({ sessionId: r.sessionId!, academyId: r.academyId, finishedAt: r.finishedAt, problem: r.problem ?? '' }));
}

export async function finalizeStrandedSession(db: Db, session: StrandedSession) {
  return db.transaction((tx) => finalizeSessionInTx(tx, session.sessionId, { now: session.finishedAt, throughAllowedSteps: true }));
}
