/**
 * A participant's join or leave as LiveKit's webhook reports it, handed over
 * by webhook intake (server/modules/webhooks) inside the transaction that
 * stored the event, with the (session, user) lock already held. (The
 * teacher's leave also holds the room: intake asks meetings for that.)
 */
import 'server-only';
import type { Tx } from '@/server/db';
import type { AcademyVideoSettings } from '@/server/modules/academies';
import { transitionSession } from '@/server/modules/sessions';
import { appendAttendanceEvent } from './event-log';
import { recomputeRecord, type SessionInfo } from './record-store';

export interface WebhookParticipantEvent {
  session: SessionInfo;
  sessionStatus: string;
  settings: AcademyVideoSettings | undefined;
  userId: number;
  userRole: string | undefined;
  participantSid: string;
  occurredAt: Date;
  /** LiveKit's own join time of the connection a leave closes. */
  joinedAt?: Date | null;
  /** The webhook's event id. */
  sourceEventId: string;
}

/** Returns whether this join started the session (ready → ongoing): the moment a recording may start by itself. */
export async function recordWebhookJoin(tx: Tx, e: WebhookParticipantEvent): Promise<{ started: boolean }> {
  await appendAttendanceEvent(tx, eventRow(e, 'join'));
  let started = false;
  if (e.sessionStatus === 'ready') {
    started = (await transitionSession(tx, e.session.id, 'ready', 'ongoing', { startedAt: e.occurredAt, updatedAt: e.occurredAt })).length > 0;
  }
  await recomputeRecord(tx, e.session, e.userId, { now: e.occurredAt, settings: e.settings, userRole: e.userRole });
  return { started };
}

export async function recordWebhookLeave(tx: Tx, e: WebhookParticipantEvent): Promise<void> {
  await appendAttendanceEvent(tx, { ...eventRow(e, 'leave'), joinedAt: e.joinedAt ?? null });
  await recomputeRecord(tx, e.session, e.userId, { now: e.occurredAt, settings: e.settings, userRole: e.userRole });
}

function eventRow(e: WebhookParticipantEvent, kind: 'join' | 'leave') {
  return {
    academyId: e.session.academyId,
    sessionId: e.session.id,
    userId: e.userId,
    kind,
    participantSid: e.participantSid,
    occurredAt: e.occurredAt,
    source: 'webhook' as const,
    sourceEventId: e.sourceEventId,
  };
}
