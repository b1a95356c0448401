import { pgEnum } from 'drizzle-orm/pg-core';
import { USER_ROLES } from '@/shared/people/roles';
import { SESSION_STATUSES } from '@/shared/session-status';

export const userRole = pgEnum('user_role', USER_ROLES);

export const sessionKind = pgEnum('session_kind', ['quran', 'academic', 'interactive_course']);

export const sessionStatus = pgEnum('session_status', SESSION_STATUSES);

export const attendanceStatus = pgEnum('attendance_status', ['present', 'late', 'partial', 'absent']);

export const attendeeType = pgEnum('attendee_type', ['student', 'teacher', 'supervisor', 'parent']);

export const locale = pgEnum('locale', ['ar', 'en']);

export type UserRole = (typeof userRole.enumValues)[number];
export type SessionKind = (typeof sessionKind.enumValues)[number];
export type SessionStatus = (typeof sessionStatus.enumValues)[number];
export type AttendeeType = (typeof attendeeType.enumValues)[number];
