import { redirect } from 'next/navigation';
import { AppHeader } from '@/components/app-header';
import { SessionList } from '@/components/sessions/session-list';
import { getActor } from '@/server/auth/options';

export default async function HomePage() {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <main>
        <SessionList range="today" canJoin />
        <SessionList range="upcoming" canJoin={false} />
        <SessionList range="past" canJoin={false} />
      </main>
    </>
  );
}
