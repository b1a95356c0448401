import { notFound } from 'next/navigation';
import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { ScheduleEditor } from '@/components/dashboard/admin/schedule-editor';
import { requireAdminScope } from '../../../_lib/require-actor';

export default async function SchedulePage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { academyId } = await requireAdminScope(searchParams);
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  return (
    <AdminShell academyId={academyId}>
      <ScheduleEditor scheduleId={Number(id)} />
    </AdminShell>
  );
}
