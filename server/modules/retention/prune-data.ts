/**
 * The prune-data sweep (docs/operations.md#data-retention): deletes what
 * rules.ts says is no longer kept, in batches of PRUNE_BATCH_SIZE rows, each
 * its own short statement, so webhook writes on the same tables never wait
 * long. Safe to run from several instances at once (a row deleted twice is
 * deleted once) and as often as wanted; cron runs it daily.
 * A dry run counts what a real run would delete.
 */
import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { DEFAULT_EVENT_RETENTION_DAYS, PRUNE_BATCH_SIZE, pruneCutoffs } from './rules';

export const PRUNED_TABLES = [
  'webhook_events',
  'attendance_events',
  'meeting_commands',
  'room_states',
  'rate_limits',
  'sign_in_failures',
  'user_leases',
  'sweep_runs',
] as const;
export type PrunedTable = (typeof PRUNED_TABLES)[number];

export interface PruneReport {
  job: 'prune-data';
  dryRun: boolean;
  now: string;
  /** Rows deleted (a dry run: rows a real run would delete), per table. */
  deleted: Record<PrunedTable, number>;
  durationMs: number;
  ok: true;
}

export interface PruneOptions {
  now?: Date;
  dryRun?: boolean;
  batchSize?: number;
}

/**
 * For each table, the ids/keys of rows no longer kept, as a SELECT whose
 * single column is the table's row locator (ctid: every table here has one,
 * and it names the row for the DELETE that follows in the same statement).
 */
function doomedRows(table: PrunedTable, now: Date): SQL {
  const c = pruneCutoffs(now);
  const at = (d: Date) => sql`${d.toISOString()}::timestamptz`;
  const nowSql = at(now);
  switch (table) {
    case 'webhook_events':
      // The first condition is the index range (webhook_events_received_idx); the second the academy's own setting.
      return sql`SELECT w.ctid FROM webhook_events w LEFT JOIN academy_video_settings s ON s.academy_id = w.academy_id
        WHERE w.received_at < ${at(c.eventsAtMost)}
          AND w.received_at < ${nowSql} - make_interval(days => coalesce(s.event_retention_days, ${DEFAULT_EVENT_RETENTION_DAYS}))`;
    case 'attendance_events':
      // Only of sessions whose attendance is final (terminal status): the records they explain stay.
      return sql`SELECT e.ctid FROM attendance_events e
        JOIN sessions ss ON ss.id = e.session_id AND ss.academy_id = e.academy_id
        LEFT JOIN academy_video_settings s ON s.academy_id = e.academy_id
        WHERE ss.status IN ('completed', 'cancelled', 'absent')
          AND e.occurred_at < ${at(c.eventsAtMost)}
          AND e.occurred_at < ${nowSql} - make_interval(days => coalesce(s.event_retention_days, ${DEFAULT_EVENT_RETENTION_DAYS}))`;
    case 'meeting_commands':
      // Acknowledgements go with their command (ON DELETE CASCADE).
      return sql`SELECT c.ctid FROM meeting_commands c JOIN meetings m ON m.session_id = c.session_id AND m.academy_id = c.academy_id
        WHERE m.ended_at < ${at(c.meetingEndedBefore)}`;
    case 'room_states':
      return sql`SELECT r.ctid FROM room_states r JOIN meetings m ON m.session_id = r.session_id AND m.academy_id = r.academy_id
        WHERE m.ended_at < ${at(c.meetingEndedBefore)}`;
    case 'rate_limits':
      return sql`SELECT ctid FROM rate_limits WHERE window_start < ${at(c.shortLivedBefore)}`;
    case 'sign_in_failures':
      return sql`SELECT ctid FROM sign_in_failures WHERE coalesce(locked_until, window_start) < ${at(c.shortLivedBefore)}`;
    case 'user_leases':
      return sql`SELECT ctid FROM user_leases WHERE expires_at < ${at(c.shortLivedBefore)}`;
    case 'sweep_runs':
      return sql`SELECT ctid FROM sweep_runs WHERE started_at < ${at(c.sweepRunsBefore)}`;
  }
}

async function pruneTable(db: Deps['db'], table: PrunedTable, now: Date, dryRun: boolean, batchSize: number): Promise<number> {
  if (dryRun) {
    const [row] = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${doomedRows(table, now)}) doomed`);
    return row?.n ?? 0;
  }
  let total = 0;
  for (;;) {
    const rows = await db.execute(
      sql`DELETE FROM ${sql.identifier(table)} WHERE ctid = ANY (ARRAY(${doomedRows(table, now)} LIMIT ${batchSize})) RETURNING 1`,
    );
    total += rows.length;
    if (rows.length < batchSize) return total;
  }
}

export async function pruneData(deps: Pick<Deps, 'db' | 'clock'>, options: PruneOptions = {}): Promise<PruneReport> {
  const started = performance.now();
  const now = options.now ?? deps.clock.now();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? PRUNE_BATCH_SIZE;
  const deleted = Object.fromEntries(PRUNED_TABLES.map((t) => [t, 0])) as Record<PrunedTable, number>;
  for (const table of PRUNED_TABLES) deleted[table] = await pruneTable(deps.db, table, now, dryRun, batchSize);
  return { job: 'prune-data', dryRun, now: now.toISOString(), deleted, durationMs: Math.round(performance.now() - started), ok: true };
}
