/**
 * Recent sweep runs for the admin dashboard. A run over every academy holds
 * every academy's counts and errors, so an academy's staff see only their own
 * academy's entry of it; the super admin sees the totals (or one academy's
 * entry when they ask for it).
 */
import 'server-only';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { sweepRuns } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import type { Academy } from '@/server/modules/academies';
import { SWEEP_JOB_NAMES, type AcademyRef, type SweepError, type SweepJob } from './report';

export interface RecentRun {
  id: number;
  job: string;
  startedAt: Date;
  finishedAt: Date;
  durationMs: number;
  /** The run's own --academy filter; null = it ran over every academy. */
  academyFilter: AcademyRef | null;
  ok: boolean;
  counts: Record<string, number>;
  errors: SweepError[];
}

interface StoredReport {
  academy?: AcademyRef | null;
  ok?: boolean;
  totals?: Record<string, unknown>;
  academies?: (Record<string, unknown> & { academyId: number; errors?: SweepError[] })[];
}

const MAX_ERRORS = 20;

function numbers(source: Record<string, unknown> | undefined, skip: string[] = []): Record<string, number> {
  return Object.fromEntries(Object.entries(source ?? {}).filter(([k, v]) => typeof v === 'number' && !skip.includes(k))) as Record<string, number>;
}

/** `academy` is the one the caller may act on (resolveAcademy); null: a super admin's every academy. */
export async function listRecentRuns(deps: Pick<Deps, 'db'>, academy: Academy | null, input: { job?: SweepJob; limit?: number } = {}): Promise<RecentRun[]> {
  const scope = academy?.id ?? null;
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100);
  // One index range per job (job, started_at) rather than a sort of the whole table.
  const perJob = await Promise.all(
    (input.job ? [input.job] : SWEEP_JOB_NAMES).map((job) =>
      deps.db
        .select()
        .from(sweepRuns)
        .where(and(eq(sweepRuns.job, job), scope === null ? undefined : or(isNull(sweepRuns.academyId), eq(sweepRuns.academyId, scope))))
        .orderBy(desc(sweepRuns.startedAt))
        .limit(limit),
    ),
  );
  const rows = perJob
    .flat()
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id - a.id)
    .slice(0, limit);

  return rows.map((row) => {
    const report = row.report as StoredReport;
    const base = {
      id: row.id,
      job: row.job,
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      durationMs: row.finishedAt.getTime() - row.startedAt.getTime(),
      academyFilter: report.academy ?? null,
    };
    if (scope === null) {
      const errors = (report.academies ?? []).flatMap((a) => a.errors ?? []).slice(0, MAX_ERRORS);
      return { ...base, ok: report.ok ?? true, counts: numbers(report.totals), errors };
    }
    const own = (report.academies ?? []).find((a) => a.academyId === scope);
    const errors = (own?.errors ?? []).slice(0, MAX_ERRORS);
    const counts = numbers(own, ['academyId']);
    return { ...base, ok: (counts.failed ?? 0) === 0, counts, errors };
  });
}
