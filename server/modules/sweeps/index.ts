/**
 * Sweeps (docs/operations.md#sweeps): create-scheduled, cleanup-expired, reconcile-attendance
 * and the statistics. Each is a plain function of (deps, options) with an
 * injectable `now`; a dry run changes nothing and reports what a real run
 * would do; concurrent runs never create a room twice (session rows FOR
 * UPDATE SKIP LOCKED) nor end a meeting twice (a per-session advisory claim
 * taken before the attendance locks); one session's failure never stops the rest.
 */
import 'server-only';
export { createScheduledMeetings, creationCandidatesQuery, CREATE_LOCKING, type CreateScheduledReport } from './create-scheduled';
export { cleanupExpiredMeetings, cleanupCandidatesQuery, CLEANUP_LOCKING, type CleanupReport } from './cleanup-expired';
export { cleanupDecision, HARD_CLOSE_MINUTES, type CleanupDecision } from './cleanup-rule';
export { reconcileAttendance, liveMeetingsQuery, RECONCILE_LOCKING, type ReconcileReport } from './reconcile-attendance';
export { getSweepStats, type SweepStats } from './sweep-stats';
export { listRecentRuns } from './list-recent-runs';
export * from './schemas';
export { formatStats, formatSweepReport, type FormatOptions } from './format-report';
export { listWebhookProblems, type WebhookProblem } from './list-webhook-problems';
export { SWEEP_JOBS, isSweepJob, runSweep, type AnySweepReport } from './jobs';
export { DEFAULT_CONCURRENCY, type SweepJob, type SweepOptions, type SweepProgress, type SweepReport, type SweepItem } from './report';
