/** A new circle, course (with its first students, if given) or individual lesson (one teacher, one student). */
import 'server-only';
import type { Deps } from '@/server/deps';
import { circleMembers, circles, courseEnrollments, courses, lessons } from '@/server/db/schema';
import type { Academy } from '@/server/modules/academies';
import { assertPersonOfRole } from './group-store';
import type { CreateGroupInput } from './schemas';

export async function createGroup(deps: Pick<Deps, 'db' | 'clock'>, academy: Academy, input: CreateGroupInput): Promise<{ kind: CreateGroupInput['kind']; id: number }> {
  return deps.db.transaction(async (tx) => {
    await assertPersonOfRole(tx, academy.id, input.teacherId, 'teacher');
    const studentIds = input.kind === 'lesson' ? [input.studentId!] : (input.studentIds ?? []);
    for (const studentId of studentIds) await assertPersonOfRole(tx, academy.id, studentId, 'student');
    if (input.kind === 'lesson') {
      const [lesson] = await tx
        .insert(lessons)
        .values({ academyId: academy.id, title: input.name, teacherId: input.teacherId, studentId: input.studentId!, createdAt: deps.clock.now() })
        .returning({ id: lessons.id });
      return { kind: input.kind, id: lesson!.id };
    }
    if (input.kind === 'circle') {
      const [circle] = await tx.insert(circles).values({ academyId: academy.id, name: input.name, teacherId: input.teacherId }).returning({ id: circles.id });
      if (studentIds.length) await tx.insert(circleMembers).values(studentIds.map((studentId) => ({ academyId: academy.id, circleId: circle!.id, studentId })));
      return { kind: input.kind, id: circle!.id };
    }
    const [course] = await tx.insert(courses).values({ academyId: academy.id, title: input.name, teacherId: input.teacherId }).returning({ id: courses.id });
    if (studentIds.length) await tx.insert(courseEnrollments).values(studentIds.map((studentId) => ({ academyId: academy.id, courseId: course!.id, studentId })));
    return { kind: input.kind, id: course!.id };
  });
}
