import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { AddPersonForm } from '@/components/people/add-person-form';
import { PeopleList } from '@/components/people/people-list';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminPeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  // Supervisors read the list; academy admins (and the super admin) change people.
  const canEdit = actor.role === 'academy_admin' || actor.role === 'super_admin';
  return (
    <AdminShell academyId={academyId} titleKey="people.title">
      {canEdit && <AddPersonForm />}
      <PeopleList canEdit={canEdit} />
    </AdminShell>
  );
}
