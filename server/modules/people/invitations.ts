/**
 * Resending and revoking a person's invitation. Resending makes a new link
 * (the old one stops working) and hands it to the admin; it is for people
 * who have not set their password yet, and for nobody deactivated.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { revokeAccountTokens } from '@/server/modules/accounts';
import { assertMayChange, getPersonOrThrow } from './person-access';
import type { PersonIdInput } from './schemas';
import { sendInvitation, type Invitation } from './send-invitation';

export async function resendInvitation(deps: Pick<Deps, 'db' | 'clock' | 'appUrl' | 'mail'>, actor: Actor, academy: Academy, input: PersonIdInput): Promise<Invitation> {
  const person = await getPersonOrThrow(deps.db, academy.id, input.userId);
  assertMayChange(actor, person);
  if (!person.active) throw new DomainError('CONFLICT', 'Reactivate the person before inviting them');
  if (person.passwordSetAt) throw new DomainError('CONFLICT', 'This person has already set a password');
  return deps.db.transaction((tx) => sendInvitation({ ...deps, db: tx }, { person, academy, invitedBy: actor.id }));
}

export async function revokeInvitation(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, academy: Academy, input: PersonIdInput): Promise<{ revoked: number }> {
  const person = await getPersonOrThrow(deps.db, academy.id, input.userId);
  assertMayChange(actor, person);
  return { revoked: await revokeAccountTokens(deps.db, { userId: person.id, purpose: 'invitation', now: deps.clock.now() }) };
}
