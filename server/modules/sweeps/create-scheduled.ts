/**
 * create-scheduled (docs/operations.md#sweeps): opens the LiveKit room of every session that is
 * due one, in academies with auto-create on.
 *
 * Selection is two-step: an index range on `scheduled_at` (the partial index
 * on scheduled sessions) bounded by eligibleScheduledRange, then the pure
 * rule creationIneligibility per row in the academy's own timezone and
 * settings — so SQL never has to know about local windows or blocked days.
 *
 * Due sessions are created in batches (create-batch.ts), two batches in
 * flight, with at most `concurrency` LiveKit calls at once across them.
 *
 * Concurrency between runs: a batch holds its session rows `FOR UPDATE SKIP
 * LOCKED` from before its LiveKit calls until its commit and re-checks the
 * rule on the locked rows. A second run skips rows the first holds instead
 * of queueing behind its LiveKit calls, and after the first commits those
 * sessions are `ready` and no longer match: no room is created twice. The
 * session row rather than an advisory lock because it is the lock every other
 * writer of a session's status already takes — createMeeting from a teacher's
 * click waits for it, then finds the meeting — so one mechanism keeps sweeps
 * apart from each other and from people. A failed creation stores nothing:
 * the session stays `scheduled` and eligible for the next run.
 */
import 'server-only';
import { and, asc, gte, inArray, lte, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { sessions } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { fixedClock } from '@/server/lib/clock';
import { creationIneligibility, eligibleScheduledRange, type Ineligibility } from '@/server/modules/scheduling';
import { createBatch, type BatchEntry } from './create-batch';
import { createLimiter, forEachConcurrently } from './pool';
import { finishSweep } from './record-run';
import {
  concurrencyOf,
  errorMessage,
  type SkippedAcademy,
  type SweepItem,
  type SweepOptions,
  type SweepReport,
} from './report';
import { loadSweepAcademies, type SweepAcademy } from './sweep-academies';

export interface CreateScheduledCounts {
  /** Rows the index range returned. */
  candidates: number;
  /** Sessions the rule accepted: created + failed + skipped. */
  processed: number;
  created: number;
  failed: number;
  /** Taken by another run meanwhile, or changed since they were read. */
  skipped: number;
}

export interface CreateScheduledExtra {
  /** Candidates the rule turned down, by reason. */
  ineligible: Partial<Record<Ineligibility, number>>;
}

export type CreateScheduledReport = SweepReport<CreateScheduledCounts, CreateScheduledExtra, 'create-scheduled'>;

const COUNT_KEYS = ['candidates', 'processed', 'created', 'failed', 'skipped'] as const;

export const CREATE_LOCKING =
  'session rows taken FOR UPDATE SKIP LOCKED (per batch) from before the LiveKit calls until the commit; rows another run holds are skipped; the rule is re-checked on the locked rows';

/** Sessions per batch transaction, as a multiple of the LiveKit concurrency. */
const BATCH_FACTOR = 4;
const BATCHES_IN_FLIGHT = 2;

/** The prefilter; exported so the benchmark can EXPLAIN exactly this query. */
export function creationCandidatesQuery(db: DbExecutor, input: { from: Date; to: Date; academyIds: number[] }) {
  return db
    .select({
      id: sessions.id,
      academyId: sessions.academyId,
      scheduledAt: sessions.scheduledAt,
      durationMinutes: sessions.durationMinutes,
      status: sessions.status,
      // Spelled out: drizzle renders ${sessions.id} unqualified here, which inside the subquery would mean m.id.
      hasMeeting: sql<boolean>`EXISTS (SELECT 1 FROM meetings m WHERE m.session_id = sessions.id)`,
    })
    .from(sessions)
    .where(
      and(
        // A literal, not a parameter: the partial index's predicate must be provable from the query text.
        sql`${sessions.status} = 'scheduled'`,
        gte(sessions.scheduledAt, input.from),
        lte(sessions.scheduledAt, input.to),
        inArray(sessions.academyId, input.academyIds),
      ),
    )
    .orderBy(asc(sessions.scheduledAt), asc(sessions.id));
}

export async function createScheduledMeetings(deps: Deps, options: SweepOptions = {}): Promise<CreateScheduledReport> {
  const startedMs = performance.now();
  const startedAt = deps.clock.now();
  const now = options.now ?? startedAt;
  const dryRun = options.dryRun ?? false;
  const { academies, selected } = await loadSweepAcademies(deps.db, options.academy);

  const skippedAcademies: SkippedAcademy[] = [];
  const working: SweepAcademy[] = [];
  for (const a of academies) {
    if (!a.settings.autoCreate) skippedAcademies.push({ academyId: a.id, slug: a.slug, reason: 'auto_create_off' });
    else if (!a.active) skippedAcademies.push({ academyId: a.id, slug: a.slug, reason: 'academy_inactive' });
    else working.push(a);
  }

  const entries = new Map(
    working.map((a) => [
      a.id,
      {
        academyId: a.id,
        slug: a.slug,
        timezone: a.timezone,
        candidates: 0,
        processed: 0,
        created: 0,
        failed: 0,
        skipped: 0,
        ineligible: {} as Partial<Record<Ineligibility, number>>,
        errors: [] as { sessionId: number | null; message: string }[],
        sessions: [] as SweepItem[],
      },
    ]),
  );
  const byId = new Map(working.map((a) => [a.id, a]));
  const planned: BatchEntry[] = [];

  if (working.length > 0) {
    const range = eligibleScheduledRange(now, { minutesBefore: Math.max(...working.map((a) => a.settings.minutesBefore)) });
    const rows = await creationCandidatesQuery(deps.db, { ...range, academyIds: working.map((a) => a.id) });
    for (const row of rows) {
      const academy = byId.get(row.academyId)!;
      const entry = entries.get(row.academyId)!;
      entry.candidates += 1;
      try {
        const verdict = creationIneligibility({
          now,
          timezone: academy.timezone,
          academyActive: academy.active,
          settings: academy.settings,
          session: { scheduledAt: row.scheduledAt, durationMinutes: row.durationMinutes, status: row.status, hasMeeting: Boolean(row.hasMeeting) },
        });
        if (verdict) entry.ineligible[verdict] = (entry.ineligible[verdict] ?? 0) + 1;
        else planned.push({ academy, sessionId: row.id });
      } catch (error) {
        // Bad data (an unknown timezone, a malformed window): this session fails, the rest go on.
        record(entry, { sessionId: row.id, outcome: 'failed', error: `cannot evaluate eligibility: ${errorMessage(error)}` });
      }
    }
  }

  const runDeps: Deps = { ...deps, clock: fixedClock(now) };
  const concurrency = concurrencyOf(options);
  const livekitCalls = createLimiter(concurrency);
  const batchSize = concurrency * BATCH_FACTOR;
  const batches = Array.from({ length: Math.ceil(planned.length / batchSize) }, (_, i) => planned.slice(i * batchSize, (i + 1) * batchSize));
  const total = planned.length;
  let done = 0;
  const settle = (academyId: number, item: SweepItem) => {
    record(entries.get(academyId)!, item);
    done += 1;
    options.onProgress?.({ job: 'create-scheduled', done, total });
  };
  await forEachConcurrently(batches, BATCHES_IN_FLIGHT, async (batch) => {
    if (dryRun || !deps.livekit) {
      for (const { academy, sessionId } of batch) settle(academy.id, predictOne(deps, sessionId));
      return;
    }
    const academyOf = new Map(batch.map((e) => [e.sessionId, e.academy.id]));
    await createBatch(runDeps, batch, now, livekitCalls, (item) => settle(academyOf.get(item.sessionId)!, item));
  });

  return finishSweep<CreateScheduledCounts, CreateScheduledExtra, 'create-scheduled'>(
    deps,
    { job: 'create-scheduled', dryRun, now, academy: selected, locking: CREATE_LOCKING, skippedAcademies: skippedAcademies, startedAt, startedMs },
    COUNT_KEYS,
    entries.values(),
  );
}

type Entry = CreateScheduledCounts & { errors: { sessionId: number | null; message: string }[]; sessions: SweepItem[] };

function record(entry: Entry, item: SweepItem) {
  entry.processed += 1;
  if (item.outcome === 'created') entry.created += 1;
  else if (item.outcome === 'failed') {
    entry.failed += 1;
    entry.errors.push({ sessionId: item.sessionId, message: item.error ?? 'failed' });
  } else entry.skipped += 1;
  entry.sessions.push(item);
}

/** What a real run would do with an eligible session, without touching anything. */
function predictOne(deps: Deps, sessionId: number): SweepItem {
  if (!deps.livekit) {
    return { sessionId, outcome: 'failed', error: `Video is unavailable: ${deps.videoUnavailableReason ?? 'not configured'}` };
  }
  return { sessionId, outcome: 'created' };
}
