import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { GroupEditor } from '@/components/groups/group-editor';
import { ADMIN_ROLES } from '@/server/lib/actor';
import { GROUP_KINDS, type GroupKind } from '@/shared/groups';
import { requireAdminScope } from '../../../../_lib/require-actor';

export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ kind: string; id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  const { kind, id } = await params;
  if (!(GROUP_KINDS as readonly string[]).includes(kind) || !/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  return (
    <AdminShell academyId={academyId}>
      <GroupEditor kind={kind as GroupKind} groupId={Number(id)} canEdit={ADMIN_ROLES.includes(actor.role)} />
    </AdminShell>
  );
}
