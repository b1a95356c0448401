import { TeacherSettingsForm } from '@/components/dashboard/teacher-settings-form';
import { requireActor } from '../../_lib/require-actor';

export default async function TeacherSettingsPage() {
  await requireActor(['teacher']);
  return <TeacherSettingsForm />;
}
