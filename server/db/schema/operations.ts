import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { sessions } from './sessions';
import { users } from './users';

/**
 * Room-composite egress recordings (docs/rules.md#recording). A row exists only once LiveKit
 * accepted the egress (or a webhook told us of one); its state then follows
 * the egress webhooks, merged by `progress` so late or repeated deliveries
 * never move it backwards (server/modules/recordings/egress-state.ts).
 */
export const recordings = pgTable(
  'recordings',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    egressId: text('egress_id').notNull().unique(),
    /** starting | active | ending | complete | failed */
    status: text('status').notNull(),
    /** The state's rank and LiveKit's updatedAt (ns): an update applies only if it is later in both senses. */
    progress: smallint('progress').notNull().default(0),
    egressUpdatedNs: bigint('egress_updated_ns', { mode: 'bigint' }).notNull().default(sql`0`),
    /** started_by, stopped_by: may be the super admin (no academy), so plain references; academy_user_guard checks them (migration 0002). */
    startedBy: integer('started_by').references(() => users.id, { onDelete: 'set null' }),
    /** True when it started by itself (the academy's or teacher's "record by default"). */
    autoStarted: boolean('auto_started').notNull().default(false),
    layout: text('layout'),
    /** The object key we asked for: academy / session / start time. */
    filePath: text('file_path'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    stoppedBy: integer('stopped_by').references(() => users.id, { onDelete: 'set null' }),
    /** Where the egress wrote the file (an s3:// or https:// location), once known. */
    location: text('location'),
    durationMs: bigint('duration_ms', { mode: 'number' }),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    error: text('error'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('recordings_session_idx').on(t.sessionId),
    index('recordings_academy_started_idx').on(t.academyId, t.startedAt),
    foreignKey({ name: 'recordings_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    // recordings/egress-state.ts: RECORDING_STATUSES; recordings/schemas.ts: RECORDING_LAYOUTS (schema-lists.test.ts keeps them equal).
    check('recordings_status', sql`${t.status} IN ('starting', 'active', 'ending', 'complete', 'failed')`),
    check('recordings_layout', sql`${t.layout} IN ('grid', 'speaker', 'single-speaker')`),
    check('recordings_progress', sql`${t.progress} >= 0`),
    check('recordings_sizes', sql`${t.durationMs} >= 0 AND ${t.sizeBytes} >= 0`),
  ],
);

/** One row per sweep run (cron or CLI), for the admin's sweep statistics. */
export const sweepRuns = pgTable(
  'sweep_runs',
  {
    id: serial('id').primaryKey(),
    job: text('job').notNull(),
    dryRun: boolean('dry_run').notNull(),
    academyId: integer('academy_id'),
    startedAt: timestamp('started_at', { withTimezone: true, precision: 3 }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, precision: 3 }).notNull(),
    report: jsonb('report').notNull(),
  },
  (t) => [
    index('sweep_runs_job_idx').on(t.job, t.startedAt),
    // sweeps/jobs.ts: SWEEP_JOBS (schema-lists.test.ts keeps them equal).
    check('sweep_runs_job', sql`${t.job} IN ('create-scheduled', 'cleanup-expired', 'reconcile-attendance', 'notify')`),
  ],
);
