/**
 * Moves one session to another local date and time in its academy's
 * timezone (docs/rules.md#sessions). Only a session that has not started
 * moves: a live one is CONFLICT, a cancelled or finished one keeps its
 * history. The one function every reschedule passes (notifications hook in
 * here).
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { notifySessionChanged } from '@/server/modules/notifications';
import { changeUnstartedSession, type SessionChange } from './change-unstarted-session';
import { wallTimeToUtcOrThrow } from './create-session';
import type { RescheduleSessionInput } from './schemas';

export async function rescheduleSession(deps: Deps, actor: Actor, input: RescheduleSessionInput): Promise<SessionChange> {
  return changeUnstartedSession(deps, actor, input.sessionId, async (_tx, locked, academy, now) => {
    const scheduledAt = wallTimeToUtcOrThrow(academy.timezone, input.localDate, input.localTime);
    if (scheduledAt.getTime() !== locked.scheduledAt.getTime() && scheduledAt.getTime() < now.getTime()) {
      throw new DomainError('BAD_REQUEST', 'The session would start in the past');
    }
    return { scheduledAt };
  }, async (tx, before, after) => {
    // Everyone in the audience hears of the new time (once per person and time).
    if (after.scheduledAt.getTime() !== before.scheduledAt.getTime()) {
      await notifySessionChanged(deps, tx, { sessionId: after.id, change: 'rescheduled', previousStartsAt: before.scheduledAt });
    }
  });
}
