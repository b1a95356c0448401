/**
 * A teacher's own meeting settings (docs/rules.md#meetings's teacher layer): the teacher
 * themself or a manager of their academy may read and change them. A null
 * field says nothing, so the academy's setting (or the default) applies.
 */
import 'server-only';
import { and, eq } from 'drizzle-orm';
import { teacherSettings, users } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { DbExecutor } from '@/server/db';
import type { UpdateTeacherSettingsInput } from './schemas';

const FIELDS = ['maxParticipants', 'recordingEnabled', 'videoQuality', 'audioQuality', 'screenShare', 'chat', 'muteOnJoin', 'studentsCanPublish'] as const;

async function getTeacherInScopeOrThrow(db: DbExecutor, actor: Actor, teacherId: number | undefined) {
  const id = teacherId ?? actor.id;
  const [teacher] = await db
    .select({ id: users.id, academyId: users.academyId, name: users.name })
    .from(users)
    .where(and(eq(users.id, id), eq(users.role, 'teacher')));
  const sameAcademy = teacher !== undefined && teacher.academyId !== null && teacher.academyId === actor.academyId;
  if (!teacher || teacher.academyId === null || (actor.role !== 'super_admin' && !sameAcademy)) {
    throw new DomainError('NOT_FOUND', 'Teacher not found');
  }
  if (actor.role !== 'super_admin' && actor.id !== teacher.id && !isManagerRole(actor.role)) {
    throw new DomainError('FORBIDDEN', "Only the teacher or an academy manager can see a teacher's settings");
  }
  return { ...teacher, academyId: teacher.academyId };
}

type Settings = { [K in (typeof FIELDS)[number]]: (typeof teacherSettings.$inferSelect)[K] };

function view(teacher: { id: number; academyId: number; name: string }, row: Settings | undefined) {
  const settings = Object.fromEntries(FIELDS.map((f) => [f, row?.[f] ?? null])) as Settings;
  return { teacherId: teacher.id, academyId: teacher.academyId, teacherName: teacher.name, ...settings };
}

export async function getTeacherMeetingSettings(deps: Deps, actor: Actor, input: { teacherId?: number } = {}) {
  const teacher = await getTeacherInScopeOrThrow(deps.db, actor, input.teacherId);
  const [row] = await deps.db.select().from(teacherSettings).where(eq(teacherSettings.userId, teacher.id));
  return view(teacher, row);
}

export async function updateTeacherMeetingSettings(deps: Deps, actor: Actor, input: UpdateTeacherSettingsInput) {
  const { teacherId, ...requested } = input;
  const teacher = await getTeacherInScopeOrThrow(deps.db, actor, teacherId);
  const changes = Object.fromEntries(Object.entries(requested).filter(([, v]) => v !== undefined)) as Partial<Settings>;
  const [row] = await deps.db
    .insert(teacherSettings)
    .values({ userId: teacher.id, academyId: teacher.academyId, ...changes })
    .onConflictDoUpdate({ target: teacherSettings.userId, set: Object.keys(changes).length ? changes : { userId: teacher.id } })
    .returning();
  return view(teacher, row);
}
