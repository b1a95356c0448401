import { z } from 'zod';
import { authedProcedure, router } from '@/server/trpc/init';
import { sessionIdInput } from '@/server/modules/meetings/schemas';
import { getSessionDetail } from './get-session-detail';
import { listMySessions } from './list-sessions';

export const sessionsRouter = router({
  listMine: authedProcedure
    .input(z.object({ range: z.enum(['today', 'upcoming', 'past']), limit: z.number().int().min(1).max(200).optional() }).strict())
    .query(({ ctx, input }) => listMySessions(ctx.deps, ctx.actor, input)),
  detail: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getSessionDetail(ctx.deps, ctx.actor, input)),
});
