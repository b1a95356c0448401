import { redirect } from 'next/navigation';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { ImportRoster } from '@/components/people/import-roster';
import { requireAdminScope } from '../../../_lib/require-actor';

export default async function AdminPeopleImportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  if (actor.role === 'supervisor') redirect('/admin/people');
  return (
    <AdminShell academyId={academyId} titleKey="people.importTitle">
      <ImportRoster />
    </AdminShell>
  );
}
