/**
 * Stores a webhook whose effect can never apply (webhook-failure.ts decides
 * which), outside the transaction that failed: flagged `cannot_apply` with
 * its reason, with the room's session and academy so the admins' "webhook
 * problems" list and the reconcile sweep find it. Once per event id, like
 * every webhook: a redelivery is a duplicate.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { WebhookEvent } from '@/server/livekit/webhook-receiver';
import type { Db } from '@/server/db';
import { meetings, webhookEvents } from '@/server/db/schema';
import { logger } from '@/server/lib/logger';
import type { IngestOutcome } from './ingest-outcome';

export async function recordWebhookProblem(db: Db, event: WebhookEvent, input: { occurredAt: Date; problem: string }): Promise<IngestOutcome> {
  const roomName = event.room?.name || event.egressInfo?.roomName || null;
  const [room] = roomName
    ? await db.select({ sessionId: meetings.sessionId, academyId: meetings.academyId }).from(meetings).where(eq(meetings.roomName, roomName))
    : [];
  const inserted = await db
    .insert(webhookEvents)
    .values({
      id: event.id,
      event: event.event,
      roomName,
      academyId: room?.academyId ?? null,
      sessionId: room?.sessionId ?? null,
      participantSid: event.participant?.sid ?? null,
      identity: event.participant?.identity ?? null,
      occurredAt: input.occurredAt,
      flag: 'cannot_apply',
      problem: input.problem,
      payload: event.toJson() as object,
    })
    .onConflictDoNothing({ target: webhookEvents.id })
    .returning({ id: webhookEvents.id });
  const duplicate = inserted.length === 0;
  if (!duplicate) {
    logger.error('webhook cannot apply: stored with its reason and answered 200 (no retry can help)', {
      id: event.id,
      event: event.event,
      room: roomName,
      sessionId: room?.sessionId ?? null,
      problem: input.problem,
    });
  }
  return { duplicate, flag: 'cannot_apply', problem: input.problem };
}
