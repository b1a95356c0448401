/**
 * reconcile-attendance (docs/rules.md#attendance, docs/operations.md#sweeps): for every live meeting (not ended, its
 * session ready or ongoing) compares the event log with LiveKit's live
 * participant list through reconcileMeeting, which adds the joins and leaves
 * webhooks missed.
 *
 * It also asks LiveKit about recordings still unfinished after a quiet
 * while (a lost egress_ended must not leave one "active"; see
 * recordings/refresh-recordings.ts), and finalises sessions whose
 * room_finished webhook could not apply (stored flagged `cannot_apply`:
 * webhooks/webhook-failure.ts) by the normal rules, at the time the room
 * finished (stranded-sessions.ts).
 *
 * Concurrency: no lock of our own. reconcileMeeting writes its repairs under
 * the per-(session, user) advisory locks the webhook handler uses, with
 * deterministic event ids (insert … on conflict do nothing), so two runs at
 * once cannot store a repair twice; holding a session or meeting row lock
 * across its LiveKit call would only make arriving webhooks wait.
 */
import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { meetings, sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { fixedClock } from '@/server/lib/clock';
import { reconcileMeeting } from '@/server/modules/attendance';
import { refreshUnfinishedRecordings } from '@/server/modules/recordings';
import { finalizeStrandedSession, strandedSessionsQuery } from './stranded-sessions';
import { forEachConcurrently } from './pool';
import { finishSweep } from './record-run';
import { concurrencyOf, errorMessage, type SweepItem, type SweepOptions, type SweepReport } from './report';
import { loadSweepAcademies } from './sweep-academies';

export interface ReconcileCounts {
  /** Live meetings looked at: reconciled + failed. */
  checked: number;
  reconciled: number;
  /** Meetings where something was repaired. */
  repaired: number;
  joinsAdded: number;
  leavesAdded: number;
  failed: number;
  /** Unfinished recordings asked about, and those whose state LiveKit moved on. */
  recordingsChecked: number;
  recordingsUpdated: number;
  /** Sessions finalised after their room_finished webhook could not apply. */
  strandedFinalized: number;
}

export type ReconcileReport = SweepReport<ReconcileCounts, object, 'reconcile-attendance'>;

const COUNT_KEYS = ['checked', 'reconciled', 'repaired', 'joinsAdded', 'leavesAdded', 'failed', 'recordingsChecked', 'recordingsUpdated', 'strandedFinalized'] as const;

export const RECONCILE_LOCKING =
  'none of its own: repairs are written under the per-(session, user) advisory locks with deterministic event ids, so concurrent runs cannot store one twice';

export function liveMeetingsQuery(db: DbExecutor, input: { academyIds: number[] }) {
  return db
    .select({ sessionId: meetings.sessionId, academyId: sessions.academyId })
    .from(meetings)
    .innerJoin(sessions, eq(sessions.id, meetings.sessionId))
    .where(and(isNull(meetings.endedAt), sql`${sessions.status} IN ('ready', 'ongoing')`, inArray(sessions.academyId, input.academyIds)))
    .orderBy(asc(meetings.sessionId));
}

type Entry = ReconcileReport['academies'][number];

export async function reconcileAttendance(deps: Deps, options: SweepOptions = {}): Promise<ReconcileReport> {
  const startedMs = performance.now();
  const startedAt = deps.clock.now();
  const now = options.now ?? startedAt;
  const dryRun = options.dryRun ?? false;
  const { academies, selected } = await loadSweepAcademies(deps.db, options.academy);
  const entries = new Map<number, Entry>(
    academies.map((a) => [
      a.id,
      {
        academyId: a.id,
        slug: a.slug,
        timezone: a.timezone,
        checked: 0,
        reconciled: 0,
        repaired: 0,
        joinsAdded: 0,
        leavesAdded: 0,
        failed: 0,
        recordingsChecked: 0,
        recordingsUpdated: 0,
        strandedFinalized: 0,
        errors: [],
        sessions: [],
      },
    ]),
  );
  const live = academies.length ? await liveMeetingsQuery(deps.db, { academyIds: academies.map((a) => a.id) }) : [];

  const runDeps: Deps = { ...deps, clock: fixedClock(now) };
  let done = 0;
  await forEachConcurrently(live, concurrencyOf(options), async ({ sessionId, academyId }) => {
    let item: SweepItem;
    try {
      const result = await reconcileMeeting(runDeps, { sessionId, dryRun });
      item = { sessionId, outcome: 'reconciled', joinsAdded: result.joinsAdded, leavesAdded: result.leavesAdded };
    } catch (error) {
      item = { sessionId, outcome: 'failed', error: errorMessage(error) };
    }
    record(entries.get(academyId)!, item);
    done += 1;
    options.onProgress?.({ job: 'reconcile-attendance', done, total: live.length });
  });

  for (const refresh of await refreshUnfinishedRecordings(deps, { academyIds: academies.map((a) => a.id), now, dryRun })) {
    const entry = entries.get(refresh.academyId)!;
    entry.recordingsChecked += 1;
    if (refresh.outcome === 'updated') entry.recordingsUpdated += 1;
    if (refresh.outcome === 'failed') entry.errors.push({ sessionId: refresh.sessionId, message: `recording ${refresh.egressId}: ${refresh.error}` });
  }

  const stranded = academies.length ? await strandedSessionsQuery(deps.db, { academyIds: academies.map((a) => a.id) }) : [];
  for (const session of stranded) {
    const entry = entries.get(session.academyId)!;
    try {
      if (!dryRun) await finalizeStrandedSession(deps.db, session);
      entry.strandedFinalized += 1;
      entry.sessions.push({ sessionId: session.sessionId, outcome: 'ended', reason: `room_finished could not apply: ${session.problem}` });
    } catch (error) {
      entry.failed += 1;
      entry.errors.push({ sessionId: session.sessionId, message: `finalising after room_finished could not apply: ${errorMessage(error)}` });
      entry.sessions.push({ sessionId: session.sessionId, outcome: 'failed', error: errorMessage(error) });
    }
  }

  return finishSweep<ReconcileCounts, object, 'reconcile-attendance'>(
    deps,
    { job: 'reconcile-attendance', dryRun, now, academy: selected, locking: RECONCILE_LOCKING, skippedAcademies: [], startedAt, startedMs },
    COUNT_KEYS,
    entries.values(),
  );
}

function record(entry: Entry, item: SweepItem) {
  entry.checked += 1;
  if (item.outcome === 'failed') {
    entry.failed += 1;
    entry.errors.push({ sessionId: item.sessionId, message: item.error ?? 'failed' });
  } else {
    entry.reconciled += 1;
    const joins = item.joinsAdded ?? 0;
    const leaves = item.leavesAdded ?? 0;
    entry.joinsAdded += joins;
    entry.leavesAdded += leaves;
    if (joins + leaves > 0) entry.repaired += 1;
  }
  entry.sessions.push(item);
}
