/**
 * Every real run leaves a row in sweep_runs for the admins' sweep
 * statistics. The stored report keeps counts and failures but not the list
 * of every session handled, which can run to thousands.
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import { sweepRuns } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { sumCounts, type AcademyRef, type SkippedAcademy, type SweepJob, type SweepReport } from './report';

export function summarizeReport<C extends object, E extends object>(report: SweepReport<C, E, SweepJob>) {
  return {
    ...report,
    academies: report.academies.map(({ sessions, ...rest }) => ({
      ...rest,
      failedSessions: sessions.filter((s) => s.outcome === 'failed').map((s) => s.sessionId),
    })),
  };
}

export async function recordSweepRun<C extends object, E extends object>(
  db: DbExecutor,
  report: SweepReport<C, E, SweepJob>,
  timing: { startedAt: Date; finishedAt: Date },
): Promise<void> {
  await db.insert(sweepRuns).values({
    job: report.job,
    dryRun: report.dryRun,
    academyId: report.academy?.academyId ?? null,
    startedAt: timing.startedAt,
    finishedAt: timing.finishedAt,
    report: summarizeReport(report),
  });
}

export interface SweepRun<J extends SweepJob> {
  job: J;
  dryRun: boolean;
  now: Date;
  academy: AcademyRef | null;
  locking: string;
  skippedAcademies: SkippedAcademy[];
  /** When the run began, by the injected clock and by the monotonic one. */
  startedAt: Date;
  startedMs: number;
}

/**
 * The end every sweep shares: per-academy entries sorted and summed into the
 * report, and a real run recorded in sweep_runs.
 */
export async function finishSweep<C extends { failed: number }, E extends object, J extends SweepJob>(
  deps: Pick<Deps, 'db' | 'clock'>,
  run: SweepRun<J>,
  countKeys: readonly (keyof C & string)[],
  entries: Iterable<SweepReport<C, E, J>['academies'][number]>,
): Promise<SweepReport<C, E, J>> {
  const academies = [...entries].map((e) => ({ ...e, sessions: e.sessions.sort((a, b) => a.sessionId - b.sessionId) }));
  const totals = { academies: academies.length, ...sumCounts(countKeys, academies as unknown as { [P in keyof C & string]: number }[]) } as C & { academies: number };
  const report: SweepReport<C, E, J> = {
    job: run.job,
    dryRun: run.dryRun,
    now: run.now.toISOString(),
    academy: run.academy,
    locking: run.locking,
    academies,
    skippedAcademies: run.skippedAcademies,
    totals,
    durationMs: Math.round(performance.now() - run.startedMs),
    ok: totals.failed === 0,
  };
  if (!run.dryRun) await recordSweepRun(deps.db, report, { startedAt: run.startedAt, finishedAt: deps.clock.now() });
  return report;
}
