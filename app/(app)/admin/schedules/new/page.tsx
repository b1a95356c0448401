import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { WeeklyScheduleForm } from '@/components/dashboard/admin/weekly-schedule-form';
import { requireAdminScope } from '../../../_lib/require-actor';

export default async function NewSchedulePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId} titleKey="scheduleEdit.new">
      <WeeklyScheduleForm />
    </AdminShell>
  );
}
