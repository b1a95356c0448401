/**
 * The admins' "webhook problems" list (sweeps page): webhooks stored because
 * their effect could never apply (`cannot_apply`, webhooks/webhook-failure.ts),
 * newest first, with the reason, the session they were about and whether
 * that session has since been finalised (by the reconcile sweep).
 */
import 'server-only';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { meetings, sessions, webhookEvents } from '@/server/db/schema';
import type { SessionStatus } from '@/server/db/schema/enums';
import { isTerminal } from '@/server/modules/sessions';

export interface WebhookProblem {
  id: string;
  event: string;
  roomName: string | null;
  occurredAt: Date;
  receivedAt: Date;
  problem: string;
  session: { id: number; title: string; status: SessionStatus; finalized: boolean } | null;
}

export const DEFAULT_PROBLEMS_LIMIT = 50;

/** `academy` undefined: every academy (the super admin's unscoped view). */
export async function listWebhookProblems(deps: Pick<Deps, 'db'>, input: { academy?: number; limit?: number }): Promise<WebhookProblem[]> {
  const conditions: SQL[] = [eq(webhookEvents.flag, 'cannot_apply')];
  if (input.academy !== undefined) conditions.push(eq(webhookEvents.academyId, input.academy));
  const rows = await deps.db
    .select({
      id: webhookEvents.id,
      event: webhookEvents.event,
      roomName: webhookEvents.roomName,
      occurredAt: webhookEvents.occurredAt,
      receivedAt: webhookEvents.receivedAt,
      problem: webhookEvents.problem,
      sessionId: sessions.id,
      title: sessions.title,
      status: sessions.status,
      meetingEndedAt: meetings.endedAt,
    })
    .from(webhookEvents)
    .leftJoin(sessions, eq(sessions.id, webhookEvents.sessionId))
    .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
    .where(and(...conditions))
    .orderBy(desc(webhookEvents.receivedAt), desc(webhookEvents.id))
    .limit(input.limit ?? DEFAULT_PROBLEMS_LIMIT);
  return rows.map((r) => ({
    id: r.id,
    event: r.event,
    roomName: r.roomName,
    occurredAt: r.occurredAt,
    receivedAt: r.receivedAt,
    problem: r.problem ?? '',
    session:
      r.sessionId === null || r.title === null || r.status === null
        ? null
        : { id: r.sessionId, title: r.title, status: r.status, finalized: isTerminal(r.status) && r.meetingEndedAt !== null },
  }));
}
