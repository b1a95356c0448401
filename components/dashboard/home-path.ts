import type { UserRole } from '@/server/db/schema/enums';

/** Each role's home (docs/rules.md, Dashboards); `/` sends people here. */
export function homePathFor(role: UserRole): string {
  switch (role) {
    case 'super_admin':
      return '/super';
    case 'academy_admin':
    case 'supervisor':
      return '/admin';
    case 'teacher':
      return '/teacher';
    case 'student':
      return '/student';
    case 'parent':
      return '/parent';
  }
}

export const isManager = (role: UserRole) => role === 'super_admin' || role === 'academy_admin' || role === 'supervisor';
export const isStaff = (role: UserRole) => isManager(role) || role === 'teacher';
