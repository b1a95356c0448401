/** The sweeps by name, as the CLI and the cron route call them. */
import 'server-only';
import type { Deps } from '@/server/deps';
import { cleanupExpiredMeetings, type CleanupReport } from './cleanup-expired';
import { createScheduledMeetings, type CreateScheduledReport } from './create-scheduled';
import { sendNotifications, type NotifyReport } from './notify';
import { reconcileAttendance, type ReconcileReport } from './reconcile-attendance';
import type { SweepJob, SweepOptions } from './report';

export type AnySweepReport = CreateScheduledReport | CleanupReport | ReconcileReport | NotifyReport;

export const SWEEP_JOBS: Record<SweepJob, (deps: Deps, options?: SweepOptions) => Promise<AnySweepReport>> = {
  'create-scheduled': createScheduledMeetings,
  'cleanup-expired': cleanupExpiredMeetings,
  'reconcile-attendance': reconcileAttendance,
  notify: sendNotifications,
};

export function isSweepJob(name: string): name is SweepJob {
  return Object.hasOwn(SWEEP_JOBS, name);
}

export function runSweep(job: SweepJob, deps: Deps, options?: SweepOptions): Promise<AnySweepReport> {
  return SWEEP_JOBS[job](deps, options);
}
