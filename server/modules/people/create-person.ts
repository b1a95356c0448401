/**
 * An admin adds a teacher, supervisor, student or parent: the account
 * exists at once without a password anyone knows (an unusable hash), and the
 * person gets an invitation to set their own.
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import type { Deps } from '@/server/deps';
import { users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { isEmailTaken, toPersonView, type Person, type PersonView } from './person-access';
import type { CreatePersonInput } from './schemas';
import { sendInvitation, type Invitation } from './send-invitation';

/** Not a PHC string: verifyPassword refuses it, so nobody signs in before setting a password. */
export const NO_PASSWORD = '!invited';

export async function insertInvitedPerson(
  db: DbExecutor,
  input: { academyId: number; name: string; email: string; role: Person['role']; locale?: 'ar' | 'en' },
): Promise<Person> {
  try {
    const [person] = await db
      .insert(users)
      .values({ academyId: input.academyId, name: input.name, email: input.email, role: input.role, locale: input.locale ?? null, passwordHash: NO_PASSWORD })
      .returning();
    return person!;
  } catch (error) {
    if (isEmailTaken(error)) throw new DomainError('CONFLICT', 'This email already has an account', { cause: error });
    throw error;
  }
}

export async function createPerson(
  deps: Pick<Deps, 'db' | 'clock' | 'appUrl' | 'mail'>,
  actor: Actor,
  academy: Academy,
  input: CreatePersonInput,
): Promise<{ person: PersonView; invitation: Invitation }> {
  return deps.db.transaction(async (tx) => {
    const person = await insertInvitedPerson(tx, { academyId: academy.id, ...input });
    const invitation = await sendInvitation({ ...deps, db: tx }, { person, academy, invitedBy: actor.id });
    return { person: toPersonView(person), invitation };
  });
}
