/**
 * Starts a room-composite egress of a session's room to the deployment's S3
 * storage (docs/rules.md#recording). Checks run cheapest first and each failure names its
 * cause: the settings (FORBIDDEN), the room (PRECONDITION_FAILED), storage and
 * the egress service (PRECONDITION_FAILED). A row is written only once
 * LiveKit has accepted the egress, so a failed start leaves nothing behind.
 * A per-session advisory lock makes two concurrent starts (a teacher's click
 * and the automatic start) produce one egress.
 */
import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Tx } from '@/server/db';
import { meetings, recordings } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError, videoUnavailableError } from '@/server/lib/domain-error';
import { logger } from '@/server/lib/logger';
import { EgressGoneError, EgressRefusedError, EgressUnavailableError, type EgressGateway, type RecordingLayout } from '@/server/livekit/egress';
import { recordingFilePath } from '@/server/livekit/recording-storage';
import { getAcademyVideoSettings, getTeacherSettings } from '@/server/modules/academies';
import { assertCanManage, getSessionContextOrThrow, type SessionContext } from '@/server/modules/sessions';
import { EGRESS_STATUS } from './egress-state';
import { recordingAllowed, recordsByItself } from './policy';
import { saveEgressReport, type Recording } from './recording-store';
import type { StartRecordingInput } from './schemas';

/** First advisory-lock key of recording starts (ASCII "reco"); the second is the session id. */
const RECORDING_LOCK_KEY = 0x7265636f;
const DEFAULT_LAYOUT: RecordingLayout = 'grid';
/** Who the automatic start acts as: the platform itself (every academy, no user of its own). */
const SCHEDULER: Actor = { id: 0, role: 'super_admin', academyId: null, name: 'Halaqa scheduler' };

export interface StartRecordingResult {
  recording: Recording;
  /** false when the session was already being recorded (the existing recording is returned). */
  started: boolean;
}

export async function startRecording(deps: Deps, actor: Actor, input: StartRecordingInput): Promise<StartRecordingResult> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const result = await startRecordingFor(deps, ctx, { startedBy: actor.id, autoStarted: false, layout: input.layout ?? DEFAULT_LAYOUT });
  // A start by hand counts as the meeting's one start: the automatic one will not follow it.
  await claimRecordingStart(deps, result.recording.sessionId);
  return result;
}

/** Marks the meeting's recording as started once; false when it already was. */
async function claimRecordingStart(deps: Deps, sessionId: number): Promise<boolean> {
  const claimed = await deps.db
    .update(meetings)
    .set({ autoRecordingAt: deps.clock.now() })
    .where(and(eq(meetings.sessionId, sessionId), isNull(meetings.endedAt), isNull(meetings.autoRecordingAt)))
    .returning({ id: meetings.id });
  return claimed.length > 0;
}

/**
 * The automatic start (the settings' "record by default"), run once when a
 * session's first participant arrives. Never throws: a recording that could
 * not start is logged, and the teacher can still start one by hand.
 */
export async function startRecordingByItself(deps: Deps, sessionId: number): Promise<'started' | 'already' | 'off' | 'failed'> {
  try {
    const ctx = await getSessionContextOrThrow(deps.db, SCHEDULER, sessionId);
    if (!ctx.meeting || ctx.meeting.endedAt) return 'off';
    const settings = await recordingSettingsOf(deps, ctx);
    if (!recordsByItself(settings, ctx.meeting.options)) return 'off';
    // Once per meeting, claimed in the database: a teacher who stopped it (or started one by hand)
    // is not overruled by the next arrival, on any instance.
    if (!(await claimRecordingStart(deps, sessionId))) return 'already';
    try {
      const { started } = await startRecordingFor(deps, ctx, { startedBy: null, autoStarted: true, layout: DEFAULT_LAYOUT });
      return started ? 'started' : 'already';
    } catch (error) {
      // Not started: the next arrival may try again.
      await deps.db.update(meetings).set({ autoRecordingAt: null }).where(eq(meetings.id, ctx.meeting.id));
      throw error;
    }
  } catch (error) {
    logger.warn('automatic recording did not start', { sessionId, error: String(error), detail: error instanceof DomainError ? error.detail : undefined });
    return 'failed';
  }
}

async function recordingSettingsOf(deps: Deps, ctx: SessionContext) {
  const [academy, teacher] = await Promise.all([getAcademyVideoSettings(deps.db, ctx.session.academyId), getTeacherSettings(deps.db, ctx.session.teacherId)]);
  return { academy, teacher };
}

async function startRecordingFor(
  deps: Deps,
  ctx: SessionContext,
  details: { startedBy: number | null; autoStarted: boolean; layout: RecordingLayout },
): Promise<StartRecordingResult> {
  const settings = await recordingSettingsOf(deps, ctx);
  if (!recordingAllowed(settings)) {
    throw new DomainError('FORBIDDEN', "Recording is turned off for this session by the academy's or the teacher's settings", { reason: 'recording-turned-off' });
  }
  const meeting = ctx.meeting;
  if (!meeting || meeting.endedAt) {
    throw new DomainError('PRECONDITION_FAILED', 'The session has no open room to record: start the meeting first', { reason: 'recording-no-room' });
  }
  const storage = deps.recordingStorage;
  if (!storage.ok) throw recordingStorageError(storage.message);
  const egress = requireEgress(deps);

  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${RECORDING_LOCK_KEY}::int, ${ctx.session.id}::int)`);
    const running = await runningRecording(tx, ctx.session.id);
    if (running) return { recording: running, started: false };

    const now = deps.clock.now();
    const owner = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
    // Also the cheap way to learn whether an egress service is there at all
    // (without one LiveKit answers at once; a start would wait ~20 s), and
    // adopts an egress someone started outside Halaqa instead of adding one.
    const live = (await withEgress(() => egress.list({ roomName: meeting.roomName, active: true }))).filter((r) => r.egressStatus <= EGRESS_STATUS.ACTIVE);
    if (live.length > 0) {
      for (const report of live) await saveEgressReport(tx, owner, report, { now });
      // LiveKit's list can lag behind what we already stored (an egress we know has ended
      // may still be listed as starting): only one still unfinished here is adopted.
      const adopted = await runningRecording(tx, ctx.session.id);
      if (adopted) return { recording: adopted, started: false };
    }
    const filePath = recordingFilePath({ academySlug: ctx.academy.slug, roomName: meeting.roomName, startedAt: now });
    const report = await withEgress(() => egress.startRoomComposite({ roomName: meeting.roomName, layout: details.layout, filePath, storage: storage.s3, encoding: storage.encoding, customBaseUrl: recordingLayoutUrl(deps.appUrl) })).catch(
      (error: unknown) => {
        if (error instanceof EgressGoneError) {
          throw new DomainError('PRECONDITION_FAILED', 'The meeting’s room is not open: start the meeting first', {
            cause: error,
            reason: 'recording-no-room',
            detail: `LiveKit has no open room for this session: ${error.message}`,
          });
        }
        throw error;
      },
    );
    try {
      await saveEgressReport(tx, owner, report, { now, start: { ...details, filePath } });
    } catch (error) {
      // Not stored means nobody could stop it from Halaqa: stop it rather than record unseen.
      await egress.stop(report.egressId).catch(() => undefined);
      throw error;
    }
    const [row] = await tx.select().from(recordings).where(eq(recordings.egressId, report.egressId));
    return { recording: row!, started: true };
  });
}

async function runningRecording(tx: Tx, sessionId: number): Promise<Recording | undefined> {
  const [row] = await tx
    .select()
    .from(recordings)
    .where(and(eq(recordings.sessionId, sessionId), inArray(recordings.status, ['starting', 'active'])))
    .orderBy(recordings.startedAt)
    .limit(1);
  return row;
}

/** Our layout page, which egress films (app/recording-layout; egress adds ?url, token and layout). */
export function recordingLayoutUrl(appUrl: string): string {
  return `${appUrl.replace(/\/$/, '')}/recording-layout`;
}

/** Storage is the installation's business: the teacher is told to ask, the detail names the variables. */
export function recordingStorageError(detail: string): DomainError {
  return new DomainError('PRECONDITION_FAILED', 'Recording is not set up on this installation yet. Ask the platform administrator.', { reason: 'recording-storage', detail });
}

export function requireEgress(deps: Pick<Deps, 'egress' | 'videoUnavailableReason'>): EgressGateway {
  if (!deps.egress) throw videoUnavailableError(deps.videoUnavailableReason, 'PRECONDITION_FAILED');
  return deps.egress;
}

/**
 * Runs an egress call; "no egress service" and LiveKit's refusals become the
 * clear PRECONDITION_FAILED the procedures promise (never a 500). An egress
 * that is gone is left to the caller, which knows what that means.
 */
export async function withEgress<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof EgressUnavailableError) {
      throw new DomainError('PRECONDITION_FAILED', 'The recording service is not available right now. Please try again later.', {
        cause: error,
        reason: 'recording-service',
        detail: `No LiveKit egress service is available to record (it needs Redis and an egress worker beside the LiveKit server): ${error.message}`,
      });
    }
    if (error instanceof EgressRefusedError) {
      throw new DomainError('PRECONDITION_FAILED', 'The recording could not be started. Please try again later.', {
        cause: error,
        reason: 'recording-refused',
        detail: `LiveKit refused the recording: ${error.message}`,
      });
    }
    throw error;
  }
}
