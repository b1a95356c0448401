/**
 * Editing a person: name, email, role. A change of role ends their sessions
 * at once (the users row's trigger moves the session version on), so they
 * sign in again as who they now are. A role change that would leave a
 * parent link, group membership or coming session meaningless is refused:
 * a student who is a member of a circle stays a student until removed from it.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circleMembers, circles, courseEnrollments, courses, parentChildren, sessions, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { assertMayChange, getPersonOrThrow, isEmailTaken, toPersonView, type PersonView } from './person-access';
import type { UpdatePersonInput } from './schemas';

async function roleChangeProblem(db: Deps['db'], personId: number, from: string, to: string): Promise<string | null> {
  if (from === to) return null;
  if (from === 'student') {
    const [row] = await db.execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM ${circleMembers} WHERE ${circleMembers.studentId} = ${personId})
           + (SELECT count(*) FROM ${courseEnrollments} WHERE ${courseEnrollments.studentId} = ${personId})
           + (SELECT count(*) FROM ${parentChildren} WHERE ${parentChildren.childId} = ${personId}) AS n`);
    if (Number(row?.n) > 0) return 'A student with circles, courses or parents keeps the role until those are removed';
  }
  if (from === 'teacher') {
    const [row] = await db.execute<{ n: number }>(sql`
      SELECT (SELECT count(*) FROM ${circles} WHERE ${circles.teacherId} = ${personId})
           + (SELECT count(*) FROM ${courses} WHERE ${courses.teacherId} = ${personId})
           + (SELECT count(*) FROM ${sessions} WHERE ${sessions.teacherId} = ${personId} AND ${sessions.status} IN ('scheduled', 'ready', 'ongoing')) AS n`);
    if (Number(row?.n) > 0) return 'A teacher with circles, courses or coming sessions keeps the role until they are handed over';
  }
  if (from === 'parent') {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(parentChildren).where(eq(parentChildren.parentId, personId));
    if ((row?.n ?? 0) > 0) return 'A parent with linked children keeps the role until the links are removed';
  }
  return null;
}

export async function updatePerson(deps: Pick<Deps, 'db'>, actor: Actor, academy: Academy, input: UpdatePersonInput): Promise<PersonView> {
  const person = await getPersonOrThrow(deps.db, academy.id, input.userId);
  assertMayChange(actor, person);
  if (person.anonymisedAt) throw new DomainError('CONFLICT', 'An anonymised person is not edited');
  if (input.role) {
    const problem = await roleChangeProblem(deps.db, person.id, person.role, input.role);
    if (problem) throw new DomainError('CONFLICT', problem);
  }
  try {
    const [updated] = await deps.db
      .update(users)
      .set({ name: input.name, email: input.email, role: input.role })
      .where(and(eq(users.id, person.id), eq(users.academyId, academy.id)))
      .returning();
    return toPersonView(updated!);
  } catch (error) {
    if (isEmailTaken(error)) throw new DomainError('CONFLICT', 'This email already has an account', { cause: error });
    throw error;
  }
}
