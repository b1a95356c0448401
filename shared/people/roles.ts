/** Every role a user can have (the database enum user_role, server/db/schema/enums.ts, is made from it). */
export const USER_ROLES = ['super_admin', 'academy_admin', 'supervisor', 'teacher', 'student', 'parent'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** The roles an academy admin gives people (academy admins themselves are invited by the super admin). */
export const PERSON_ROLES = ['teacher', 'supervisor', 'student', 'parent'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Every role a person of an academy can have, for lists and filters. */
export const ACADEMY_ROLES = ['academy_admin', 'supervisor', 'teacher', 'student', 'parent'] as const;
export type AcademyRole = (typeof ACADEMY_ROLES)[number];
