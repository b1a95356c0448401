import { SuperHome } from '@/components/dashboard/super-home';
import { requireActor } from '../_lib/require-actor';

export default async function SuperPage() {
  await requireActor(['super_admin']);
  return <SuperHome />;
}
