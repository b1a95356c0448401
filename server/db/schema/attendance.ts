import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { attendanceStatus, attendeeType } from './enums';
import { sessions } from './sessions';
import { users } from './users';

/**
 * Why a stored webhook changed nothing: its room or identity is not ours, the
 * participant was hidden, or its effect can never apply (`cannot_apply`, with
 * the reason in `problem`: answered 200 so LiveKit stops retrying, listed for
 * admins, and its session finalised by the reconcile sweep).
 */
export const WEBHOOK_FLAGS = ['unknown_room', 'unknown_identity', 'hidden_participant', 'cannot_apply'] as const;
export type WebhookFlag = (typeof WEBHOOK_FLAGS)[number];

/**
 * Every LiveKit webhook we accepted, once per event id. A log of what LiveKit
 * said, kept as it came: no foreign keys, so it outlives the rows it names.
 */
export const webhookEvents = pgTable(
  'webhook_events',
  {
    id: text('id').primaryKey(),
    event: text('event').notNull(),
    roomName: text('room_name'),
    academyId: integer('academy_id'),
    sessionId: integer('session_id'),
    participantSid: text('participant_sid'),
    identity: text('identity'),
    userId: integer('user_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** Stored for inspection, no effect (WEBHOOK_FLAGS). */
    flag: text('flag', { enum: WEBHOOK_FLAGS }),
    /** Why a `cannot_apply` event could not apply. */
    problem: text('problem'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [
    // The prune-data sweep deletes by age.
    index('webhook_events_received_idx').on(t.receivedAt),
    // The admins' "webhook problems" list and the reconcile sweep read only these.
    index('webhook_events_problems_idx').on(t.academyId, t.receivedAt).where(sql`flag = 'cannot_apply'`),
    check('webhook_events_flag', sql`${t.flag} IN ('unknown_room', 'unknown_identity', 'hidden_participant', 'cannot_apply')`),
    check('webhook_events_problem_iff_cannot_apply', sql`(${t.flag} IS NOT DISTINCT FROM 'cannot_apply') = (${t.problem} IS NOT NULL)`),
  ],
);

/**
 * Joins and leaves from every source (webhook, the client's own "I left",
 * reconciliation). Attendance records are derived from these rows only.
 */
export const attendanceEvents = pgTable(
  'attendance_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    /**
     * May be the super admin (no academy), so a plain reference; academy_user_guard checks it (migration 0002).
     * RESTRICT: attendance is the academy's record, so a person with history cannot be deleted (deactivate or anonymise instead).
     */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    kind: text('kind', { enum: ['join', 'leave'] }).notNull(),
    participantSid: text('participant_sid').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, precision: 3 }),
    source: text('source', { enum: ['webhook', 'client', 'reconcile'] }).notNull(),
    sourceEventId: text('source_event_id'),
  },
  (t) => [
    index('attendance_events_session_user_idx').on(t.sessionId, t.userId),
    // Deleting a user cascades here.
    index('attendance_events_user_idx').on(t.userId),
    uniqueIndex('attendance_events_source_uq').on(t.sourceEventId).where(sql`source_event_id IS NOT NULL`),
    foreignKey({ name: 'attendance_events_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('attendance_events_kind', sql`${t.kind} IN ('join', 'leave')`),
    check('attendance_events_source', sql`${t.source} IN ('webhook', 'client', 'reconcile')`),
  ],
);

export interface StoredCycle {
  joinedAt: string;
  leftAt: string | null;
  seconds: number;
}

export const attendanceRecords = pgTable(
  'attendance_records',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    /**
     * May be the super admin (no academy), so a plain reference; academy_user_guard checks it (migration 0002).
     * RESTRICT: attendance is the academy's record, so a person with history cannot be deleted (deactivate or anonymise instead).
     */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'restrict' }),
    userType: attendeeType('user_type').notNull(),
    firstJoinAt: timestamp('first_join_at', { withTimezone: true, precision: 3 }),
    lastLeaveAt: timestamp('last_leave_at', { withTimezone: true, precision: 3 }),
    cycles: jsonb('cycles').$type<StoredCycle[]>().notNull().default([]),
    totalSeconds: integer('total_seconds').notNull().default(0),
    joinCount: integer('join_count').notNull().default(0),
    leaveCount: integer('leave_count').notNull().default(0),
    status: attendanceStatus('status').notNull(),
    percentage: numeric('percentage', { precision: 5, scale: 2, mode: 'number' }).notNull().default(0),
    isFinal: boolean('is_final').notNull().default(false),
    /** Currently connected (an open cycle) — what the teacher's page shows live. */
    inRoom: boolean('in_room').notNull().default(false),
    overrideStatus: attendanceStatus('override_status'),
    overrideReason: text('override_reason'),
    overriddenBy: integer('overridden_by').references(() => users.id),
    calculatedAt: timestamp('calculated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'attendance_records_pkey', columns: [t.sessionId, t.userId] }),
    // Never a column that changes (calculated_at did, on every recompute): updates stay HOT.
    index('attendance_records_academy_session_idx').on(t.academyId, t.sessionId),
    index('attendance_records_user_idx').on(t.userId),
    foreignKey({ name: 'attendance_records_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('attendance_records_percentage', sql`${t.percentage} BETWEEN 0 AND 100`),
    check('attendance_records_counts', sql`${t.totalSeconds} >= 0 AND ${t.joinCount} >= 0 AND ${t.leaveCount} >= 0`),
    // A final record is closed: nobody is still in the room.
    check('attendance_records_final_not_in_room', sql`NOT (${t.isFinal} AND ${t.inRoom})`),
    check('attendance_records_override_reason', sql`(${t.overrideStatus} IS NULL) = (${t.overrideReason} IS NULL)`),
  ],
);

export type AttendanceRecordRow = typeof attendanceRecords.$inferSelect;
