import { redirect } from 'next/navigation';
import { homePathFor, isManager } from '@/components/dashboard/home-path';
import { getActor } from '@/server/auth/options';
import type { UserRole } from '@/server/db/schema/enums';
import type { Actor } from '@/server/lib/actor';

/** The signed-in actor, or off to sign in; someone whose role the page is not for goes to their own home. */
export async function requireActor(roles?: readonly UserRole[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect('/sign-in');
  if (roles && !roles.includes(actor.role)) redirect(homePathFor(actor.role));
  return actor;
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/**
 * The admin pages' academy: a manager's own (the server knows it), or for the
 * super admin the one named by `?academy=` — without it they pick one first.
 */
export async function requireAdminScope(searchParams: SearchParams): Promise<{ actor: Actor; academyId: number | undefined }> {
  const actor = await requireActor();
  if (!isManager(actor.role)) redirect(homePathFor(actor.role));
  if (actor.role !== 'super_admin') return { actor, academyId: undefined };
  const raw = (await searchParams).academy;
  const academyId = typeof raw === 'string' && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
  if (academyId === null || academyId > 2_147_483_647) redirect('/super');
  return { actor, academyId };
}
