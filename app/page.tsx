import { redirect } from 'next/navigation';
import { homePathFor } from '@/components/dashboard/home-path';
import { getActor } from '@/server/auth/options';

/** Everyone lands on their role's home (docs/rules.md#dashboards). */
export default async function HomePage() {
  const actor = await getActor();
  redirect(actor ? homePathFor(actor.role) : '/sign-in');
}
