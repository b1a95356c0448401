import type { ReactNode } from 'react';
import { AppHeader } from '@/components/app-header';
import { requireActor } from './_lib/require-actor';

/** Every dashboard page: signed in, the header, and the one main landmark. */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  return (
    <>
      <AppHeader name={actor.name} role={actor.role} />
      <main id="main" tabIndex={-1} className="mx-auto max-w-[1100px] px-4 py-6">
        {children}
      </main>
    </>
  );
}
