import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { oneAudienceOfKind } from './audience';
import { sessionKind, sessionStatus } from './enums';
import { circles, courses } from './groups';
import { schedules } from './schedules';
import { users } from './users';

export const sessions = pgTable(
  'sessions',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    kind: sessionKind('kind').notNull(),
    title: text('title').notNull(),
    teacherId: integer('teacher_id').notNull(),
    /** Exactly one audience: an individual student, a circle or a course (sessions_one_audience). */
    studentId: integer('student_id'),
    circleId: integer('circle_id'),
    courseId: integer('course_id'),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Minutes the teacher extended the class by (docs/rules.md#running-over): the sum of session_extensions. */
    extendedMinutes: integer('extended_minutes').notNull().default(0),
    status: sessionStatus('status').notNull().default('scheduled'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    scheduleId: integer('schedule_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('sessions_academy_scheduled_idx').on(t.academyId, t.scheduledAt),
    index('sessions_teacher_scheduled_idx').on(t.teacherId, t.scheduledAt),
    index('sessions_student_scheduled_idx').on(t.studentId, t.scheduledAt),
    index('sessions_circle_idx').on(t.circleId),
    index('sessions_course_idx').on(t.courseId),
    index('sessions_schedule_idx').on(t.scheduleId),
    // The create-scheduled sweep reads only scheduled sessions by start time.
    index('sessions_scheduled_start_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    // The cleanup sweep: open sessions scheduled before a bound (OPEN_STATUSES in shared/session-status.ts).
    index('sessions_open_scheduled_idx').on(t.scheduledAt).where(sql`status IN ('scheduled', 'ready', 'ongoing')`),
    unique('sessions_academy_id_id_uq').on(t.academyId, t.id),
    // Tenancy: the teacher, the audience and the schedule are all the session's own academy's.
    foreignKey({ name: 'sessions_teacher_fk', columns: [t.academyId, t.teacherId], foreignColumns: [users.academyId, users.id] }),
    foreignKey({ name: 'sessions_student_fk', columns: [t.academyId, t.studentId], foreignColumns: [users.academyId, users.id] }),
    foreignKey({ name: 'sessions_circle_fk', columns: [t.academyId, t.circleId], foreignColumns: [circles.academyId, circles.id] }),
    foreignKey({ name: 'sessions_course_fk', columns: [t.academyId, t.courseId], foreignColumns: [courses.academyId, courses.id] }),
    foreignKey({ name: 'sessions_schedule_fk', columns: [t.academyId, t.scheduleId], foreignColumns: [schedules.academyId, schedules.id] }),
    check('sessions_duration_positive', sql`${t.durationMinutes} > 0 AND ${t.durationMinutes} <= 1440`),
    check('sessions_one_audience', oneAudienceOfKind(t)),
    // MAX_EXTENSION_MINUTES in shared/classroom/class-clock.ts.
    check('sessions_extended_minutes', sql`${t.extendedMinutes} BETWEEN 0 AND 60`),
  ],
);

/** Each extension of a live class, by whom and when (shown on the session page). */
export const sessionExtensions = pgTable(
  'session_extensions',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    sessionId: integer('session_id').notNull(),
    minutes: integer('minutes').notNull(),
    /** May be the super admin (no academy), so a plain reference. */
    extendedBy: integer('extended_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('session_extensions_session_idx').on(t.sessionId),
    foreignKey({ name: 'session_extensions_session_fk', columns: [t.academyId, t.sessionId], foreignColumns: [sessions.academyId, sessions.id] }).onDelete('cascade'),
    check('session_extensions_minutes', sql`${t.minutes} IN (5, 15)`),
  ],
);
