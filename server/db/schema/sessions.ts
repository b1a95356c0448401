import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { sessionKind, sessionStatus } from './enums';
import { circles, courses } from './groups';
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
    teacherId: integer('teacher_id')
      .notNull()
      .references(() => users.id),
    /** Exactly one audience: an individual student, a circle or a course. */
    studentId: integer('student_id').references(() => users.id),
    circleId: integer('circle_id').references(() => circles.id),
    courseId: integer('course_id').references(() => courses.id),
    scheduledAt: timestamp('scheduled_at', { withTimezone: true }).notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
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
    // The create-scheduled sweep reads only scheduled sessions by start time.
    index('sessions_scheduled_start_idx').on(t.scheduledAt).where(sql`status = 'scheduled'`),
    check('sessions_duration_positive', sql`${t.durationMinutes} > 0 AND ${t.durationMinutes} <= 1440`),
  ],
);
