/**
 * A weekly recurring schedule (docs/rules.md#sessions): the schedule row and all its
 * sessions in one transaction, each occurrence at the same local wall time in
 * the academy's timezone (expandWeeklySchedule), so a 17:00 class stays at
 * 17:00 across a DST change. Occurrences already in the past are skipped.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import { schedules, sessions } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import { assertParticipants } from './participants';
import type { CreateWeeklyScheduleInput } from './schemas';
import { sessionView } from './session-view';
import { expandWeeklySchedule } from './weekly-schedule';

/** `academy` is the one the caller may act on (resolveAcademy). */
export async function createWeeklySchedule(deps: Deps, actor: Actor, academy: Academy, input: CreateWeeklyScheduleInput) {
  let starts: Date[];
  try {
    starts = expandWeeklySchedule({
      timezone: academy.timezone,
      startDate: input.startDate,
      weekdays: input.weekdays,
      localTime: input.localTime,
      durationMinutes: input.durationMinutes,
      ...(input.count !== undefined ? { count: input.count } : {}),
      ...(input.endDate !== undefined ? { endDate: input.endDate } : {}),
    });
  } catch (error) {
    if (error instanceof RangeError) throw new DomainError('BAD_REQUEST', error.message, { cause: error });
    throw error;
  }
  const now = deps.clock.now();
  const upcoming = starts.filter((at) => at.getTime() >= now.getTime());
  if (upcoming.length === 0) throw new DomainError('BAD_REQUEST', 'Every occurrence of this schedule is in the past');
  await assertParticipants(deps.db, academy.id, input.kind, input);

  return deps.db.transaction(async (tx) => {
    const [schedule] = await tx
      .insert(schedules)
      .values({
        academyId: academy.id,
        kind: input.kind,
        title: input.title,
        teacherId: input.teacherId,
        studentId: input.studentId ?? null,
        circleId: input.circleId ?? null,
        courseId: input.courseId ?? null,
        weekdays: input.weekdays,
        localTime: input.localTime,
        timezone: academy.timezone,
        durationMinutes: input.durationMinutes,
        startDate: input.startDate,
        endDate: input.endDate ?? null,
        count: input.count ?? null,
        createdBy: actor.id,
        createdAt: now,
      })
      .returning();
    const rows = await tx
      .insert(sessions)
      .values(
        upcoming.map((scheduledAt) => ({
          academyId: academy.id,
          kind: input.kind,
          title: input.title,
          teacherId: input.teacherId,
          studentId: input.studentId ?? null,
          circleId: input.circleId ?? null,
          courseId: input.courseId ?? null,
          scheduledAt,
          durationMinutes: input.durationMinutes,
          scheduleId: schedule!.id,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    return {
      schedule: schedule!,
      sessions: rows.sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime()).map((s) => sessionView(s, academy.timezone)),
      skippedPast: starts.length - upcoming.length,
    };
  });
}
