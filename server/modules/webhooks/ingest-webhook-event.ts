/**
 * Webhook intake (docs/architecture.md#a-webhook): stores a verified LiveKit
 * event once, by its event id, and hands it to the domain that owns its
 * type, in the same transaction: a duplicate is a no-op, and an event is
 * never acknowledged unless it was stored. Unknown rooms and identities are
 * stored with a flag and change nothing.
 *
 *   participant_joined / participant_left   attendance (and the session's start; the teacher's arrival)
 *   room_finished                           attendance's finalisation
 *   egress_started / _updated / _ended      recordings
 *
 * An event whose effect can never apply is stored flagged `cannot_apply`
 * with its reason (webhook-failure.ts) and answered as stored; only a
 * transient failure reaches the caller, so LiveKit retries just those.
 */
import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Tx } from '@/server/db';
import { notifyCommitted, type RoomSignal } from '@/server/db/notify';
import { logger } from '@/server/lib/logger';
import { academyVideoSettings, meetings, sessions, users, webhookEvents, type WebhookFlag } from '@/server/db/schema';
import { egressReportOf } from '@/server/livekit/egress';
import type { WebhookEvent } from '@/server/livekit/webhook-receiver';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import type { AcademyVideoSettings } from '@/server/modules/academies';
import { finalizeSessionInTx, recordWebhookJoin, recordWebhookLeave, type SessionInfo, type WebhookParticipantEvent } from '@/server/modules/attendance';
import { markTeacherArrived } from '@/server/modules/controls';
import { holdRoomForTeacher } from '@/server/modules/meetings';
import { saveEgressReport } from '@/server/modules/recordings';
import type { IngestOutcome } from './ingest-outcome';
import { recordWebhookProblem } from './record-webhook-problem';
import { failureReason, isTransientFailure } from './webhook-failure';


const OPENS_CLASS = new Set(['supervisor', 'academy_admin', 'super_admin']);

const PARTICIPANT_EVENTS = new Set(['participant_joined', 'participant_left', 'participant_connection_aborted']);

/** What a handler gets: the stored event, its room's session and, for a participant event, the known user. */
interface Stored {
  tx: Tx;
  event: WebhookEvent;
  target: Target & { session: SessionInfo };
  occurredAt: Date;
  signals: RoomSignal[];
}

type Handler = (stored: Stored) => Promise<{ startedSessionId?: number } | void>;

function participantEvent({ event, target, occurredAt }: Stored): WebhookParticipantEvent | null {
  const participant = event.participant;
  if (!participant || target.userId === null) return null;
  const joinedAtMs = Number(participant.joinedAtMs) || Number(participant.joinedAt) * 1000;
  return {
    session: target.session,
    sessionStatus: target.sessionStatus ?? '',
    settings: target.settings,
    userId: target.userId,
    userRole: target.userRole,
    participantSid: participant.sid,
    occurredAt,
    joinedAt: joinedAtMs ? new Date(joinedAtMs) : null,
    sourceEventId: event.id,
  };
}

const egress: Handler = async ({ tx, event, target, occurredAt, signals }) => {
  if (!event.egressInfo) return;
  const session = target.session;
  signals.push(await saveEgressReport(tx, { academyId: session.academyId, sessionId: session.id }, egressReportOf(event.egressInfo), { now: occurredAt, signal: false }));
};

/** Each event type's owner; types not listed are stored and change nothing. */
const HANDLERS: Record<string, Handler> = {
  participant_joined: async (stored) => {
    const e = participantEvent(stored);
    if (!e) return;
    const { started } = await recordWebhookJoin(stored.tx, e);
    stored.signals.push({ sessionId: e.session.id, kind: 'attendance', id: stored.event.id });
    // The teacher's first join (or a manager's, visibly, standing in) opens the class for waiting students
    // (docs/rules.md#running-over-and-ending). Hidden joins never reach here.
    if ((e.userId === e.session.teacherId || OPENS_CLASS.has(e.userRole ?? '')) && (await markTeacherArrived(stored.tx, { academyId: e.session.academyId, sessionId: e.session.id }, e.occurredAt))) {
      stored.signals.push({ sessionId: e.session.id, kind: 'state', id: stored.event.id });
    }
    return started ? { startedSessionId: e.session.id } : undefined;
  },
  participant_left: async (stored) => {
    const e = participantEvent(stored);
    if (!e) return;
    await recordWebhookLeave(stored.tx, e);
    if (e.userId === e.session.teacherId) await holdRoomForTeacher(stored.tx, e.session);
    stored.signals.push({ sessionId: e.session.id, kind: 'attendance', id: stored.event.id });
  },
  room_finished: async ({ tx, target, occurredAt }) => {
    await finalizeSessionInTx(tx, target.session.id, { now: occurredAt });
  },
  egress_started: egress,
  egress_updated: egress,
  egress_ended: egress,
};

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

    const handle = HANDLERS[event.event];
    const result = handle ? await handle({ tx, event, target: { ...target, session: target.session }, occurredAt, signals }) : undefined;
    return { duplicate: false, flag: null, ...(result?.startedSessionId === undefined ? {} : { startedSessionId: result.startedSessionId }) };
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
      extendedMinutes: sessions.extendedMinutes,
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
    extendedMinutes: row.extendedMinutes,
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
