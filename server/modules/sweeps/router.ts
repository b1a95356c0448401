import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { roleProcedure, router } from '@/server/trpc/init';
import type { Actor } from '@/server/lib/actor';
import { listRecentRuns } from './list-recent-runs';
import { listWebhookProblems } from './list-webhook-problems';
import { getSweepStats } from './sweep-stats';

const managerProcedure = roleProcedure('super_admin', 'academy_admin', 'supervisor');
const academyId = z.number().int().positive().max(2_147_483_647);

/** Staff see their own academy; only the super admin may choose one (or none: everything). */
function academyScope(actor: Actor, requested: number | undefined): number | undefined {
  if (actor.role === 'super_admin') return requested;
  if (actor.academyId === null || (requested !== undefined && requested !== actor.academyId)) {
    throw new TRPCError({ code: 'NOT_FOUND', message: 'Academy not found' });
  }
  return actor.academyId;
}

export const sweepsRouter = router({
  stats: managerProcedure
    .input(z.object({ academyId: academyId.optional() }).strict().optional())
    .query(({ ctx, input }) => getSweepStats(ctx.deps, { academy: academyScope(ctx.actor, input?.academyId) })),
  recentRuns: managerProcedure
    .input(
      z
        .object({
          job: z.enum(['create-scheduled', 'cleanup-expired', 'reconcile-attendance']).optional(),
          limit: z.number().int().min(1).max(100).optional(),
          academyId: academyId.optional(),
        })
        .strict()
        .optional(),
    )
    .query(({ ctx, input }) => listRecentRuns(ctx.deps, ctx.actor, input ?? {})),
  /** Webhooks whose effect could never apply, for the sweeps page. */
  webhookProblems: managerProcedure
    .input(z.object({ academyId: academyId.optional(), limit: z.number().int().min(1).max(100).optional() }).strict().optional())
    .query(({ ctx, input }) => listWebhookProblems(ctx.deps, { academy: academyScope(ctx.actor, input?.academyId), limit: input?.limit })),
});
