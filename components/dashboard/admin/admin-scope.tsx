'use client';

import { createContext, useContext, type ReactNode } from 'react';

/**
 * Which academy the admin pages are about: undefined for an academy's own
 * managers (the server takes it from their session), the chosen academy's id
 * for the super admin, who passes it with every call.
 */
const AdminScopeContext = createContext<number | undefined>(undefined);

export function AdminScope({ academyId, children }: { academyId: number | undefined; children: ReactNode }) {
  return <AdminScopeContext.Provider value={academyId}>{children}</AdminScopeContext.Provider>;
}

export function useAcademyScope(): { academyId?: number } {
  const academyId = useContext(AdminScopeContext);
  return academyId === undefined ? {} : { academyId };
}

/** A link within the admin pages that keeps the super admin's chosen academy. */
export function useAdminHref(): (path: string) => string {
  const academyId = useContext(AdminScopeContext);
  return (path) => (academyId === undefined ? path : `${path}?academy=${academyId}`);
}
