import { notFound } from 'next/navigation';
import { SessionDetail } from '@/components/dashboard/session/session-detail';
import { requireActor } from '../../_lib/require-actor';

/** Anyone signed in may ask; session.detail decides what they see (or "not allowed"). */
export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  if (!/^[1-9]\d{0,9}$/.test(id) || Number(id) > 2_147_483_647) notFound();
  return <SessionDetail sessionId={Number(id)} role={actor.role} />;
}
