/**
 * The teacher extends a live class by 5 or 15 minutes (docs/rules.md#running-over-and-ending),
 * never past the scheduled end + MAX_EXTENSION_MINUTES. The session row is
 * locked while the total is checked and raised, so two extensions at once
 * cannot pass the maximum together; each is stored with who asked and when.
 * The planned end moves with it: attendance windows, the overtime cap, the
 * room's countdown and the cleanup sweep all read `sessions.extended_minutes`.
 */
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { meetings, sessionExtensions, sessions } from '@/server/db/schema';
import { issueCommand } from '@/server/modules/controls';
import { assertCanManage, getSessionContextOrThrow, isTerminal } from '@/server/modules/sessions';
import { canExtend, MAX_EXTENSION_MINUTES, plannedEndMs, type ExtensionStep } from '@/shared/classroom/class-clock';
import { persistUntil } from './options';

export interface ExtendResult {
  extendedMinutes: number;
  plannedEnd: Date;
}

export async function extendClass(deps: Deps, actor: Actor, input: { sessionId: number; minutes: ExtensionStep }): Promise<ExtendResult> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  const meeting = ctx.meeting;
  if (!meeting || meeting.endedAt || isTerminal(ctx.session.status)) throw new DomainError('PRECONDITION_FAILED', 'The meeting is not live');
  const now = deps.clock.now();
  const result = await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ scheduledAt: sessions.scheduledAt, durationMinutes: sessions.durationMinutes, extendedMinutes: sessions.extendedMinutes, status: sessions.status })
      .from(sessions)
      .where(and(eq(sessions.id, ctx.session.id), eq(sessions.academyId, ctx.session.academyId)))
      .for('update');
    if (!row || isTerminal(row.status)) throw new DomainError('PRECONDITION_FAILED', 'The meeting is not live');
    if (!canExtend(row, input.minutes, now.getTime())) {
      throw new DomainError('CONFLICT', `A class can run at most ${MAX_EXTENSION_MINUTES} minutes past its scheduled end`);
    }
    const extendedMinutes = row.extendedMinutes + input.minutes;
    await tx.update(sessions).set({ extendedMinutes, updatedAt: now }).where(eq(sessions.id, ctx.session.id));
    await tx.insert(sessionExtensions).values({ academyId: ctx.session.academyId, sessionId: ctx.session.id, minutes: input.minutes, extendedBy: actor.id, createdAt: now });
    // A teacher's reconnect grace, if one is running, runs from the new planned end.
    await tx
      .update(meetings)
      .set({ persistUntil: persistUntil(row.scheduledAt, row.durationMinutes + extendedMinutes) })
      .where(and(eq(meetings.sessionId, ctx.session.id), sql`${meetings.persistUntil} IS NOT NULL`));
    return { extendedMinutes, plannedEnd: new Date(plannedEndMs({ ...row, extendedMinutes })) };
  });
  await issueCommand(deps, {
    academyId: ctx.session.academyId,
    sessionId: ctx.session.id,
    roomName: meeting.roomName,
    senderId: actor.id,
    type: 'class_extended',
    payload: { extendedMinutes: result.extendedMinutes, plannedEnd: result.plannedEnd.toISOString() },
    targets: null,
  });
  return result;
}
