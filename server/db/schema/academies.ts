import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { locale } from './enums';

export const academies = pgTable('academies', {
  id: serial('id').primaryKey(),
  slug: text('slug').notNull().unique(),
  nameAr: text('name_ar').notNull(),
  nameEn: text('name_en').notNull(),
  timezone: text('timezone').notNull(),
  defaultLocale: locale('default_locale').notNull().default('ar'),
  active: boolean('active').notNull().default(true),
  /** shared/quran/grades.ts GRADE_SCALES; the CHECK is added by hand in the teaching tools migration. */
  recitationGradeScale: text('recitation_grade_scale').notNull().default('five_level'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One row per academy; its settings' defaults are listed in docs/rules.md.
 * The CHECKs are the ranges scheduling/video-settings-rules.ts enforces for callers.
 */
export const academyVideoSettings = pgTable(
  'academy_video_settings',
  {
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
  /** Teachers may join a colleague's session as hidden observers (never publishing, never managing). */
  teachersMayObserve: boolean('teachers_may_observe').notNull().default(false),
  /** Students may talk to each other before the teacher arrives (else they wait, unpublished). */
  studentsTalkBeforeTeacher: boolean('students_talk_before_teacher').notNull().default(false),
  endBufferMinutes: integer('end_buffer_minutes').notNull().default(15),
  studentAbsentBelow: integer('student_absent_below').notNull().default(30),
  studentPartialBelow: integer('student_partial_below').notNull().default(80),
  teacherAbsentBelow: integer('teacher_absent_below').notNull().default(50),
  teacherPartialBelow: integer('teacher_partial_below').notNull().default(90),
  /** null: the academy does not use "late". */
  lateGraceMinutes: integer('late_grace_minutes').default(15),
  reconnectWindowSeconds: integer('reconnect_window_seconds').notNull().default(120),
  overtimeMinutes: integer('overtime_minutes').notNull().default(60),
  /** Days LiveKit's raw webhook payloads and the join/leave event log are kept (the prune-data sweep); finalised attendance records stay. */
  eventRetentionDays: integer('event_retention_days').notNull().default(90),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('academy_video_settings_minutes_before', sql`${t.minutesBefore} BETWEEN 0 AND 1440`),
    check('academy_video_settings_window_start', sql`${t.windowStart} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('academy_video_settings_window_end', sql`${t.windowEnd} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('academy_video_settings_blocked_weekdays', sql`${t.blockedWeekdays} <@ '{0,1,2,3,4,5,6}'::smallint[]`),
    check('academy_video_settings_max_participants', sql`${t.defaultMaxParticipants} BETWEEN 1 AND 500`),
    check('academy_video_settings_end_buffer', sql`${t.endBufferMinutes} BETWEEN 0 AND 1440`),
    check(
      'academy_video_settings_student_thresholds',
      sql`0 <= ${t.studentAbsentBelow} AND ${t.studentAbsentBelow} <= ${t.studentPartialBelow} AND ${t.studentPartialBelow} <= 100`,
    ),
    check(
      'academy_video_settings_teacher_thresholds',
      sql`0 <= ${t.teacherAbsentBelow} AND ${t.teacherAbsentBelow} <= ${t.teacherPartialBelow} AND ${t.teacherPartialBelow} <= 100`,
    ),
    check('academy_video_settings_late_grace', sql`${t.lateGraceMinutes} BETWEEN 0 AND 240`),
    check('academy_video_settings_reconnect_window', sql`${t.reconnectWindowSeconds} BETWEEN 0 AND 3600`),
    check('academy_video_settings_overtime', sql`${t.overtimeMinutes} BETWEEN 0 AND 1440`),
    check('academy_video_settings_event_retention', sql`${t.eventRetentionDays} BETWEEN 7 AND 3650`),
  ],
);
