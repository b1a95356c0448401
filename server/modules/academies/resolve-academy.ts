/**
 * The tenant rule, in one place: which academy an actor may act on, given
 * the academy they asked for (docs/rules.md#tenancy). Everyone but the super
 * admin belongs to exactly one academy and acts only on it; naming another
 * is NOT_FOUND, exactly like naming one that does not exist. The super admin
 * belongs to none and names the academy; on overviews naming none means
 * every academy (null).
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { academies, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';

export type Academy = typeof academies.$inferSelect;

export function resolveAcademy(db: DbExecutor, actor: Actor, requested: number | undefined, options: { everyAcademy: true }): Promise<Academy | null>;
export function resolveAcademy(db: DbExecutor, actor: Actor, requested: number | undefined, options?: { everyAcademy?: false }): Promise<Academy>;
export async function resolveAcademy(
  db: DbExecutor,
  actor: Actor,
  requested: number | undefined,
  options: { everyAcademy?: boolean } = {},
): Promise<Academy | null> {
  let academyId: number;
  if (actor.role === 'super_admin') {
    if (requested === undefined) {
      if (options.everyAcademy) return null;
      throw new DomainError('BAD_REQUEST', 'academyId is required for a super admin');
    }
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

/** A teacher filter naming someone who is not a teacher of this academy is NOT_FOUND, not an empty report. */
export async function assertAcademyTeacher(db: DbExecutor, academyId: number, teacherId: number | undefined): Promise<void> {
  if (teacherId === undefined) return;
  const [row] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, teacherId), eq(users.academyId, academyId), eq(users.role, 'teacher')));
  if (!row) throw new DomainError('NOT_FOUND', 'No such teacher in this academy');
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
