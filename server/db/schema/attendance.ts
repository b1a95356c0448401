import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { attendanceStatus, attendeeType } from './enums';
import { sessions } from './sessions';
import { users } from './users';

/** Every LiveKit webhook we accepted, once per event id. */
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
    /** unknown_room / unknown_identity: stored for inspection, no effect. */
    flag: text('flag'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [index('webhook_events_session_idx').on(t.sessionId, t.occurredAt)],
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
    sessionId: integer('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['join', 'leave'] }).notNull(),
    participantSid: text('participant_sid').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true, precision: 3 }).notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true, precision: 3 }),
    source: text('source', { enum: ['webhook', 'client', 'reconcile'] }).notNull(),
    sourceEventId: text('source_event_id'),
  },
  (t) => [
    index('attendance_events_session_user_idx').on(t.sessionId, t.userId),
    uniqueIndex('attendance_events_source_uq').on(t.sourceEventId).where(sql`source_event_id IS NOT NULL`),
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
    sessionId: integer('session_id')
      .notNull()
      .references(() => sessions.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
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
    uniqueIndex('attendance_records_session_user_uq').on(t.sessionId, t.userId),
    index('attendance_records_academy_idx').on(t.academyId, t.calculatedAt),
    index('attendance_records_user_idx').on(t.userId),
  ],
);

export type AttendanceRecordRow = typeof attendanceRecords.$inferSelect;
