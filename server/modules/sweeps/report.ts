/**
 * What every sweep returns (docs/operations.md#sweeps): one entry
 * per academy, totals, time taken. A dry run returns the same report a real
 * run would — same outcomes, same counts — with `dryRun: true` and nothing
 * changed.
 */
import 'server-only';
export const SWEEP_JOB_NAMES = ['create-scheduled', 'cleanup-expired', 'reconcile-attendance', 'notify'] as const;
export type SweepJob = (typeof SWEEP_JOB_NAMES)[number];

export interface SweepProgress {
  job: SweepJob;
  done: number;
  total: number;
}

export interface SweepOptions {
  /** The sweep's clock; defaults to deps.clock. */
  now?: Date;
  dryRun?: boolean;
  /** Only this academy (slug or id). */
  academy?: string | number;
  onProgress?: (progress: SweepProgress) => void;
  /** Sessions worked on at once (default 12, at most 64). */
  concurrency?: number;
}

export type ItemOutcome = 'created' | 'ended' | 'closed' | 'reconciled' | 'failed' | 'skipped';

export interface SweepItem {
  sessionId: number;
  outcome: ItemOutcome;
  /** Why it was skipped (another run holds it, it changed since it was read). */
  reason?: string;
  error?: string;
  joinsAdded?: number;
  leavesAdded?: number;
}

export interface SweepError {
  sessionId: number | null;
  message: string;
}

export interface AcademyRef {
  academyId: number;
  slug: string;
}

export interface SkippedAcademy extends AcademyRef {
  reason: 'auto_create_off' | 'academy_inactive';
}

export interface SweepReport<Counts extends object, Extra extends object = object, Job extends SweepJob = SweepJob> {
  job: Job;
  dryRun: boolean;
  /** The sweep's `now` (ISO). */
  now: string;
  /** The --academy filter, resolved; null = every academy. */
  academy: AcademyRef | null;
  /** How concurrent runs are kept apart, for whoever reads the report. */
  locking: string;
  academies: (AcademyRef & { timezone: string } & Counts & Extra & { errors: SweepError[]; sessions: SweepItem[] })[];
  skippedAcademies: SkippedAcademy[];
  totals: Counts & { academies: number };
  durationMs: number;
  /** false when anything failed. */
  ok: boolean;
}

export const DEFAULT_CONCURRENCY = 12;
export const MAX_CONCURRENCY = 64;

export function concurrencyOf(options: SweepOptions): number {
  const wanted = options.concurrency ?? DEFAULT_CONCURRENCY;
  if (!Number.isInteger(wanted) || wanted < 1) return 1;
  return Math.min(wanted, MAX_CONCURRENCY);
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Adds up the named counters of per-academy entries. */
export function sumCounts<K extends string>(keys: readonly K[], entries: readonly { [P in K]: number }[]): { [P in K]: number } {
  const totals = Object.fromEntries(keys.map((k) => [k, 0])) as { [P in K]: number };
  for (const entry of entries) {
    for (const key of keys) totals[key] += entry[key];
  }
  return totals;
}
