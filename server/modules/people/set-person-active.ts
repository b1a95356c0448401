/**
 * Deactivating and reactivating a person of the academy, on the revocation
 * of accounts/set-user-active.ts: refused at their next request and sign-in,
 * no new join tokens, removed from live rooms; their open links stop
 * working. An admin cannot deactivate themself.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { revokeAccountTokens, setUserActive } from '@/server/modules/accounts';
import { assertMayChange, getPersonOrThrow, toPersonView, type PersonView } from './person-access';
import type { SetPersonActiveInput } from './schemas';

export async function setPersonActive(
  deps: Pick<Deps, 'db' | 'livekit' | 'clock'>,
  actor: Actor,
  academy: Academy,
  input: SetPersonActiveInput,
): Promise<{ person: PersonView; removedFromRooms: string[] }> {
  const person = await getPersonOrThrow(deps.db, academy.id, input.userId);
  assertMayChange(actor, person);
  if (person.id === actor.id) throw new DomainError('FORBIDDEN', 'You cannot deactivate yourself');
  if (person.anonymisedAt && input.active) throw new DomainError('CONFLICT', 'An anonymised person cannot be reactivated');
  const { removedFromRooms } = await setUserActive(deps, { userId: person.id, active: input.active });
  if (!input.active) await revokeAccountTokens(deps.db, { userId: person.id, now: deps.clock.now() });
  return { person: toPersonView({ ...person, active: input.active }), removedFromRooms };
}
