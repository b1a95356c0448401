/**
 * Writing the recitation log (docs/rules.md#recitation-log): the session's teacher or a
 * manager records what a student of the session recited; the grade must be
 * on the academy's scale. An entry is editable by the session's teacher for
 * EDIT_WINDOW_DAYS after it was written, then by managers only; who wrote
 * and who last changed it, and when, are kept on the row.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { recitations } from '@/server/db/schema';
import { isManagerRole, type Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { isGradeOn, isGradeScale, type GradeScale } from '@/shared/quran/grades';
import { findRecitation, isStudentOfSession } from './queries';
import type { RecordRecitationInput, UpdateRecitationInput } from './schemas';

export const EDIT_WINDOW_DAYS = 7;

/** Pure: may this actor still change an entry written at `createdAt`? */
export function mayEdit(actor: Pick<Actor, 'role'>, createdAt: Date, now: Date): boolean {
  if (isManagerRole(actor.role)) return true;
  return now.getTime() - createdAt.getTime() <= EDIT_WINDOW_DAYS * 86_400_000;
}

function assertGrade(scale: string, grade: string | null): void {
  const known: GradeScale = isGradeScale(scale) ? scale : 'five_level';
  if (grade !== null && !isGradeOn(known, grade)) throw new DomainError('BAD_REQUEST', `The grade is not on the academy's scale (${known})`);
}

export async function recordRecitation(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: RecordRecitationInput) {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  if (ctx.session.status === 'cancelled') throw new DomainError('PRECONDITION_FAILED', 'The session was cancelled');
  if (!(await isStudentOfSession(deps.db, ctx.session, input.studentId))) throw new DomainError('NOT_FOUND', 'No such student in this session');
  assertGrade(ctx.academy.recitationGradeScale, input.grade);
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(recitations)
    .values({
      academyId: ctx.session.academyId,
      sessionId: ctx.session.id,
      studentId: input.studentId,
      kind: input.kind,
      fromSurah: input.fromSurah,
      fromAyah: input.fromAyah,
      toSurah: input.toSurah,
      toAyah: input.toAyah,
      mistakes: input.mistakes,
      grade: input.grade,
      note: input.note || null,
      createdBy: actor.id,
      createdAt: now,
    })
    .returning();
  return row!;
}

export async function updateRecitation(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, input: UpdateRecitationInput) {
  const existing = await findRecitation(deps.db, { academyId: actor.role === 'super_admin' ? null : actor.academyId ?? -1, id: input.recitationId });
  if (!existing) throw new DomainError('NOT_FOUND', 'Recitation not found');
  const ctx = await getSessionContextOrThrow(deps.db, actor, existing.sessionId);
  assertCanManage(ctx);
  const now = deps.clock.now();
  if (!mayEdit(actor, existing.createdAt, now)) {
    throw new DomainError('FORBIDDEN', `Entries older than ${EDIT_WINDOW_DAYS} days are changed by academy admins only`);
  }
  assertGrade(ctx.academy.recitationGradeScale, input.grade);
  const [row] = await deps.db
    .update(recitations)
    .set({
      kind: input.kind,
      fromSurah: input.fromSurah,
      fromAyah: input.fromAyah,
      toSurah: input.toSurah,
      toAyah: input.toAyah,
      mistakes: input.mistakes,
      grade: input.grade,
      note: input.note || null,
      updatedBy: actor.id,
      updatedAt: now,
    })
    .where(eq(recitations.id, existing.id))
    .returning();
  return row!;
}
