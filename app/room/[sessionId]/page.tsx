import { notFound, redirect } from 'next/navigation';
import { AppHeader } from '@/components/app-header';
import { RoomClient } from '@/components/room/room-client';
import { getActor } from '@/server/auth/options';
import { getAppDeps } from '@/server/deps';

export default async function RoomPage({ params }: { params: Promise<{ sessionId: string }> }) {
  const actor = await getActor();
  const { sessionId } = await params;
  if (!actor) redirect(`/sign-in`);
  const id = Number(sessionId);
  if (!Number.isSafeInteger(id) || id <= 0 || id > 2_147_483_647) notFound();
  // Why video is unavailable names servers and variables: super admins only (issue 14).
  const reason = getAppDeps().videoUnavailableReason;
  return (
    <div className="room-page">
      <AppHeader name={actor.name} role={actor.role} />
      <RoomClient
        sessionId={id}
        videoUnavailable={reason !== null}
        videoUnavailableDetail={actor.role === 'super_admin' ? reason : null}
      />
    </div>
  );
}
