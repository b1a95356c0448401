import { NotificationSettings } from '@/components/notifications/notification-settings';
import { requireActor } from '../../_lib/require-actor';

export default async function NotificationSettingsPage() {
  await requireActor(['academy_admin', 'supervisor', 'teacher', 'student', 'parent']);
  return <NotificationSettings />;
}
