import 'server-only';
import { getSessionDetail, listMineInput, listMySessions, sessionIdInput } from '@/server/modules/sessions';
import { authedProcedure, router } from '../procedures';

export const sessionRouter = router({
  listMine: authedProcedure.input(listMineInput).query(({ ctx, input }) => listMySessions(ctx.deps, ctx.actor, input)),
  detail: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getSessionDetail(ctx.deps, ctx.actor, input)),
});
