/** The super admin invites an academy's (first) admin: an academy admin account and its invitation. */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { academies } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { insertInvitedPerson } from './create-person';
import { toPersonView, type PersonView } from './person-access';
import type { InviteAcademyAdminInput } from './schemas';
import { sendInvitation, type Invitation } from './send-invitation';

export async function inviteAcademyAdmin(
  deps: Pick<Deps, 'db' | 'clock' | 'appUrl' | 'mail'>,
  actor: Actor,
  input: InviteAcademyAdminInput,
): Promise<{ person: PersonView; invitation: Invitation }> {
  if (actor.role !== 'super_admin') throw new DomainError('FORBIDDEN', 'Only the platform admin invites academy admins');
  const [academy] = await deps.db.select().from(academies).where(eq(academies.id, input.academyId));
  if (!academy) throw new DomainError('NOT_FOUND', 'Academy not found');
  return deps.db.transaction(async (tx) => {
    const person = await insertInvitedPerson(tx, { academyId: academy.id, name: input.name, email: input.email, role: 'academy_admin', locale: input.locale });
    const invitation = await sendInvitation({ ...deps, db: tx }, { person, academy, invitedBy: actor.id });
    return { person: toPersonView(person), invitation };
  });
}
