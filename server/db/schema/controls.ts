import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { MushafView } from '@/shared/classroom/mushaf';
import type { Announcement, RaisedHand } from '@/shared/classroom/hand-and-announcement';
import type { WhiteboardView } from '@/shared/classroom/whiteboard';
import { academies } from './academies';
import { sessions } from './sessions';
import { users } from './users';

/** Every classroom command (docs/rules.md#classroom-controls), stored with its id and priority before it is sent. */
export const meetingCommands = pgTable(
  'meeting_commands',
  {
    id: text('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    topic: text('topic').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    /** 0 low … 3 critical; critical commands need acknowledgements. */
    priority: smallint('priority').notNull().default(1),
    critical: boolean('critical').notNull().default(false),
    /** May be the super admin (no academy), so a plain reference; academy_user_guard checks it (migration 0002). */
    senderId: integer('sender_id').references(() => users.id),
    targetIdentities: text('target_identities').array(),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    lastSentAt: timestamp('last_sent_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('meeting_commands_session_idx').on(t.sessionId, t.createdAt),
    foreignKey({ name: 'meeting_commands_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    // controls/envelope.ts: TOPICS and COMMAND_SPECS (schema-lists.test.ts keeps them equal).
    check(
      'meeting_commands_topic',
      sql`${t.topic} IN ('teacher_controls', 'participant_management', 'hand_raising', 'session_announcements', 'system_notifications', 'classroom_tools')`,
    ),
    check(
      'meeting_commands_type',
      sql`${t.type} IN ('mute_participant', 'allow_microphone', 'mute_all', 'allow_microphones', 'stop_publishing', 'allow_publishing', 'remove_participant', 'readmit_participant', 'hand_raised', 'hand_lowered', 'hands_lowered_all', 'announcement_set', 'announcement_cleared', 'meeting_ended', 'speaker_allowed', 'speaker_revoked', 'class_extended', 'mushaf_set', 'mushaf_closed', 'poll_changed', 'whiteboard_set', 'whiteboard_closed', 'whiteboard_changed')`,
    ),
    check('meeting_commands_priority', sql`${t.priority} BETWEEN 0 AND 3`),
    check('meeting_commands_attempts', sql`${t.attempts} >= 0`),
  ],
);

export const commandAcks = pgTable(
  'command_acks',
  {
    commandId: text('command_id')
      .notNull()
      .references(() => meetingCommands.id, { onDelete: 'cascade' }),
    identity: text('identity').notNull(),
    ackedAt: timestamp('acked_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.commandId, t.identity] })],
);

/** The room's current state, so late joiners and reconnecting clients can catch up. */
export const roomStates = pgTable(
  'room_states',
  {
  sessionId: integer('session_id').primaryKey(),
  academyId: integer('academy_id')
    .notNull()
    .references(() => academies.id, { onDelete: 'cascade' }),
  raisedHands: jsonb('raised_hands').$type<RaisedHand[]>().notNull().default([]),
  announcement: jsonb('announcement').$type<Announcement | null>(),
  studentsCanPublish: boolean('students_can_publish').notNull().default(true),
  mutedIdentities: text('muted_identities').array().notNull().default([]),
  removedUserIds: integer('removed_user_ids').array().notNull().default([]),
  /** The one student allowed to speak while microphones are locked (docs/rules.md#classroom-controls). */
  speakerIdentity: text('speaker_identity'),
  /** When the session's teacher first joined: the class opens for waiting students. */
  teacherArrivedAt: timestamp('teacher_arrived_at', { withTimezone: true, precision: 3 }),
  /** The shared Mushaf everyone in the room follows; null = closed. */
  mushaf: jsonb('mushaf').$type<MushafView | null>(),
  /** The shared whiteboard and who may draw; null = closed. Its scene is in whiteboards. */
  whiteboard: jsonb('whiteboard').$type<WhiteboardView | null>(),
  version: integer('version').notNull().default(0),
  updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'room_states_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('room_states_version', sql`${t.version} >= 0`),
  ],
);
