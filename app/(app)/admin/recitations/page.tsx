import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { AcademyRecitations } from '@/components/recitations/academy-recitations';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminRecitationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId}>
      <AcademyRecitations />
    </AdminShell>
  );
}
