import { index, integer, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { sessionKind } from './enums';
import { circles, courses } from './groups';
import { users } from './users';

/** A weekly recurring schedule in the academy's local time; its sessions carry schedule_id. */
export const schedules = pgTable(
  'schedules',
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
    studentId: integer('student_id').references(() => users.id),
    circleId: integer('circle_id').references(() => circles.id),
    courseId: integer('course_id').references(() => courses.id),
    weekdays: smallint('weekdays').array().notNull(),
    /** Local 'HH:MM' in `timezone` (the academy's at creation). */
    localTime: text('local_time').notNull(),
    timezone: text('timezone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Local 'YYYY-MM-DD'. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    count: integer('count'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schedules_academy_idx').on(t.academyId)],
);
