import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { AcademyRecitations } from '@/components/recitations/academy-recitations';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminRecitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      {/* Supervisors read the scale; only admins change it (recitation.setGradeScale). */}
      <AcademyRecitations canEdit={actor.role === 'academy_admin' || actor.role === 'super_admin'} />
    </AdminShell>
  );
}
