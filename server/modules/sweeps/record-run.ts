/**
 * Every real run leaves a row in sweep_runs for the admins' sweep
 * statistics. The stored report keeps counts and failures but not the list
 * of every session handled, which can run to thousands.
 */
import type { DbExecutor } from '@/server/db';
import { sweepRuns } from '@/server/db/schema';
import type { SweepJob, SweepReport } from './report';

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
