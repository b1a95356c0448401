import { AdminSessions } from '@/components/dashboard/admin/admin-sessions';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminSessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      <AdminSessions />
    </AdminShell>
  );
}
