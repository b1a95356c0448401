import { z } from 'zod';
import { authedProcedure, router } from '@/server/trpc/init';
import { getProfile } from './get-profile';
import { listChildrenAttendance } from './list-children-attendance';
import { childrenAttendanceInput, setLocaleInput } from './schemas';
import { setLocale } from './set-locale';

export const profileRouter = router({
  me: authedProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => getProfile(ctx.deps, ctx.actor)),
  setLocale: authedProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.deps, ctx.actor, input)),
  /** Parents only; everyone else is FORBIDDEN. */
  children: authedProcedure.input(childrenAttendanceInput).query(({ ctx, input }) => listChildrenAttendance(ctx.deps, ctx.actor, input)),
});
