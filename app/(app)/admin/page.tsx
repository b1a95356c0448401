import { AdminOverview } from '@/components/dashboard/admin/admin-overview';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { requireAdminScope } from '../_lib/require-actor';

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      <AdminOverview />
    </AdminShell>
  );
}
