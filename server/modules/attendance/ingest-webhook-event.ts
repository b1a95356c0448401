/**
 * Stores a verified LiveKit webhook once (by its event id) and applies its
 * effects in the same transaction (SPEC 5): a duplicate is a no-op, and an
 * event is never acknowledged unless it was stored. Unknown rooms and
 * identities are stored with a flag and change nothing; an event whose effect
 * can never apply is stored flagged `cannot_apply` with its reason
 * (webhook-failure.ts), and only a transient failure reaches the caller.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { WebhookEvent } from 'livekit-server-sdk';
import type { Deps } from '@/server/deps';
import type { Tx } from '@/server/db';
import { notifyCommitted, type RoomSignal } from '@/server/db/notify';
import { logger } from '@/server/lib/logger';
import { academyVideoSettings, attendanceEvents, meetings, sessions, users, webhookEvents, type WebhookFlag } from '@/server/db/schema';
import type { AcademyVideoSettings } from '@/server/modules/academies';
import { egressReportOf } from '@/server/livekit/egress';
import { userIdFromIdentity } from '@/server/modules/meetings/identity';
import { saveEgressReport } from '@/server/modules/recordings/recording-store';
import { persistUntil } from '@/server/modules/meetings/options';
import { finalizeSessionInTx } from './finalize-session';
import { recomputeRecord, type SessionInfo } from './record-store';
import { recordWebhookProblem } from './record-webhook-problem';
import { failureReason, isTransientFailure } from './webhook-failure';

export type IngestOutcome = {
  duplicate: boolean;
  flag: WebhookFlag | null;
  /** Why a `cannot_apply` event could not apply. */
  problem?: string;
  /** Set when this event's join made the session ongoing: the moment a recording may start by itself. */
  startedSessionId?: number;
};

const PARTICIPANT_EVENTS = new Set(['participant_joined', 'participant_left', 'participant_connection_aborted']);
const EGRESS_EVENTS = new Set(['egress_started', 'egress_updated', 'egress_ended']);

export async function ingestWebhookEvent(deps: Pick<Deps, 'db' | 'clock'>, event: WebhookEvent): Promise<IngestOutcome> {
  const occurredAt = new Date(Number(event.createdAt) * 1000 || deps.clock.now().getTime());
  // Sent after the commit (notifyCommitted says why): the room page's attendance panel refetches on them.
  const signals: RoomSignal[] = [];
  const outcome = await deps.db.transaction(async (tx): Promise<IngestOutcome> => {
    // Takes the (session, user) attendance lock in the same round trip when the event is someone's.
    const target = await resolveTarget(tx, event);

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
    let startedSessionId: number | undefined;
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
      if (target.sessionStatus === 'ready') {
        const started = await tx
          .update(sessions)
          .set({ status: 'ongoing', startedAt: occurredAt, updatedAt: occurredAt })
          .where(and(eq(sessions.id, session.id), eq(sessions.status, 'ready')))
          .returning({ id: sessions.id });
        if (started.length > 0) startedSessionId = session.id;
      }
      await recomputeRecord(tx, session, target.userId, { now: occurredAt, settings: target.settings, userRole: target.userRole });
      signals.push({ sessionId: session.id, kind: 'attendance', id: event.id });
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
      await recomputeRecord(tx, session, target.userId, { now: occurredAt, settings: target.settings, userRole: target.userRole });
      signals.push({ sessionId: session.id, kind: 'attendance', id: event.id });
    } else if (event.event === 'room_finished') {
      await finalizeSessionInTx(tx, session.id, { now: occurredAt });
    } else if (EGRESS_EVENTS.has(event.event) && event.egressInfo) {
      signals.push(await saveEgressReport(tx, { academyId: session.academyId, sessionId: session.id }, egressReportOf(event.egressInfo), { now: occurredAt, signal: false }));
    }
    return { duplicate: false, flag: null, ...(startedSessionId === undefined ? {} : { startedSessionId }) };
  }).catch((error: unknown) => {
    if (isTransientFailure(error)) throw error;
    signals.length = 0;
    return recordWebhookProblem(deps.db, event, { occurredAt, problem: failureReason(error) });
  });
  try {
    await notifyCommitted(deps.db, signals);
  } catch (error) {
    // Stored is what the 200 promises; a lost signal only delays a page's refetch.
    logger.warn('room signal not sent', { id: event.id, error: String(error) });
  }
  return outcome;
}

interface Target {
  session: SessionInfo | null;
  sessionStatus: string | null;
  settings: AcademyVideoSettings | undefined;
  userId: number | null;
  userRole: string | undefined;
  flag: WebhookFlag | null;
}

/**
 * One round trip: the room's meeting and session, the academy's settings and
 * the identity's user, and for a participant event of a known user of the
 * academy, that pair's attendance advisory lock (lockAttendancePair's key),
 * taken before anything is written, as everywhere.
 */
async function resolveTarget(tx: Tx, event: WebhookEvent): Promise<Target> {
  const none = { session: null, sessionStatus: null, settings: undefined, userId: null, userRole: undefined };
  const roomName = event.room?.name || event.egressInfo?.roomName || '';
  if (!roomName) return { ...none, flag: null };
  const participant = PARTICIPANT_EVENTS.has(event.event) ? event.participant : undefined;
  const claimed = participant ? userIdFromIdentity(participant.identity) : null;
  const [row] = await tx
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      teacherId: sessions.teacherId,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      status: sessions.status,
      meetingEndedAt: meetings.endedAt,
      settings: academyVideoSettings,
      userId: users.id,
      userRole: users.role,
      userAcademyId: users.academyId,
      // lockAttendancePair's key, under exactly the condition below for the event to count for the user.
      locked: sql<boolean | null>`CASE WHEN ${Boolean(participant && !participant.permission?.hidden)}::boolean
        AND ${users.id} IS NOT NULL AND (${users.academyId} IS NULL OR ${users.academyId} = ${sessions.academyId})
        THEN (SELECT true FROM pg_advisory_xact_lock(-${sessions.id}, ${users.id})) END`,
    })
    .from(meetings)
    .innerJoin(sessions, eq(sessions.id, meetings.sessionId))
    .leftJoin(academyVideoSettings, eq(academyVideoSettings.academyId, sessions.academyId))
    .leftJoin(users, eq(users.id, claimed ?? -1))
    .where(eq(meetings.roomName, roomName));
  if (!row) return { ...none, flag: 'unknown_room' };
  const session: SessionInfo = {
    id: row.id,
    academyId: row.academyId,
    teacherId: row.teacherId,
    scheduledAt: row.scheduledAt,
    durationMinutes: row.durationMinutes,
    meetingEndedAt: row.meetingEndedAt,
  };
  const base = { session, sessionStatus: row.status, settings: row.settings ?? undefined, userId: null, userRole: undefined };
  if (!participant) return { ...base, flag: null };
  if (participant.permission?.hidden) return { ...base, flag: 'hidden_participant' };
  if (row.userId === null || (row.userAcademyId !== null && row.userAcademyId !== row.academyId)) {
    return { ...base, flag: 'unknown_identity' };
  }
  // The two conditions must agree, or attendance would be written without its lock.
  if (row.locked !== true) throw new Error(`attendance lock not taken for ${participant.identity} in ${roomName}`);
  return { ...base, userId: row.userId, userRole: row.userRole ?? undefined, flag: null };
}
