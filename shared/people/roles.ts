/** The roles an academy admin gives people (academy admins themselves are invited by the super admin). */
export const PERSON_ROLES = ['teacher', 'supervisor', 'student', 'parent'] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Every role a person of an academy can have, for lists and filters. */
export const ACADEMY_ROLES = ['academy_admin', 'supervisor', 'teacher', 'student', 'parent'] as const;
export type AcademyRole = (typeof ACADEMY_ROLES)[number];
