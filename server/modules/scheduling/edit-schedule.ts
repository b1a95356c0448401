/**
 * Changing a weekly schedule (docs/rules.md#weekly-schedules): edit its days,
 * time, duration, teacher, title or last date; pause, resume or end it.
 *
 * Each runs in one transaction: the schedule row is locked, then its sessions
 * in id order (the lock order of docs/architecture.md). Sessions that are
 * still `scheduled`, have no room and start after now are replaced by the
 * new rule's (regeneration-plan.ts); past, live, ready and cancelled sessions
 * are never touched. Occurrences are wall times in the schedule's own
 * timezone (expandWeeklySchedule), so a 17:00 class stays at 17:00 across DST.
 */
import 'server-only';
import { and, asc, eq, gt, inArray, notExists } from 'drizzle-orm';
import type { Tx } from '@/server/db';
import type { Deps } from '@/server/deps';
import { meetings, schedules, sessions } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';
import type { Academy } from '@/server/modules/academies';
import type { ScheduleState } from '@/shared/groups';
import { assertParticipants } from './participants';
import { plannedStarts } from './regeneration-plan';
import type { ScheduleRefInput, UpdateScheduleInput } from './schemas';
import type { WeeklyScheduleInput } from './weekly-schedule';

type ScheduleRow = typeof schedules.$inferSelect;

export interface ScheduleChange {
  schedule: ScheduleRow;
  /** Future sessions removed because the rule (or the state) no longer wants them as they were. */
  removed: number;
  /** Sessions added by the new rule. */
  created: number;
}

export function updateSchedule(deps: Deps, academy: Academy, input: UpdateScheduleInput): Promise<ScheduleChange> {
  return change(deps, academy, input.scheduleId, async (tx, schedule) => {
    if (schedule.state === 'ended') throw new DomainError('CONFLICT', 'An ended schedule cannot be changed');
    const teacherId = input.teacherId ?? schedule.teacherId;
    if (teacherId !== schedule.teacherId) await assertParticipants(tx, academy.id, schedule.kind, { ...schedule, teacherId });
    const endDate = input.endDate ?? (input.count === undefined ? schedule.endDate : null);
    const count = input.count ?? (input.endDate === undefined ? schedule.count : null);
    return {
      title: input.title ?? schedule.title,
      teacherId,
      weekdays: input.weekdays ?? schedule.weekdays,
      localTime: input.localTime ?? schedule.localTime,
      durationMinutes: input.durationMinutes ?? schedule.durationMinutes,
      endDate,
      count,
    };
  });
}

export function pauseSchedule(deps: Deps, academy: Academy, input: ScheduleRefInput): Promise<ScheduleChange> {
  return change(deps, academy, input.scheduleId, async (_tx, schedule) => {
    if (schedule.state !== 'active') throw new DomainError('CONFLICT', `A ${schedule.state} schedule cannot be paused`);
    return { state: 'paused' };
  });
}

export function resumeSchedule(deps: Deps, academy: Academy, input: ScheduleRefInput): Promise<ScheduleChange> {
  return change(deps, academy, input.scheduleId, async (_tx, schedule) => {
    if (schedule.state !== 'paused') throw new DomainError('CONFLICT', `A ${schedule.state} schedule cannot be resumed`);
    return { state: 'active' };
  });
}

export function endSchedule(deps: Deps, academy: Academy, input: ScheduleRefInput): Promise<ScheduleChange> {
  return change(deps, academy, input.scheduleId, async (_tx, schedule) => {
    if (schedule.state === 'ended') throw new DomainError('CONFLICT', 'This schedule has already ended');
    return { state: 'ended' };
  });
}

type SchedulePatch = Partial<Pick<ScheduleRow, 'title' | 'teacherId' | 'weekdays' | 'localTime' | 'durationMinutes' | 'endDate' | 'count'>> & { state?: ScheduleState };

async function change(deps: Deps, academy: Academy, scheduleId: number, decide: (tx: Tx, schedule: ScheduleRow) => Promise<SchedulePatch>): Promise<ScheduleChange> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const [schedule] = await tx
      .select()
      .from(schedules)
      .where(and(eq(schedules.id, scheduleId), eq(schedules.academyId, academy.id)))
      .for('update');
    if (!schedule) throw new DomainError('NOT_FOUND', 'Schedule not found');
    const next = { ...schedule, ...(await decide(tx, schedule)), updatedAt: now };
    const rule = ruleOf(next);
    let starts: Date[] = [];
    const removed = await removeReplaceable(tx, schedule, now);
    if (next.state === 'active') {
      const kept = await tx
        .select({ scheduledAt: sessions.scheduledAt })
        .from(sessions)
        .where(and(eq(sessions.scheduleId, schedule.id), eq(sessions.academyId, academy.id)));
      try {
        starts = plannedStarts(rule, kept.map((k) => k.scheduledAt), now);
      } catch (error) {
        if (error instanceof RangeError) throw new DomainError('BAD_REQUEST', error.message, { cause: error });
        throw error;
      }
    }
    const [updated] = await tx
      .update(schedules)
      .set({
        title: next.title,
        teacherId: next.teacherId,
        weekdays: next.weekdays,
        localTime: next.localTime,
        durationMinutes: next.durationMinutes,
        endDate: next.endDate,
        count: next.count,
        state: next.state,
        updatedAt: now,
      })
      .where(eq(schedules.id, schedule.id))
      .returning();
    if (starts.length > 0) {
      await tx.insert(sessions).values(
        starts.map((scheduledAt) => ({
          academyId: academy.id,
          kind: next.kind,
          title: next.title,
          teacherId: next.teacherId,
          studentId: next.studentId,
          circleId: next.circleId,
          courseId: next.courseId,
          scheduledAt,
          durationMinutes: next.durationMinutes,
          scheduleId: schedule.id,
          createdAt: now,
          updatedAt: now,
        })),
      );
    }
    return { schedule: updated!, removed, created: starts.length };
  });
}

function ruleOf(s: Pick<ScheduleRow, 'timezone' | 'startDate' | 'weekdays' | 'localTime' | 'durationMinutes' | 'count' | 'endDate'>): WeeklyScheduleInput {
  return {
    timezone: s.timezone,
    startDate: s.startDate,
    weekdays: s.weekdays,
    localTime: s.localTime,
    durationMinutes: s.durationMinutes,
    ...(s.count !== null ? { count: s.count } : {}),
    ...(s.endDate !== null ? { endDate: s.endDate } : {}),
  };
}

/** Deletes the schedule's sessions nobody has touched yet: still scheduled, no room, starting after now. */
async function removeReplaceable(tx: Tx, schedule: ScheduleRow, now: Date): Promise<number> {
  const candidates = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.scheduleId, schedule.id),
        eq(sessions.academyId, schedule.academyId),
        eq(sessions.status, 'scheduled'),
        gt(sessions.scheduledAt, now),
        notExists(tx.select({ one: meetings.sessionId }).from(meetings).where(eq(meetings.sessionId, sessions.id))),
      ),
    )
    .orderBy(asc(sessions.id))
    .for('update');
  if (candidates.length === 0) return 0;
  // Re-checked under the lock: a sweep may have opened a room in between.
  const deleted = await tx
    .delete(sessions)
    .where(and(inArray(sessions.id, candidates.map((c) => c.id)), eq(sessions.status, 'scheduled')))
    .returning({ id: sessions.id });
  return deleted.length;
}
