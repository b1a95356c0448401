/**
 * The three group tables behind one shape. Every read and write is filtered
 * by the academy, so another academy's group is NOT_FOUND like a missing one.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { circles, courses, lessons, users } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { GroupKind } from '@/shared/groups';

export interface GroupRow {
  kind: GroupKind;
  id: number;
  academyId: number;
  name: string;
  teacherId: number | null;
  /** A lesson's one student; null for circles and courses. */
  studentId: number | null;
  archivedAt: Date | null;
}

export async function getGroupOrThrow(db: DbExecutor, academyId: number, kind: GroupKind, id: number, options: { forUpdate?: boolean } = {}): Promise<GroupRow> {
  const row = await findGroup(db, academyId, kind, id, options.forUpdate ?? false);
  if (!row) throw new DomainError('NOT_FOUND', `No such ${kind} in this academy`);
  return row;
}

async function findGroup(db: DbExecutor, academyId: number, kind: GroupKind, id: number, forUpdate: boolean): Promise<GroupRow | undefined> {
  if (kind === 'circle') {
    const q = db.select().from(circles).where(and(eq(circles.id, id), eq(circles.academyId, academyId)));
    const [c] = forUpdate ? await q.for('update') : await q;
    return c && { kind, id: c.id, academyId: c.academyId, name: c.name, teacherId: c.teacherId, studentId: null, archivedAt: c.archivedAt };
  }
  if (kind === 'course') {
    const q = db.select().from(courses).where(and(eq(courses.id, id), eq(courses.academyId, academyId)));
    const [c] = forUpdate ? await q.for('update') : await q;
    return c && { kind, id: c.id, academyId: c.academyId, name: c.title, teacherId: c.teacherId, studentId: null, archivedAt: c.archivedAt };
  }
  const q = db.select().from(lessons).where(and(eq(lessons.id, id), eq(lessons.academyId, academyId)));
  const [l] = forUpdate ? await q.for('update') : await q;
  return l && { kind, id: l.id, academyId: l.academyId, name: l.title, teacherId: l.teacherId, studentId: l.studentId, archivedAt: l.archivedAt };
}

/** Writes the name, teacher and archive mark of one group (whichever of them `patch` has). */
export async function writeGroup(db: DbExecutor, group: GroupRow, patch: { name?: string; teacherId?: number; archivedAt?: Date | null }): Promise<void> {
  const common = { teacherId: patch.teacherId, archivedAt: patch.archivedAt };
  if (group.kind === 'circle') {
    await db.update(circles).set({ ...common, name: patch.name }).where(and(eq(circles.id, group.id), eq(circles.academyId, group.academyId)));
  } else if (group.kind === 'course') {
    await db.update(courses).set({ ...common, title: patch.name }).where(and(eq(courses.id, group.id), eq(courses.academyId, group.academyId)));
  } else {
    await db.update(lessons).set({ ...common, title: patch.name }).where(and(eq(lessons.id, group.id), eq(lessons.academyId, group.academyId)));
  }
}

/** `userId` must be an active person of this academy in `role` (BAD_REQUEST otherwise: the input names the wrong person). */
export async function assertPersonOfRole(db: DbExecutor, academyId: number, userId: number, role: 'teacher' | 'student'): Promise<{ id: number; name: string }> {
  const [person] = await db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.academyId, academyId), eq(users.role, role), eq(users.active, true)));
  if (!person) throw new DomainError('BAD_REQUEST', `${role === 'teacher' ? 'teacherId' : 'studentId'} is not an active ${role} of this academy`);
  return person;
}
