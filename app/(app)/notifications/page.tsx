import { Inbox } from '@/components/notifications/inbox';
import { requireActor } from '../_lib/require-actor';

export default async function NotificationsPage() {
  await requireActor();
  return <Inbox />;
}
