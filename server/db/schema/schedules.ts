import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, serial, smallint, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { oneAudienceOfKind } from './audience';
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
    teacherId: integer('teacher_id').notNull(),
    studentId: integer('student_id'),
    circleId: integer('circle_id'),
    courseId: integer('course_id'),
    weekdays: smallint('weekdays').array().notNull(),
    /** Local 'HH:MM' in `timezone` (the academy's at creation). */
    localTime: text('local_time').notNull(),
    timezone: text('timezone').notNull(),
    durationMinutes: integer('duration_minutes').notNull(),
    /** Local 'YYYY-MM-DD'. */
    startDate: text('start_date').notNull(),
    endDate: text('end_date'),
    count: integer('count'),
    /** active: its future sessions exist; paused: none until resumed; ended: none ever again (shared/groups.ts: SCHEDULE_STATES). */
    state: text('state').notNull().default('active'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** May be the super admin (no academy), so a plain reference; academy_user_guard checks it (migration 0002). */
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('schedules_academy_idx').on(t.academyId),
    unique('schedules_academy_id_id_uq').on(t.academyId, t.id),
    foreignKey({ name: 'schedules_teacher_fk', columns: [t.academyId, t.teacherId], foreignColumns: [users.academyId, users.id] }),
    foreignKey({ name: 'schedules_student_fk', columns: [t.academyId, t.studentId], foreignColumns: [users.academyId, users.id] }),
    foreignKey({ name: 'schedules_circle_fk', columns: [t.academyId, t.circleId], foreignColumns: [circles.academyId, circles.id] }),
    foreignKey({ name: 'schedules_course_fk', columns: [t.academyId, t.courseId], foreignColumns: [courses.academyId, courses.id] }),
    check('schedules_one_audience', oneAudienceOfKind(t)),
    check('schedules_weekdays', sql`cardinality(${t.weekdays}) BETWEEN 1 AND 7 AND ${t.weekdays} <@ '{0,1,2,3,4,5,6}'::smallint[]`),
    check('schedules_local_time', sql`${t.localTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`),
    check('schedules_duration', sql`${t.durationMinutes} > 0 AND ${t.durationMinutes} <= 1440`),
    check('schedules_start_date', sql`${t.startDate} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    check('schedules_end_date', sql`${t.endDate} ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'`),
    // Exactly one way to end: a number of occurrences or a last date.
    check('schedules_state', sql`${t.state} IN ('active', 'paused', 'ended')`),
    check('schedules_count_or_end_date', sql`num_nonnulls(${t.count}, ${t.endDate}) = 1 AND ${t.count} >= 1`),
  ],
);
