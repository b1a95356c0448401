/**
 * A class at its maximum length ends then, not at the next cleanup run
 * (every 30 minutes): anyone in the room may ask, and the server ends it
 * only if its own clock says the maximum has passed
 * (docs/rules.md#running-over-and-ending). Everyone reads why.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { issueCommand } from '@/server/modules/controls';
import { assertCanView, getSessionContextOrThrow, isTerminal } from '@/server/modules/sessions';
import { maxEndMs } from '@/shared/classroom/class-clock';
import { endMeetingForSession } from './end-meeting';

export async function endAtMaximum(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<{ ended: boolean }> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const meeting = ctx.meeting;
  if (!meeting || meeting.endedAt || isTerminal(ctx.session.status)) return { ended: false };
  if (deps.clock.now().getTime() < maxEndMs(ctx.session)) throw new DomainError('PRECONDITION_FAILED', 'The class has not reached its maximum length');
  const result = await endMeetingForSession(deps, ctx.session.id);
  if (!result.alreadyEnded) {
    await issueCommand(
      { ...deps, livekit: null },
      { academyId: ctx.session.academyId, sessionId: ctx.session.id, roomName: meeting.roomName, senderId: null, type: 'meeting_ended', payload: { reason: 'max_length' }, targets: [] },
    );
  }
  return { ended: true };
}
