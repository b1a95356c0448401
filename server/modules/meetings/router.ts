import { authedProcedure, router } from '@/server/trpc/init';
import { reconcileMeeting, recordClientLeave } from '@/server/modules/attendance';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions/access';
import { createMeeting } from './create-meeting';
import { endMeeting } from './end-meeting';
import { getJoinToken } from './get-join-token';
import { getMeetingInfo } from './get-meeting-info';
import { createMeetingInput, leaveInput, sessionIdInput, tokenInput } from './schemas';

export const meetingsRouter = router({
  create: authedProcedure.input(createMeetingInput).mutation(async ({ ctx, input }) => {
    const { sessionId, ...request } = input;
    const session = await getSessionContextOrThrow(ctx.deps.db, ctx.actor, sessionId);
    assertCanManage(session);
    const { meeting, created } = await createMeeting(ctx.deps, { sessionId, createdBy: ctx.actor.id, request });
    return {
      created,
      sessionId: meeting.sessionId,
      roomName: meeting.roomName,
      joinUrl: meeting.joinUrl,
      platform: meeting.platform,
      createdAt: meeting.createdAt,
      expiresAt: meeting.expiresAt,
    };
  }),
  token: authedProcedure.input(tokenInput).mutation(({ ctx, input }) => getJoinToken(ctx.deps, ctx.actor, input)),
  info: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getMeetingInfo(ctx.deps, ctx.actor, input)),
  end: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => endMeeting(ctx.deps, ctx.actor, input)),
  leave: authedProcedure.input(leaveInput).mutation(({ ctx, input }) => recordClientLeave(ctx.deps, ctx.actor, input)),
  /** On demand from the session page: repair attendance from LiveKit's participant list. */
  reconcileAttendance: authedProcedure.input(sessionIdInput).mutation(async ({ ctx, input }) => {
    assertCanManage(await getSessionContextOrThrow(ctx.deps.db, ctx.actor, input.sessionId));
    return reconcileMeeting(ctx.deps, input);
  }),
});
