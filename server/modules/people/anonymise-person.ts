/**
 * Anonymising a deactivated person, where the law asks for it: the name and
 * email are replaced, the password made unusable, links revoked and parent
 * links removed. The row itself stays, so attendance, sessions and
 * recordings keep pointing at "a former member" (history tables refuse the
 * delete: attendance_* reference users ON DELETE RESTRICT).
 */
import 'server-only';
import { eq, or } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { parentChildren, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { revokeAccountTokens } from '@/server/modules/accounts';
import { NO_PASSWORD } from './create-person';
import { assertMayChange, getPersonOrThrow, toPersonView, type PersonView } from './person-access';
import type { PersonIdInput } from './schemas';

export async function anonymisePerson(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, academy: Academy, input: PersonIdInput): Promise<PersonView> {
  const person = await getPersonOrThrow(deps.db, academy.id, input.userId);
  assertMayChange(actor, person);
  if (person.active) throw new DomainError('CONFLICT', 'Deactivate the person before anonymising them');
  if (person.anonymisedAt) return toPersonView(person);
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(users)
      .set({ name: `#${person.id}`, email: `anonymised-${person.id}@invalid`, passwordHash: NO_PASSWORD, locale: null, timezone: null, anonymisedAt: now })
      .where(eq(users.id, person.id))
      .returning();
    await revokeAccountTokens(tx, { userId: person.id, now });
    await tx.delete(parentChildren).where(or(eq(parentChildren.parentId, person.id), eq(parentChildren.childId, person.id)));
    return toPersonView(updated!);
  });
}
