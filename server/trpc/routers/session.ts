import 'server-only';
import { withLiveFigures } from '@/server/modules/attendance';
import { calendarInput, getSessionDetail, listCalendar, listMineInput, listMySessions, sessionIdInput } from '@/server/modules/sessions';
import { academyProcedure, authedProcedure, router } from '../procedures';

export const sessionRouter = router({
  /** Managers see the academy's sessions (the super admin every academy's, unless naming one); a teacher their own. */
  calendar: academyProcedure.input(calendarInput).query(({ ctx, input }) => listCalendar(ctx.deps, ctx.actor, ctx.academy?.id ?? null, input)),
  listMine: authedProcedure.input(listMineInput).query(({ ctx, input }) => listMySessions(ctx.deps, ctx.actor, input)),
  detail: authedProcedure.input(sessionIdInput).query(async ({ ctx, input }) => {
    const detail = await getSessionDetail(ctx.deps, ctx.actor, input);
    // Live records read now: real minutes so far, not those of their last event (docs/rules.md#attendance).
    const now = ctx.deps.clock.now();
    return { ...detail, attendance: detail.attendance.map((r) => withLiveFigures(r, detail.session, now)) };
  }),
});
