import { AdminSchedules } from '@/components/dashboard/admin/admin-schedules';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminSchedulesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      <AdminSchedules />
    </AdminShell>
  );
}
