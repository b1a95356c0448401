/**
 * Whose academy-wide attendance an actor may read (SPEC 2, 9): academy admins
 * and supervisors their own academy's, the super admin any academy they name.
 * Teachers, students and parents never see academy ranges. Another academy
 * is NOT_FOUND, like a missing one.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

export interface ReportAcademy {
  id: number;
  slug: string;
  timezone: string;
}

export async function getReportAcademyOrThrow(db: DbExecutor, actor: Actor, requestedAcademyId?: number): Promise<ReportAcademy> {
  if (!isManagerRole(actor.role)) throw new DomainError('FORBIDDEN', 'Only academy managers can see academy attendance');
  let academyId: number;
  if (actor.role === 'super_admin') {
    if (requestedAcademyId === undefined) throw new DomainError('BAD_REQUEST', 'Name the academy (academyId)');
    academyId = requestedAcademyId;
  } else {
    if (actor.academyId === null) throw new DomainError('FORBIDDEN', 'This needs an academy account');
    if (requestedAcademyId !== undefined && requestedAcademyId !== actor.academyId) throw new DomainError('NOT_FOUND', 'Academy not found');
    academyId = actor.academyId;
  }
  const [academy] = await db
    .select({ id: academies.id, slug: academies.slug, timezone: academies.timezone })
    .from(academies)
    .where(eq(academies.id, academyId));
  if (!academy) throw new DomainError('NOT_FOUND', 'Academy not found');
  return academy;
}

/** A filter naming a person of another academy (or nobody) is NOT_FOUND, not an empty report. */
export async function assertAcademyPeople(db: DbExecutor, academyId: number, userIds: (number | undefined)[]): Promise<void> {
  const wanted = [...new Set(userIds.filter((id): id is number => id !== undefined))];
  if (wanted.length === 0) return;
  const found = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.academyId, academyId), inArray(users.id, wanted)));
  if (found.length !== wanted.length) throw new DomainError('NOT_FOUND', 'No such teacher or student in this academy');
}
