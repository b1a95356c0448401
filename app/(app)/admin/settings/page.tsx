import { AdminShell } from '@/components/dashboard/admin/admin-shell';
import { VideoSettingsForm } from '@/components/dashboard/admin/video-settings-form';
import { requireAdminScope } from '../../_lib/require-actor';

export default async function AdminSettingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, academyId } = await requireAdminScope(searchParams);
  // Supervisors read the settings; only admins change them (scheduling.updateVideoSettings).
  return (
    <AdminShell academyId={academyId} titleKey="videoSettings">
      <VideoSettingsForm canEdit={actor.role === 'academy_admin' || actor.role === 'super_admin'} />
    </AdminShell>
  );
}
