import { boolean, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { locale } from './enums';

export const academies = pgTable('academies', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull(),
  timezone: text('timezone').notNull(),
  defaultLocale: locale('default_locale').notNull().default('ar'),
  active: boolean('active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** One row per academy; its settings' defaults are listed in docs/rules.md. */
export const academyVideoSettings = pgTable('academy_video_settings', {
  academyId: integer('academy_id')
    .primaryKey()
    .references(() => academies.id, { onDelete: 'cascade' }),
  autoCreate: boolean('auto_create').notNull().default(true),
  autoEnd: boolean('auto_end').notNull().default(true),
  minutesBefore: integer('minutes_before').notNull().default(30),
  windowStart: text('window_start'),
  windowEnd: text('window_end'),
  blockedWeekdays: smallint('blocked_weekdays').array().notNull().default([]),
  defaultMaxParticipants: integer('default_max_participants').notNull().default(50),
  /** May sessions of this academy be recorded at all (a teacher's own setting can say otherwise). */
  recordingAllowed: boolean('recording_allowed').notNull().default(false),
  /** Start recording by itself when a session's first participant arrives. */
  recordingDefault: boolean('recording_default').notNull().default(false),
  /** Students (and their parents) may see a session's finished recordings. */
  studentsSeeRecordings: boolean('students_see_recordings').notNull().default(false),
  endBufferMinutes: integer('end_buffer_minutes').notNull().default(15),
  studentAbsentBelow: integer('student_absent_below').notNull().default(30),
  studentPartialBelow: integer('student_partial_below').notNull().default(80),
  teacherAbsentBelow: integer('teacher_absent_below').notNull().default(50),
  teacherPartialBelow: integer('teacher_partial_below').notNull().default(90),
  /** null: the academy does not use "late". */
  lateGraceMinutes: integer('late_grace_minutes').default(15),
  reconnectWindowSeconds: integer('reconnect_window_seconds').notNull().default(120),
  overtimeMinutes: integer('overtime_minutes').notNull().default(60),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
