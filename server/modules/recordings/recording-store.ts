/**
 * Writes egress reports into `recordings`, one row per egress id. The upsert
 * applies a report only when it supersedes the stored one (egress-state.ts),
 * in one statement, so concurrent webhook deliveries and our own RPC answers
 * need no lock and can never move a recording backwards.
 */
import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { notify, type RoomSignal } from '@/server/db/notify';
import { recordings } from '@/server/db/schema';
import { stateOf, type EgressReport } from './egress-state';

export type Recording = typeof recordings.$inferSelect;

/** What only our own start call knows; a webhook that creates the row first leaves these empty. */
export interface StartDetails {
  startedBy: number | null;
  autoStarted: boolean;
  layout: string;
  filePath: string;
}

/** (progress, updated ns) of the report is later than the stored row's (SET sees the stored row throughout). */
const newer = sql`(excluded.progress, excluded.egress_updated_ns) > (${recordings.progress}, ${recordings.egressUpdatedNs})`;

export async function saveEgressReport(
  db: DbExecutor,
  owner: { academyId: number; sessionId: number },
  report: EgressReport,
  options: { start?: StartDetails; stoppedBy?: number; now: Date; /** false when the caller signals after its commit itself. */ signal?: boolean },
): Promise<RoomSignal> {
  const state = stateOf(report);
  const start = options.start;
  await db
    .insert(recordings)
    .values({
      academyId: owner.academyId,
      sessionId: owner.sessionId,
      egressId: report.egressId,
      status: state.status,
      progress: state.progress,
      egressUpdatedNs: state.updatedNs,
      startedBy: start?.startedBy ?? null,
      autoStarted: start?.autoStarted ?? false,
      layout: start?.layout ?? null,
      filePath: start?.filePath ?? null,
      startedAt: report.startedAt ?? options.now,
      endedAt: state.endedAt,
      stoppedBy: options.stoppedBy ?? null,
      location: state.location,
      durationMs: state.durationMs,
      sizeBytes: state.sizeBytes,
      error: state.error,
      updatedAt: options.now,
    })
    .onConflictDoUpdate({
      target: recordings.egressId,
      set: {
        status: sql`CASE WHEN ${newer} THEN excluded.status ELSE ${recordings.status} END`,
        endedAt: sql`CASE WHEN ${newer} THEN excluded.ended_at ELSE ${recordings.endedAt} END`,
        location: sql`CASE WHEN ${newer} THEN excluded.location ELSE ${recordings.location} END`,
        durationMs: sql`CASE WHEN ${newer} THEN excluded.duration_ms ELSE ${recordings.durationMs} END`,
        sizeBytes: sql`CASE WHEN ${newer} THEN excluded.size_bytes ELSE ${recordings.sizeBytes} END`,
        error: sql`CASE WHEN ${newer} THEN excluded.error ELSE ${recordings.error} END`,
        progress: sql`GREATEST(${recordings.progress}, excluded.progress)`,
        egressUpdatedNs: sql`CASE WHEN ${newer} THEN excluded.egress_updated_ns ELSE ${recordings.egressUpdatedNs} END`,
        // Our start answer may land after a webhook created the row: keep who and how.
        startedBy: sql`COALESCE(${recordings.startedBy}, excluded.started_by)`,
        autoStarted: sql`${recordings.autoStarted} OR excluded.auto_started`,
        layout: sql`COALESCE(${recordings.layout}, excluded.layout)`,
        filePath: sql`COALESCE(${recordings.filePath}, excluded.file_path)`,
        stoppedBy: sql`COALESCE(${recordings.stoppedBy}, excluded.stopped_by)`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
  // Session pages and the room refetch on it.
  const signal: RoomSignal = { sessionId: owner.sessionId, kind: 'recording', id: `${report.egressId}:${state.status}` };
  if (options.signal !== false) await notify(db, signal);
  return signal;
}
