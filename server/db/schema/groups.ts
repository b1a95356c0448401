import { index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { users } from './users';

/** Quran circles: a teacher and member students. */
export const circles = pgTable(
  'circles',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    teacherId: integer('teacher_id').references(() => users.id),
  },
  (t) => [index('circles_academy_idx').on(t.academyId)],
);

export const circleMembers = pgTable(
  'circle_members',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    circleId: integer('circle_id')
      .notNull()
      .references(() => circles.id, { onDelete: 'cascade' }),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.circleId, t.studentId] }), index('circle_members_student_idx').on(t.studentId)],
);

export const courses = pgTable(
  'courses',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    teacherId: integer('teacher_id').references(() => users.id),
  },
  (t) => [index('courses_academy_idx').on(t.academyId)],
);

export const courseEnrollments = pgTable(
  'course_enrollments',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    courseId: integer('course_id')
      .notNull()
      .references(() => courses.id, { onDelete: 'cascade' }),
    studentId: integer('student_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.studentId] }), index('course_enrollments_student_idx').on(t.studentId)],
);
