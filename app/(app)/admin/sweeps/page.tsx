import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { RecentSweepRuns, SweepStats } from '@/components/dashboard/admin/sweep-stats';
import { WebhookProblems } from '@/components/dashboard/admin/webhook-problems';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminSweepsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { academyId } = await requireAdminScope(searchParams);
  return (
    <AdminShell academyId={academyId} titleKey="sweeps">
      <SweepStats />
      <RecentSweepRuns />
      <WebhookProblems />
    </AdminShell>
  );
}
