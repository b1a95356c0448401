/**
 * Egress webhooks can be lost like any other (LiveKit gives up on a webhook
 * after a few failed tries and drops them under backlog), which would leave
 * a recording "active" forever. The reconcile sweep asks LiveKit for every
 * recording still unfinished after a quiet while and stores what it says,
 * through the same merge as the webhooks (so it never moves one backwards).
 * An egress LiveKit does not report is left as it is: we never invent an end.
 */
import 'server-only';
import { and, inArray, lt } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { recordings } from '@/server/db/schema';
import { stateOf, supersedes } from './egress-state';
import { saveEgressReport } from './recording-store';

/** Unfinished recordings not heard of for this long are asked about. */
export const QUIET_MS = 2 * 60_000;

export interface RecordingRefresh {
  sessionId: number;
  academyId: number;
  egressId: string;
  outcome: 'updated' | 'unchanged' | 'unknown' | 'failed';
  error?: string;
}

export async function refreshUnfinishedRecordings(deps: Deps, input: { academyIds: number[]; now: Date; dryRun: boolean }): Promise<RecordingRefresh[]> {
  if (!deps.egress || input.academyIds.length === 0) return [];
  const egress = deps.egress;
  const stale = await deps.db
    .select()
    .from(recordings)
    .where(
      and(
        inArray(recordings.status, ['starting', 'active', 'ending']),
        inArray(recordings.academyId, input.academyIds),
        lt(recordings.updatedAt, new Date(input.now.getTime() - QUIET_MS)),
      ),
    );
  const results: RecordingRefresh[] = [];
  for (const row of stale) {
    const base = { sessionId: row.sessionId, academyId: row.academyId, egressId: row.egressId };
    try {
      const [report] = await egress.list({ egressId: row.egressId });
      if (!report) {
        results.push({ ...base, outcome: 'unknown' });
        continue;
      }
      if (!supersedes(stateOf(report), { progress: row.progress, updatedNs: row.egressUpdatedNs })) {
        results.push({ ...base, outcome: 'unchanged' });
        continue;
      }
      if (!input.dryRun) await saveEgressReport(deps.db, base, report, { now: input.now });
      results.push({ ...base, outcome: 'updated' });
    } catch (error) {
      results.push({ ...base, outcome: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
  return results;
}
