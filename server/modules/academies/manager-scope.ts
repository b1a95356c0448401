/**
 * Which academy a dashboard read is about: the actor's own for academy
 * managers (naming another is NOT_FOUND, like a missing one); the super
 * admin, who belongs to none, names it.
 */
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

export type Academy = typeof academies.$inferSelect;

export function assertManager(actor: Actor): void {
  if (!isManagerRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only academy managers can see this');
}

export async function getManagedAcademyOrThrow(db: DbExecutor, actor: Actor, requested: number | undefined): Promise<Academy> {
  assertManager(actor);
  let academyId: number;
  if (actor.role === 'super_admin') {
    if (requested === undefined) throw new DomainError('BAD_REQUEST', 'academyId is required for a super admin');
    academyId = requested;
  } else {
    if (actor.academyId === null || (requested !== undefined && requested !== actor.academyId)) {
      throw new DomainError('NOT_FOUND', 'Academy not found');
    }
    academyId = actor.academyId;
  }
  const [academy] = await db.select().from(academies).where(eq(academies.id, academyId));
  if (!academy) throw new DomainError('NOT_FOUND', 'Academy not found');
  return academy;
}

/** A teacher filter naming someone who is not a teacher of this academy is NOT_FOUND, not an empty report (as in attendance's reports). */
export async function assertAcademyTeacher(db: DbExecutor, academyId: number, teacherId: number | undefined): Promise<void> {
  if (teacherId === undefined) return;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, teacherId), eq(users.academyId, academyId), eq(users.role, 'teacher')));
  if (!row) throw new DomainError('NOT_FOUND', 'No such teacher in this academy');
}
