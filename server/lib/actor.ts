import 'server-only';
import type { UserRole } from '@/shared/people/roles';

/** The signed-in user as every use case sees it; built from the next-auth session. */
export interface Actor {
  id: number;
  role: UserRole;
  /** null only for super admins. */
  academyId: number | null;
  name: string;
}

/** Who manages an academy: its admins and supervisors, and the super admin (docs/rules.md#roles). */
export const MANAGER_ROLES: readonly UserRole[] = ['super_admin', 'academy_admin', 'supervisor'];

/** Who may change an academy's settings. */
export const ADMIN_ROLES: readonly UserRole[] = ['super_admin', 'academy_admin'];

export function isManagerRole(role: UserRole): boolean {
  return MANAGER_ROLES.includes(role);
}
