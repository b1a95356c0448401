import 'server-only';
import { withLiveFigures } from '@/server/modules/attendance';
import { getSessionDetail, listMineInput, listMySessions, sessionIdInput } from '@/server/modules/sessions';
import { authedProcedure, router } from '../procedures';

export const sessionRouter = router({
  listMine: authedProcedure.input(listMineInput).query(({ ctx, input }) => listMySessions(ctx.deps, ctx.actor, input)),
  detail: authedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const detail = await getSessionDetail(ctx.deps, ctx.actor, input);
    // Live records read now: real minutes so far, not those of their last event (docs/rules.md#attendance).
    const now = ctx.deps.clock.now();
    return { ...detail, attendance: detail.attendance.map((r) => withLiveFigures(r, detail.session, now)) };
  }),
});
