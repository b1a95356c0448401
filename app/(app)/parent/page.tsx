import { ParentHome } from '@/components/dashboard/parent-home';
import { requireActor } from '../_lib/require-actor';

export default async function ParentPage() {
  const actor = await requireActor(['parent']);
  return <ParentHome name={actor.name} />;
}
