/** One group with its teacher and students, for its edit page. */
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { circleMembers, courseEnrollments, users } from '@/server/db/schema';
import type { Academy } from '@/server/modules/academies';
import { getGroupOrThrow } from './group-store';
import type { GroupRefInput } from './schemas';

export async function getGroup(deps: Pick<Deps, 'db'>, academy: Academy, input: GroupRefInput) {
  const group = await getGroupOrThrow(deps.db, academy.id, input.kind, input.groupId);
  const members =
    group.kind === 'circle'
      ? await deps.db
          .select({ id: users.id, name: users.name })
          .from(circleMembers)
          .innerJoin(users, eq(users.id, circleMembers.studentId))
          .where(and(eq(circleMembers.circleId, group.id), eq(circleMembers.academyId, academy.id)))
          .orderBy(asc(users.name), asc(users.id))
      : group.kind === 'course'
        ? await deps.db
            .select({ id: users.id, name: users.name })
            .from(courseEnrollments)
            .innerJoin(users, eq(users.id, courseEnrollments.studentId))
            .where(and(eq(courseEnrollments.courseId, group.id), eq(courseEnrollments.academyId, academy.id)))
            .orderBy(asc(users.name), asc(users.id))
        : await deps.db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, group.studentId!));
  return {
    kind: group.kind,
    id: group.id,
    name: group.name,
    teacherId: group.teacherId,
    archived: group.archivedAt !== null,
    students: members,
  };
}
export type GroupDetail = Awaited<ReturnType<typeof getGroup>>;
