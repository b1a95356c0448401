/**
 * Ends a meeting for everyone (docs/rules.md#meetings): removes every participant, deletes
 * the room, finalises attendance and completes the session (absent when no
 * student ever joined). Idempotent: ending an ended meeting returns its result.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError, videoUnavailableError } from '@/server/lib/domain-error';
import { meetings } from '@/server/db/schema';
import { LivekitNotFoundError } from '@/server/livekit/gateway';
import { finalizeSessionInTx, type FinalizeResult } from '@/server/modules/attendance';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';

export interface EndMeetingResult extends FinalizeResult {
  alreadyEnded: boolean;
  removedParticipants: number;
}

export async function endMeeting(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<EndMeetingResult> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanManage(ctx);
  return endMeetingForSession(deps, ctx.session.id);
}

/** Also the cleanup sweep's way to end a meeting; no authorization here. */
export async function endMeetingForSession(deps: Deps, sessionId: number): Promise<EndMeetingResult> {
  const [meeting] = await deps.db.select().from(meetings).where(eq(meetings.sessionId, sessionId));
  if (!meeting) throw new DomainError('PRECONDITION_FAILED', 'This session has no meeting to end');
  const alreadyEnded = meeting.endedAt !== null;
  let removedParticipants = 0;
  if (deps.livekit) {
    try {
      const participants = await deps.livekit.listParticipants(meeting.roomName);
      for (const p of participants) {
        await deps.livekit.removeParticipant(meeting.roomName, p.identity).catch((e) => {
          if (!(e instanceof LivekitNotFoundError)) throw e;
        });
        removedParticipants += 1;
      }
      await deps.livekit.deleteRoom(meeting.roomName);
    } catch (error) {
      // A room that is gone is ended; an unreachable server is retried later,
      // unless the meeting already ended (then there is nothing left to do).
      if (!(error instanceof LivekitNotFoundError) && !alreadyEnded) throw error;
    }
  } else if (!alreadyEnded) {
    throw videoUnavailableError(deps.videoUnavailableReason);
  }
  const now = meeting.endedAt ?? deps.clock.now();
  const result = await deps.db.transaction((tx) => finalizeSessionInTx(tx, sessionId, { now }));
  return { ...result, alreadyEnded, removedParticipants };
}
