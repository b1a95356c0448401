/**
 * Adding and removing a circle's members or a course's students. Removing
 * deletes only the membership: attendance records belong to the session and
 * the person (attendance_records), so the student's past attendance stays.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circleMembers, courseEnrollments } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { assertPersonOfRole, getGroupOrThrow } from './group-store';
import type { MemberInput } from './schemas';

export async function addMember(deps: Pick<Deps, 'db'>, academy: Academy, input: MemberInput): Promise<{ added: boolean }> {
  return deps.db.transaction(async (tx) => {
    const group = await getGroupOrThrow(tx, academy.id, input.kind, input.groupId, { forUpdate: true });
    if (group.archivedAt) throw new DomainError('CONFLICT', 'An archived group takes no new students');
    await assertPersonOfRole(tx, academy.id, input.studentId, 'student');
    const rows =
      input.kind === 'circle'
        ? await tx.insert(circleMembers).values({ academyId: academy.id, circleId: group.id, studentId: input.studentId }).onConflictDoNothing().returning()
        : await tx.insert(courseEnrollments).values({ academyId: academy.id, courseId: group.id, studentId: input.studentId }).onConflictDoNothing().returning();
    return { added: rows.length > 0 };
  });
}

export async function removeMember(deps: Pick<Deps, 'db'>, academy: Academy, input: MemberInput): Promise<{ removed: true }> {
  const group = await getGroupOrThrow(deps.db, academy.id, input.kind, input.groupId);
  const rows =
    input.kind === 'circle'
      ? await deps.db
          .delete(circleMembers)
          .where(and(eq(circleMembers.circleId, group.id), eq(circleMembers.academyId, academy.id), eq(circleMembers.studentId, input.studentId)))
          .returning()
      : await deps.db
          .delete(courseEnrollments)
          .where(and(eq(courseEnrollments.courseId, group.id), eq(courseEnrollments.academyId, academy.id), eq(courseEnrollments.studentId, input.studentId)))
          .returning();
  if (rows.length === 0) throw new DomainError('NOT_FOUND', 'That student is not in this group');
  return { removed: true };
}
