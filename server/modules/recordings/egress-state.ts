/**
 * A recording's state from LiveKit's egress reports (docs/rules.md#recording), pure. Egress
 * webhooks come on their own queue, may repeat and may arrive out of order,
 * and our own start/stop calls return reports too. Every report maps to a
 * `progress` rank; a report replaces the stored state only when it is later
 * by (progress, LiveKit's updatedAt). That order is total, so the stored
 * state is the latest report whatever order they came in.
 */
import 'server-only';
import type { EgressReport } from '@/server/livekit/egress';
export type RecordingStatus = 'starting' | 'active' | 'ending' | 'complete' | 'failed';

export const RECORDING_STATUSES: readonly RecordingStatus[] = ['starting', 'active', 'ending', 'complete', 'failed'];

/** LiveKit's EgressStatus numbers (livekit_egress.proto). */
export const EGRESS_STATUS = {
  STARTING: 0,
  ACTIVE: 1,
  ENDING: 2,
  COMPLETE: 3,
  FAILED: 4,
  ABORTED: 5,
  LIMIT_REACHED: 6,
} as const;

export type { EgressReport };

export interface RecordingState {
  status: RecordingStatus;
  progress: number;
  updatedNs: bigint;
  endedAt: Date | null;
  location: string | null;
  durationMs: number | null;
  sizeBytes: number | null;
  error: string | null;
}

const TERMINAL = 3;

export function isTerminalStatus(status: RecordingStatus): boolean {
  return status === 'complete' || status === 'failed';
}

function statusOf(report: EgressReport): { status: RecordingStatus; error: string | null } {
  const error = report.error || null;
  switch (report.egressStatus) {
    case EGRESS_STATUS.STARTING:
      return { status: 'starting', error };
    case EGRESS_STATUS.ACTIVE:
      return { status: 'active', error };
    case EGRESS_STATUS.ENDING:
      return { status: 'ending', error };
    case EGRESS_STATUS.COMPLETE:
      return { status: 'complete', error };
    case EGRESS_STATUS.ABORTED:
      return { status: 'failed', error: error ?? 'aborted before it started recording' };
    case EGRESS_STATUS.LIMIT_REACHED:
      // The egress hit its time limit and stopped: what was written is a recording.
      return report.file
        ? { status: 'complete', error: error ?? 'stopped at the egress time limit' }
        : { status: 'failed', error: error ?? 'stopped at the egress time limit' };
    case EGRESS_STATUS.FAILED:
    default:
      return { status: 'failed', error: error ?? 'the egress failed' };
  }
}

const PROGRESS: Record<RecordingStatus, number> = { starting: 0, active: 1, ending: 2, complete: TERMINAL, failed: TERMINAL };

export function stateOf(report: EgressReport): RecordingState {
  const { status, error } = statusOf(report);
  return {
    status,
    progress: PROGRESS[status],
    updatedNs: report.updatedNs,
    endedAt: isTerminalStatus(status) ? report.endedAt : null,
    location: report.file?.location || null,
    durationMs: report.file ? report.file.durationMs : null,
    sizeBytes: report.file ? report.file.sizeBytes : null,
    error,
  };
}

/** Does `next` replace `current`? Later by (progress, updatedNs); ties keep what is stored. */
export function supersedes(next: Pick<RecordingState, 'progress' | 'updatedNs'>, current: Pick<RecordingState, 'progress' | 'updatedNs'>): boolean {
  return next.progress > current.progress || (next.progress === current.progress && next.updatedNs > current.updatedNs);
}

/** The stored state after a report: what the database upsert does, as a function (for tests and the reader). */
export function mergeReport(current: RecordingState | null, report: EgressReport): RecordingState {
  const next = stateOf(report);
  if (!current || supersedes(next, current)) return next;
  return current;
}
