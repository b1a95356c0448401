import { pgEnum } from 'drizzle-orm/pg-core';

export const userRole = pgEnum('user_role', [
  'super_admin',
  'academy_admin',
  'supervisor',
  'teacher',
  'student',
  'parent',
]);

export const sessionKind = pgEnum('session_kind', ['quran', 'academic', 'interactive_course']);

export const sessionStatus = pgEnum('session_status', [
  'scheduled',
  'ready',
  'ongoing',
  'completed',
  'cancelled',
  'absent',
]);

export const attendanceStatus = pgEnum('attendance_status', ['present', 'late', 'partial', 'absent']);

export const attendeeType = pgEnum('attendee_type', ['student', 'teacher', 'supervisor', 'parent']);

export const locale = pgEnum('locale', ['ar', 'en']);

export type UserRole = (typeof userRole.enumValues)[number];
export type SessionKind = (typeof sessionKind.enumValues)[number];
export type SessionStatus = (typeof sessionStatus.enumValues)[number];
export type AttendeeType = (typeof attendeeType.enumValues)[number];
