import { redirect } from 'next/navigation';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { CreateGroupForm } from '@/components/groups/create-group-form';
import { ADMIN_ROLES } from '@/server/lib/actor';
import { GROUP_KINDS, type GroupKind } from '@/shared/groups';
import { requireAdminScope } from '../../../_lib/require-actor';

/** `?kind=circle|course|lesson` picks the form's starting kind (a circle without it). */
export default async function NewGroupPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  if (!ADMIN_ROLES.includes(actor.role)) redirect('/admin/groups');
  const raw = (await searchParams).kind;
  const kind = (GROUP_KINDS as readonly string[]).includes(String(raw)) ? (raw as GroupKind) : 'circle';
  return (
    <AdminShell academyId={academyId}>
      <CreateGroupForm initialKind={kind} />
    </AdminShell>
  );
}
