import 'server-only';
import { getSweepStats, listRecentRuns, listWebhookProblems, recentRunsInput, sweepStatsInput, webhookProblemsInput } from '@/server/modules/sweeps';
import { overviewProcedure, router } from '../procedures';

/** Staff see their own academy; only the super admin may choose one, or none: every academy. */
export const sweepsRouter = router({
  stats: overviewProcedure.input(sweepStatsInput).query(({ ctx }) => getSweepStats(ctx.deps, { academy: ctx.academy?.id })),
  recentRuns: overviewProcedure.input(recentRunsInput).query(({ ctx, input }) => listRecentRuns(ctx.deps, ctx.academy, input ?? {})),
  /** Webhooks whose effect could never apply, for the sweeps page. */
  webhookProblems: overviewProcedure
    .input(webhookProblemsInput)
    .query(({ ctx, input }) => listWebhookProblems(ctx.deps, { academy: ctx.academy?.id, limit: input?.limit })),
});
