/**
 * Teaching tools (docs/rules.md#teaching-tools): the recitation log, polls and the
 * whiteboard, each stored with its session. The shared Mushaf's current
 * view lives in room_states.mushaf (controls.ts) like the room's other state.
 */
import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import type { Mistake } from '@/shared/quran/mistakes';
import type { BoardElement } from '@/shared/classroom/whiteboard';
import { academies } from './academies';
import { sessions } from './sessions';
import { users } from './users';

/** One row per recitation (tasmee'): what a student recited in a session and how well. */
export const recitations = pgTable(
  'recitations',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromSurah: smallint('from_surah').notNull(),
    fromAyah: smallint('from_ayah').notNull(),
    toSurah: smallint('to_surah').notNull(),
    toAyah: smallint('to_ayah').notNull(),
    mistakes: jsonb('mistakes').$type<Mistake[]>().notNull().default([]),
    /** On the academy's scale at the time it was written (shared/quran/grades.ts). */
    grade: text('grade'),
    note: text('note'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }),
  },
  (t) => [
    index('recitations_academy_idx').on(t.academyId, t.createdAt),
    index('recitations_student_idx').on(t.studentId, t.createdAt),
    index('recitations_session_idx').on(t.sessionId),
    foreignKey({ name: 'recitations_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('recitations_kind', sql`${t.kind} IN ('memorisation', 'revision')`),
    check('recitations_surahs', sql`${t.fromSurah} BETWEEN 1 AND 114 AND ${t.toSurah} BETWEEN 1 AND 114`),
    check('recitations_ayahs', sql`${t.fromAyah} BETWEEN 1 AND 286 AND ${t.toAyah} BETWEEN 1 AND 286`),
    check('recitations_order', sql`(${t.fromSurah}, ${t.fromAyah}) <= (${t.toSurah}, ${t.toAyah})`),
    check('recitations_note', sql`length(${t.note}) <= 2000`),
  ],
);

/** A question with 2–6 answers; students answer once, changeable until it is closed. */
export const polls = pgTable(
  'polls',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    question: text('question').notNull(),
    options: text('options').array().notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true, precision: 3 }),
    /** Students see the counts. */
    resultsShown: boolean('results_shown').notNull().default(false),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [
    index('polls_session_idx').on(t.sessionId, t.createdAt),
    index('polls_academy_idx').on(t.academyId, t.createdAt),
    foreignKey({ name: 'polls_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('polls_options', sql`cardinality(${t.options}) BETWEEN 2 AND 6`),
    check('polls_question', sql`length(${t.question}) BETWEEN 1 AND 300`),
  ],
);

export const pollAnswers = pgTable(
  'poll_answers',
  {
    pollId: integer('poll_id')
      .notNull()
      .references(() => polls.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    choice: smallint('choice').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.pollId, t.userId] }), check('poll_answers_choice', sql`${t.choice} BETWEEN 0 AND 5`)],
);

/**
 * A session's shared whiteboard: the scene (Excalidraw elements, merged per
 * element on every update; a late joiner loads it) and, once the teacher
 * closes the board or ends the meeting, the final board as an SVG image the
 * session page shows. Whether it is open and who may draw is room_states.whiteboard.
 */
export const whiteboards = pgTable(
  'whiteboards',
  {
    sessionId: integer('session_id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    elements: jsonb('elements').$type<BoardElement[]>().notNull().default([]),
    /** Bumped by every change; whiteboard_changed commands carry it. */
    sceneVersion: integer('scene_version').notNull().default(0),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** The final board, exported by the teacher's browser (Excalidraw's exportToSvg). */
    imageSvg: text('image_svg'),
    imageSavedAt: timestamp('image_saved_at', { withTimezone: true, precision: 3 }),
    imageSavedBy: integer('image_saved_by').references(() => users.id),
  },
  (t) => [
    foreignKey({ name: 'whiteboards_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('whiteboards_scene_version', sql`${t.sceneVersion} >= 0`),
    // shared/classroom/whiteboard.ts: MAX_IMAGE_CHARS (the procedures refuse larger ones first, with a clear message).
    check('whiteboards_image_size', sql`${t.imageSvg} IS NULL OR length(${t.imageSvg}) <= 900000`),
  ],
);
