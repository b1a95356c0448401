/**
 * Stores a verified LiveKit webhook once (by its event id) and applies its
 * effects in the same transaction (SPEC 5): a duplicate is a no-op, and an
 * event is never acknowledged unless it was stored. Unknown rooms and
 * identities are stored with a flag and change nothing.
 */
import { and, eq } from 'drizzle-orm';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Deps } from '@/server/deps';
import type { Tx } from '@/server/db';
import { attendanceEvents, meetings, sessions, users, webhookEvents } from '@/server/db/schema';
import { userIdFromIdentity } from '@/server/modules/meetings/identity';
import { persistUntil } from '@/server/modules/meetings/options';
import { finalizeSessionInTx } from './finalize-session';
import { getSessionInfo, lockAttendancePair, recomputeRecord } from './record-store';

export type IngestOutcome = { duplicate: boolean; flag: string | null };

const PARTICIPANT_EVENTS = new Set(['participant_joined', 'participant_left', 'participant_connection_aborted']);

export async function ingestWebhookEvent(deps: Pick<Deps, 'db' | 'clock'>, event: WebhookEvent): Promise<IngestOutcome> {
  const occurredAt = new Date(Number(event.createdAt) * 1000 || deps.clock.now().getTime());
  return deps.db.transaction(async (tx) => {
    const target = await resolveTarget(tx, event);
    if (target.userId !== null && target.session) await lockAttendancePair(tx, target.session.id, target.userId);

    const inserted = await tx
      .insert(webhookEvents)
      .values({
        id: event.id,
        event: event.event,
        roomName: event.room?.name ?? event.egressInfo?.roomName ?? null,
        academyId: target.session?.academyId ?? null,
        sessionId: target.session?.id ?? null,
        participantSid: event.participant?.sid ?? null,
        identity: event.participant?.identity ?? null,
        userId: target.userId,
        occurredAt,
        flag: target.flag,
        payload: event.toJson() as object,
      })
      .onConflictDoNothing({ target: webhookEvents.id })
      .returning({ id: webhookEvents.id });
    if (inserted.length === 0) return { duplicate: true, flag: target.flag };
    if (target.flag || !target.session) return { duplicate: false, flag: target.flag };

    const session = target.session;
    const participant = event.participant;
    if (event.event === 'participant_joined' && participant && target.userId !== null) {
      await tx.insert(attendanceEvents).values({
        academyId: session.academyId,
        sessionId: session.id,
        userId: target.userId,
        kind: 'join',
        participantSid: participant.sid,
        occurredAt,
        source: 'webhook',
        sourceEventId: event.id,
      });
      await tx
        .update(sessions)
        .set({ status: 'ongoing', startedAt: occurredAt, updatedAt: occurredAt })
        .where(and(eq(sessions.id, session.id), eq(sessions.status, 'ready')));
      await recomputeRecord(tx, session, target.userId, { now: occurredAt });
    } else if (event.event === 'participant_left' && participant && target.userId !== null) {
      const joinedAtMs = Number(participant.joinedAtMs) || Number(participant.joinedAt) * 1000;
      await tx.insert(attendanceEvents).values({
        academyId: session.academyId,
        sessionId: session.id,
        userId: target.userId,
        kind: 'leave',
        participantSid: participant.sid,
        occurredAt,
        joinedAt: joinedAtMs ? new Date(joinedAtMs) : null,
        source: 'webhook',
        sourceEventId: event.id,
      });
      if (target.userId === session.teacherId) {
        // The teacher dropped: keep the meeting alive through the grace (SPEC 4).
        await tx
          .update(meetings)
          .set({ persistUntil: persistUntil(session.scheduledAt, session.durationMinutes) })
          .where(eq(meetings.sessionId, session.id));
      }
      await recomputeRecord(tx, session, target.userId, { now: occurredAt });
    } else if (event.event === 'room_finished') {
      await finalizeSessionInTx(tx, session.id, { now: occurredAt });
    }
    return { duplicate: false, flag: null };
  });
}

interface Target {
  session: Awaited<ReturnType<typeof getSessionInfo>>;
  userId: number | null;
  flag: string | null;
}

async function resolveTarget(tx: Tx, event: WebhookEvent): Promise<Target> {
  const roomName = event.room?.name || event.egressInfo?.roomName || '';
  const [meeting] = roomName
    ? await tx.select({ sessionId: meetings.sessionId }).from(meetings).where(eq(meetings.roomName, roomName))
    : [];
  const session = meeting ? await getSessionInfo(tx, meeting.sessionId) : null;
  if (!session) return { session: null, userId: null, flag: roomName ? 'unknown_room' : null };
  if (!PARTICIPANT_EVENTS.has(event.event) || !event.participant) return { session, userId: null, flag: null };

  if (event.participant.permission?.hidden) return { session, userId: null, flag: 'hidden_participant' };
  const claimed = userIdFromIdentity(event.participant.identity);
  if (claimed === null) return { session, userId: null, flag: 'unknown_identity' };
  const [user] = await tx
    .select({ id: users.id, academyId: users.academyId })
    .from(users)
    .where(eq(users.id, claimed));
  if (!user || (user.academyId !== null && user.academyId !== session.academyId)) {
    return { session, userId: null, flag: 'unknown_identity' };
  }
  return { session, userId: user.id, flag: null };
}

