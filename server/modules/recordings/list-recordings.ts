/**
 * Reading recordings: a session's (session page, room) and an academy's
 * latest (admin dashboard). Who sees what is policy.ts's recordingVisibility;
 * managers also learn whether recording is possible and, if not, why, so the
 * page can say so before anyone clicks.
 */
import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Deps } from '@/server/deps';
import { recordings, sessions, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError, videoUnavailableError, type RefusalReason } from '@/server/lib/domain-error';
import { recordingDownloadUrl, recordingObjectKey } from '@/server/livekit/recording-storage';
import { getAcademyVideoSettings, getTeacherSettings } from '@/server/modules/academies';
import type { Academy } from '@/server/modules/academies';
import { getSessionContextOrThrow } from '@/server/modules/sessions';
import { recordingAllowed, recordingVisibility, recordsByItself } from './policy';
import { recordingStorageError } from './start-recording';
import type { ListAcademyRecordingsInput } from './schemas';

const startedByUser = alias(users, 'started_by_user');

const viewColumns = {
  id: recordings.id,
  sessionId: recordings.sessionId,
  status: recordings.status,
  startedAt: recordings.startedAt,
  endedAt: recordings.endedAt,
  durationMs: recordings.durationMs,
  sizeBytes: recordings.sizeBytes,
  location: recordings.location,
  autoStarted: recordings.autoStarted,
  layout: recordings.layout,
  filePath: recordings.filePath,
  error: recordings.error,
  startedByName: startedByUser.name,
};

export type RecordingView = {
  id: number;
  sessionId: number;
  status: string;
  startedAt: Date;
  endedAt: Date | null;
  durationMs: number | null;
  sizeBytes: number | null;
  location: string | null;
  autoStarted: boolean;
  layout: string | null;
  filePath: string | null;
  error: string | null;
  startedByName: string | null;
  /** A time-limited link to the finished file in the bucket (null until complete, or without storage). */
  downloadUrl: string | null;
};

export interface SessionRecordings {
  canManage: boolean;
  /** Managers only: may this session be recorded, does it start by itself, and what is missing. */
  allowed: boolean;
  recordsByItself: boolean;
  /** What is missing, for the person reading it (English; the page words it by `unavailableCode`). */
  unavailableReason: string | null;
  unavailableCode: RefusalReason | null;
  /** The technical detail (variable names, LiveKit's words): super admins only. */
  unavailableDetail: string | null;
  recordings: RecordingView[];
}

export async function listSessionRecordings(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<SessionRecordings> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  const [academy, teacher] = await Promise.all([getAcademyVideoSettings(deps.db, ctx.session.academyId), getTeacherSettings(deps.db, ctx.session.teacherId)]);
  const visibility = recordingVisibility({ canManage: ctx.canManage, joinRole: ctx.joinRole, studentsSeeRecordings: academy.studentsSeeRecordings });
  if (visibility === 'none') {
    throw new DomainError('FORBIDDEN', ctx.joinRole ? "This academy does not share recordings with students" : 'You are not a participant of this session');
  }
  const rows = await deps.db
    .select(viewColumns)
    .from(recordings)
    .leftJoin(startedByUser, eq(startedByUser.id, recordings.startedBy))
    .where(and(eq(recordings.sessionId, ctx.session.id), visibility === 'finished' ? eq(recordings.status, 'complete') : undefined))
    .orderBy(desc(recordings.startedAt), desc(recordings.id))
    .then((found) => withDownloadUrls(deps, found));
  if (visibility === 'finished') {
    // Who started it, the bucket key and egress errors are for the session's managers.
    return {
      canManage: false,
      allowed: false,
      recordsByItself: false,
      unavailableReason: null,
      unavailableCode: null,
      unavailableDetail: null,
      recordings: rows.map((r) => ({ ...r, filePath: null, error: null, startedByName: null, layout: null })),
    };
  }
  const settings = { academy, teacher };
  const allowed = recordingAllowed(settings);
  const missing = !deps.egress
    ? videoUnavailableError(deps.videoUnavailableReason, 'PRECONDITION_FAILED')
    : !deps.recordingStorage.ok
      ? recordingStorageError(deps.recordingStorage.message)
      : null;

  return {
    canManage: true,
    allowed,
    recordsByItself: ctx.meeting ? recordsByItself(settings, ctx.meeting.options) : false,
    unavailableReason: missing?.message ?? null,
    unavailableCode: missing?.reason ?? null,
    unavailableDetail: missing && actor.role === 'super_admin' ? (missing.detail ?? null) : null,
    recordings: rows,
  };
}

const MAX_ACADEMY_ROWS = 100;

/** The admin dashboard's "recordings" card: the academy's latest, with their sessions. */
export async function listAcademyRecordings(deps: Pick<Deps, 'db' | 'recordingStorage'>, academy: Academy, input: ListAcademyRecordingsInput = {}) {
  const teacher = alias(users, 'teacher');
  return deps.db
    .select({
      ...viewColumns,
      sessionTitle: sessions.title,
      sessionKind: sessions.kind,
      scheduledAt: sessions.scheduledAt,
      teacherName: teacher.name,
    })
    .from(recordings)
    .innerJoin(sessions, eq(sessions.id, recordings.sessionId))
    .innerJoin(teacher, eq(teacher.id, sessions.teacherId))
    .leftJoin(startedByUser, eq(startedByUser.id, recordings.startedBy))
    .where(eq(recordings.academyId, academy.id))
    .orderBy(desc(recordings.startedAt), desc(recordings.id))
    .limit(Math.min(input?.limit ?? 20, MAX_ACADEMY_ROWS))
    .then((found) => withDownloadUrls(deps, found));
}

/** Signs a download link for each finished recording (locally: no call to S3). */
async function withDownloadUrls<T extends { status: string; filePath: string | null; location: string | null }>(
  deps: Pick<Deps, 'recordingStorage'>,
  rows: T[],
): Promise<(T & { downloadUrl: string | null })[]> {
  const storage = deps.recordingStorage;
  return Promise.all(
    rows.map(async (row) => {
      const key = storage.ok && row.status === 'complete' ? recordingObjectKey(storage.s3, row) : null;
      return { ...row, downloadUrl: key && storage.ok ? await recordingDownloadUrl(storage.s3, key) : null };
    }),
  );
}

/** Recordings not yet finished, for the reconcile sweep (a lost egress_ended must not leave one "active" forever). */
export async function listUnfinishedRecordings(deps: Pick<Deps, 'db'>, olderThan: Date) {
  return deps.db
    .select({ id: recordings.id, egressId: recordings.egressId, academyId: recordings.academyId, sessionId: recordings.sessionId })
    .from(recordings)
    .where(and(inArray(recordings.status, ['starting', 'active', 'ending']), sql`${recordings.updatedAt} < ${olderThan}`));
}
