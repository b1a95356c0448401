import 'server-only';
import { z } from 'zod';
import { idInput } from '@/server/lib/schemas';
import { SWEEP_JOB_NAMES } from './report';

export const sweepStatsInput = z.object({ academyId: idInput.optional() }).strict().optional();

export const recentRunsInput = z
  .object({
    job: z.enum(SWEEP_JOB_NAMES).optional(),
    limit: z.number().int().min(1).max(100).optional(),
    academyId: idInput.optional(),
  })
  .strict()
  .optional();
export type RecentRunsInput = z.infer<typeof recentRunsInput>;

export const webhookProblemsInput = z
  .object({ academyId: idInput.optional(), limit: z.number().int().min(1).max(100).optional() })
  .strict()
  .optional();
