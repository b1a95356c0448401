import 'server-only';
import { reconcileMeeting } from '@/server/modules/attendance';
import { createMeetingInput, endMeeting, recordClientLeave, getJoinToken, getMeetingInfo, leaveInput, openMeeting, sessionIdInput, tokenInput } from '@/server/modules/meetings';
import { assertCanManage, getSessionContextOrThrow } from '@/server/modules/sessions';
import { authedProcedure, router } from '../procedures';

export const meetingRouter = router({
  create: authedProcedure.input(createMeetingInput).mutation(({ ctx, input }) => openMeeting(ctx.deps, ctx.actor, input)),
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
