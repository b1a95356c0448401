import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { GroupsList } from '@/components/groups/groups-list';
import { ADMIN_ROLES } from '@/server/lib/actor';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminGroupsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      <GroupsList canEdit={ADMIN_ROLES.includes(actor.role)} />
    </AdminShell>
  );
}
