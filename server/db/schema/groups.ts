import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, pgTable, primaryKey, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { users } from './users';

/*
 * Tenancy in the schema: every reference to a user, circle or course goes
 * through (academy_id, id), so a row can only name its own academy's rows.
 */

/** Quran circles: a teacher and member students. */
export const circles = pgTable(
  'circles',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    teacherId: integer('teacher_id'),
    /** Archived groups keep their sessions and attendance but take no new ones. */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('circles_academy_idx').on(t.academyId),
    unique('circles_academy_id_id_uq').on(t.academyId, t.id),
    foreignKey({ name: 'circles_teacher_fk', columns: [t.academyId, t.teacherId], foreignColumns: [users.academyId, users.id] }),
  ],
);

export const circleMembers = pgTable(
  'circle_members',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    circleId: integer('circle_id').notNull(),
    studentId: integer('student_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.circleId, t.studentId] }),
    index('circle_members_student_idx').on(t.studentId),
    foreignKey({ name: 'circle_members_circle_fk', columns: [t.academyId, t.circleId], foreignColumns: [circles.academyId, circles.id] }).onDelete('cascade'),
    foreignKey({ name: 'circle_members_student_fk', columns: [t.academyId, t.studentId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
  ],
);

export const courses = pgTable(
  'courses',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    teacherId: integer('teacher_id'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (t) => [
    index('courses_academy_idx').on(t.academyId),
    unique('courses_academy_id_id_uq').on(t.academyId, t.id),
    foreignKey({ name: 'courses_teacher_fk', columns: [t.academyId, t.teacherId], foreignColumns: [users.academyId, users.id] }),
  ],
);

export const courseEnrollments = pgTable(
  'course_enrollments',
  {
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    courseId: integer('course_id').notNull(),
    studentId: integer('student_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.courseId, t.studentId] }),
    index('course_enrollments_student_idx').on(t.studentId),
    foreignKey({ name: 'course_enrollments_course_fk', columns: [t.academyId, t.courseId], foreignColumns: [courses.academyId, courses.id] }).onDelete('cascade'),
    foreignKey({ name: 'course_enrollments_student_fk', columns: [t.academyId, t.studentId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
  ],
);

/**
 * Individual lessons: one teacher and one student. Their sessions name the
 * student as the audience (sessions.student_id), so joining and attendance
 * work as for any one-to-one session; the lesson is what an admin manages.
 */
export const lessons = pgTable(
  'lessons',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    teacherId: integer('teacher_id').notNull(),
    studentId: integer('student_id').notNull(),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('lessons_academy_idx').on(t.academyId),
    index('lessons_student_idx').on(t.studentId),
    unique('lessons_academy_id_id_uq').on(t.academyId, t.id),
    foreignKey({ name: 'lessons_teacher_fk', columns: [t.academyId, t.teacherId], foreignColumns: [users.academyId, users.id] }),
    foreignKey({ name: 'lessons_student_fk', columns: [t.academyId, t.studentId], foreignColumns: [users.academyId, users.id] }),
    check('lessons_teacher_not_student', sql`${t.teacherId} <> ${t.studentId}`),
  ],
);
