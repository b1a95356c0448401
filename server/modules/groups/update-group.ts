/**
 * Renames a group, changes its teacher, or archives / restores it. An
 * archived group keeps its sessions and attendance but takes no new sessions
 * or members; archiving is refused while it still has sessions to come or an
 * active weekly schedule (end those first), so nothing is left half-running.
 */
import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import type { Deps } from '@/server/deps';
import { schedules, sessions } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { OPEN_STATUSES } from '@/server/modules/sessions';
import { assertPersonOfRole, getGroupOrThrow, writeGroup, type GroupRow } from './group-store';
import type { SetGroupArchivedInput, UpdateGroupInput } from './schemas';

export async function updateGroup(deps: Pick<Deps, 'db'>, academy: Academy, input: UpdateGroupInput): Promise<{ kind: UpdateGroupInput['kind']; id: number }> {
  return deps.db.transaction(async (tx) => {
    const group = await getGroupOrThrow(tx, academy.id, input.kind, input.groupId, { forUpdate: true });
    if (input.teacherId !== undefined) {
      await assertPersonOfRole(tx, academy.id, input.teacherId, 'teacher');
      if (group.kind === 'lesson' && input.teacherId === group.studentId) throw new DomainError('BAD_REQUEST', 'A lesson’s teacher is not its student');
    }
    await writeGroup(tx, group, { name: input.name, teacherId: input.teacherId });
    return { kind: group.kind, id: group.id };
  });
}

export async function setGroupArchived(
  deps: Pick<Deps, 'db' | 'clock'>,
  academy: Academy,
  input: SetGroupArchivedInput,
): Promise<{ kind: SetGroupArchivedInput['kind']; id: number; archived: boolean }> {
  return deps.db.transaction(async (tx) => {
    const group = await getGroupOrThrow(tx, academy.id, input.kind, input.groupId, { forUpdate: true });
    if (input.archived && group.archivedAt === null) await assertNothingRunning(tx, group);
    if (input.archived !== (group.archivedAt !== null)) await writeGroup(tx, group, { archivedAt: input.archived ? deps.clock.now() : null });
    return { kind: group.kind, id: group.id, archived: input.archived };
  });
}

async function assertNothingRunning(tx: DbExecutor, group: GroupRow): Promise<void> {
  const audience =
    group.kind === 'circle'
      ? { session: eq(sessions.circleId, group.id), schedule: eq(schedules.circleId, group.id) }
      : group.kind === 'course'
        ? { session: eq(sessions.courseId, group.id), schedule: eq(schedules.courseId, group.id) }
        : {
            session: and(eq(sessions.studentId, group.studentId!), eq(sessions.teacherId, group.teacherId!)),
            schedule: and(eq(schedules.studentId, group.studentId!), eq(schedules.teacherId, group.teacherId!)),
          };
  const [open] = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.academyId, group.academyId), audience.session, inArray(sessions.status, [...OPEN_STATUSES])))
    .limit(1);
  if (open) throw new DomainError('CONFLICT', 'This group still has sessions to come: cancel them or end its schedules first');
  const [running] = await tx
    .select({ id: schedules.id })
    .from(schedules)
    .where(and(eq(schedules.academyId, group.academyId), audience.schedule, inArray(schedules.state, ['active', 'paused'])))
    .limit(1);
  if (running) throw new DomainError('CONFLICT', 'This group still has a weekly schedule: end it first');
}
