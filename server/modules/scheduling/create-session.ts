/**
 * One session at a local date and time in the academy's timezone, stored as
 * the UTC instant (docs/rules.md#sessions). The wall time resolves exactly as a weekly
 * schedule's would (localDateTimeToUtc), DST gaps and overlaps included.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { sessions } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { assertParticipants } from './participants';
import type { CreateSessionInput } from './schemas';
import { sessionView, type SessionView } from './session-view';
import { localDateTimeToUtc } from './weekly-schedule';

export function wallTimeToUtcOrThrow(timezone: string, localDate: string, localTime: string): Date {
  try {
    return localDateTimeToUtc(timezone, localDate, localTime);
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('BAD_REQUEST', error.message, { cause: error });
    throw error;
  }
}

/** `academy` is the one the caller may act on (resolveAcademy). */
export async function createSession(deps: Deps, academy: Academy, input: CreateSessionInput): Promise<SessionView> {
  const scheduledAt = wallTimeToUtcOrThrow(academy.timezone, input.localDate, input.localTime);
  const now = deps.clock.now();
  if (scheduledAt.getTime() < now.getTime()) throw new DomainError('BAD_REQUEST', 'The session would start in the past');
  await assertParticipants(deps.db, academy.id, input.kind, input);

  const [session] = await deps.db
    .insert(sessions)
    .values({
      academyId: academy.id,
      kind: input.kind,
      title: input.title,
      teacherId: input.teacherId,
      studentId: input.studentId ?? null,
      circleId: input.circleId ?? null,
      courseId: input.courseId ?? null,
      scheduledAt,
      durationMinutes: input.durationMinutes,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return sessionView(session!, academy.timezone);
}
