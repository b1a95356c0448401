import { boolean, index, integer, jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { sessions } from './sessions';
import { users } from './users';

/** Room-composite egress recordings (SPEC 8); state follows egress webhooks. */
export const recordings = pgTable(
  'recordings',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    egressId: text('egress_id').notNull().unique(),
    status: text('status').notNull(),
    startedBy: integer('started_by').references(() => users.id),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    location: text('location'),
    error: text('error'),
  },
  (t) => [index('recordings_session_idx').on(t.sessionId)],
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
  (t) => [index('sweep_runs_job_idx').on(t.job, t.startedAt)],
);
