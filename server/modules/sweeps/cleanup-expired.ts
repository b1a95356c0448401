/**
 * cleanup-expired (docs/operations.md#sweeps): ends the rooms of sessions that are over and
 * closes sessions left open long past their end (cleanup-rule.ts says which).
 * Ending goes through endMeetingForSession (remove everyone, delete the room,
 * finalise attendance, complete the session); a scheduled session that never
 * got a room is finalised as absent with finalizeSessionInTx.
 *
 * Concurrency: each session is handled in its own transaction that first
 * claims it with `pg_try_advisory_xact_lock(CLEANUP_CLAIM_KEY, sessionId)`;
 * a second sweep that cannot get the claim skips the session, and once the
 * first commits it re-reads the session as completed: a meeting is never
 * ended twice. An advisory claim rather than the session row (create-scheduled
 * uses the row): ending finalises attendance, which takes the per-(session,
 * user) attendance locks before the session row — the order webhooks use too.
 * Holding the row across the end would invert that order, and the leave
 * webhooks our own participant removals cause would deadlock with us. The
 * claim sits in its own key space (positive first key; attendance uses the
 * negated session id) and is taken before anything else, so it fits the order.
 */
import 'server-only';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db, DbExecutor } from '@/server/db';
import { meetings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { fixedClock } from '@/server/lib/clock';
import { finalizeSessionInTx } from '@/server/modules/attendance';
import { issueCommand } from '@/server/modules/controls';
import { endMeetingForSession } from '@/server/modules/meetings';
import { OPEN_STATUSES_SQL } from '@/server/modules/sessions';
import { cleanupDecision, cleanupScheduledBound, type CleanupAction, type CleanupWait } from './cleanup-rule';
import { forEachConcurrently } from './pool';
import { finishSweep } from './record-run';
import { concurrencyOf, errorMessage, type SweepItem, type SweepOptions, type SweepReport } from './report';
import { loadSweepAcademies, type SweepAcademy } from './sweep-academies';

export interface CleanupCounts {
  /** Open sessions the index range returned. */
  checked: number;
  /** Sessions the rule acted on: ended + closed + failed + skipped. */
  processed: number;
  /** Live meetings ended. */
  ended: number;
  /** Sessions without a live meeting finalised. */
  closed: number;
  failed: number;
  skipped: number;
}

export interface CleanupExtra {
  autoEnd: boolean;
  /** Checked sessions left open for now, by reason. */
  waiting: Partial<Record<CleanupWait, number>>;
}

export type CleanupReport = SweepReport<CleanupCounts, CleanupExtra, 'cleanup-expired'>;

const COUNT_KEYS = ['checked', 'processed', 'ended', 'closed', 'failed', 'skipped'] as const;

export const CLEANUP_LOCKING =
  'per-session transaction: pg_try_advisory_xact_lock(claim key, session id) taken first (busy = skipped), rule re-checked on a fresh read, the meeting ended and attendance finalised in that transaction';

/** 'swee' in ASCII; positive, so it never meets the attendance locks' negated session ids. */
export const CLEANUP_CLAIM_KEY = 0x73776565;

/** The teacher's record says they are in the room now (live records: recomputed at every join and leave). */
const teacherPresentSql = sql<boolean>`EXISTS (SELECT 1 FROM attendance_records r WHERE r.session_id = ${sessions.id} AND r.user_id = ${sessions.teacherId} AND r.in_room)`;

export function cleanupCandidatesQuery(db: DbExecutor, input: { bound: Date; academyIds: number[] }) {
  return db
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      extendedMinutes: sessions.extendedMinutes,
      status: sessions.status,
      meetingId: meetings.id,
      meetingEndedAt: meetings.endedAt,
      persistUntil: meetings.persistUntil,
      teacherPresent: teacherPresentSql,
    })
    .from(sessions)
    .leftJoin(meetings, eq(meetings.sessionId, sessions.id))
    .where(
      and(
        sql`${sessions.status} IN (${OPEN_STATUSES_SQL})`,
        lte(sessions.scheduledAt, input.bound),
        inArray(sessions.academyId, input.academyIds),
      ),
    )
    .orderBy(asc(sessions.scheduledAt), asc(sessions.id));
}

interface Planned {
  academy: SweepAcademy;
  sessionId: number;
  action: CleanupAction;
}

type Entry = CleanupReport['academies'][number];

export async function cleanupExpiredMeetings(deps: Deps, options: SweepOptions = {}): Promise<CleanupReport> {
  const startedMs = performance.now();
  const startedAt = deps.clock.now();
  const now = options.now ?? startedAt;
  const dryRun = options.dryRun ?? false;
  const { academies, selected } = await loadSweepAcademies(deps.db, options.academy);
  const byId = new Map(academies.map((a) => [a.id, a]));
  const entries = new Map<number, Entry>(
    academies.map((a) => [
      a.id,
      { academyId: a.id, slug: a.slug, timezone: a.timezone, autoEnd: a.settings.autoEnd, checked: 0, processed: 0, ended: 0, closed: 0, failed: 0, skipped: 0, waiting: {}, errors: [], sessions: [] },
    ]),
  );

  const planned: Planned[] = [];
  if (academies.length > 0) {
    const buffers = academies.filter((a) => a.settings.autoEnd).map((a) => a.settings.endBufferMinutes);
    const bound = cleanupScheduledBound(now, buffers.length ? Math.min(...buffers) : null);
    const rows = await cleanupCandidatesQuery(deps.db, { bound, academyIds: academies.map((a) => a.id) });
    for (const row of rows) {
      const academy = byId.get(row.academyId)!;
      const entry = entries.get(row.academyId)!;
      entry.checked += 1;
      const decision = cleanupDecision({
        now,
        settings: academy.settings,
        session: row,
        meeting: row.meetingId === null ? null : { endedAt: row.meetingEndedAt, persistUntil: row.persistUntil, teacherPresent: row.teacherPresent },
      });
      if ('wait' in decision) entry.waiting[decision.wait] = (entry.waiting[decision.wait] ?? 0) + 1;
      else planned.push({ academy, sessionId: row.id, action: decision.action });
    }
  }

  const runDeps: Deps = { ...deps, clock: fixedClock(now) };
  const total = planned.length;
  let done = 0;
  await forEachConcurrently(planned, concurrencyOf(options), async (p) => {
    const item = dryRun || (p.action === 'end_meeting' && !deps.livekit) ? predictOne(deps, p) : await cleanOne(runDeps, p, now);
    record(entries.get(p.academy.id)!, item);
    done += 1;
    options.onProgress?.({ job: 'cleanup-expired', done, total });
  });

  return finishSweep<CleanupCounts, CleanupExtra, 'cleanup-expired'>(
    deps,
    { job: 'cleanup-expired', dryRun, now, academy: selected, locking: CLEANUP_LOCKING, skippedAcademies: [], startedAt, startedMs },
    COUNT_KEYS,
    entries.values(),
  );
}

function record(entry: Entry, item: SweepItem) {
  entry.processed += 1;
  if (item.outcome === 'ended') entry.ended += 1;
  else if (item.outcome === 'closed') entry.closed += 1;
  else if (item.outcome === 'failed') {
    entry.failed += 1;
    entry.errors.push({ sessionId: item.sessionId, message: item.error ?? 'failed' });
  } else entry.skipped += 1;
  entry.sessions.push(item);
}

function predictOne(deps: Deps, { sessionId, action }: Planned): SweepItem {
  if (action === 'close_session') return { sessionId, outcome: 'closed' };
  if (!deps.livekit) return { sessionId, outcome: 'failed', error: `Video is unavailable: ${deps.videoUnavailableReason ?? 'not configured'}` };
  return { sessionId, outcome: 'ended' };
}

async function cleanOne(deps: Deps, { academy, sessionId }: Planned, now: Date): Promise<SweepItem> {
  try {
    return await deps.db.transaction(async (tx): Promise<SweepItem> => {
      const [claim] = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${CLEANUP_CLAIM_KEY}::int, ${sessionId}::int) AS ok`);
      if (!claim?.ok) return { sessionId, outcome: 'skipped', reason: 'locked by another run' };
      const [row] = await tx.execute<{
        status: string;
        academy_id: number;
        scheduled_at: string;
        duration_minutes: number;
        extended_minutes: number;
        meeting_id: number | null;
        room_name: string | null;
        ended_at: string | null;
        persist_until: string | null;
        teacher_present: boolean;
      }>(sql`
        SELECT s.status, s.academy_id, s.scheduled_at, s.duration_minutes, s.extended_minutes, m.id AS meeting_id, m.room_name, m.ended_at, m.persist_until,
          EXISTS (SELECT 1 FROM attendance_records r WHERE r.session_id = s.id AND r.user_id = s.teacher_id AND r.in_room) AS teacher_present
        FROM sessions s LEFT JOIN meetings m ON m.session_id = s.id
        WHERE s.id = ${sessionId}`);
      if (!row) return { sessionId, outcome: 'skipped', reason: 'gone' };
      const decision = cleanupDecision({
        now,
        settings: academy.settings,
        session: { scheduledAt: new Date(row.scheduled_at), durationMinutes: row.duration_minutes, extendedMinutes: row.extended_minutes, status: row.status },
        meeting:
          row.meeting_id === null
            ? null
            : {
                endedAt: row.ended_at ? new Date(row.ended_at) : null,
                persistUntil: row.persist_until ? new Date(row.persist_until) : null,
                teacherPresent: row.teacher_present,
              },
      });
      if ('wait' in decision) return { sessionId, outcome: 'skipped', reason: decision.wait };
      if (decision.action === 'close_session') {
        await finalizeSessionInTx(tx, sessionId, { now });
        return { sessionId, outcome: 'closed' };
      }
      // endMeetingForSession given our transaction runs its finalisation as a savepoint of it.
      await endMeetingForSession({ ...deps, db: tx as unknown as Db }, sessionId);
      if (decision.atMaximum && row.room_name) {
        // Everyone still in the room reads why it ended (their event stream carries it; the room is gone).
        await issueCommand(
          { ...deps, db: tx as unknown as Db, livekit: null },
          { academyId: row.academy_id, sessionId, roomName: row.room_name, senderId: null, type: 'meeting_ended', payload: { reason: 'max_length' }, targets: [] },
        );
      }
      return { sessionId, outcome: 'ended' };
    });
  } catch (error) {
    return { sessionId, outcome: 'failed', error: errorMessage(error) };
  }
}
