import 'server-only';
import { childrenAttendanceInput, getProfile, listChildrenAttendance, setLocale, setLocaleInput, setTimezone, setTimezoneInput } from '@/server/modules/profile';
import { noInput } from '@/server/lib/schemas';
import { authedProcedure, router } from '../procedures';

export const profileRouter = router({
  me: authedProcedure.input(noInput).query(({ ctx }) => getProfile(ctx.deps, ctx.actor)),
  setLocale: authedProcedure.input(setLocaleInput).mutation(({ ctx, input }) => setLocale(ctx.deps, ctx.actor, input)),
  setTimezone: authedProcedure.input(setTimezoneInput).mutation(({ ctx, input }) => setTimezone(ctx.deps, ctx.actor, input)),
  /** Parents only; everyone else is FORBIDDEN. */
  children: authedProcedure.input(childrenAttendanceInput).query(({ ctx, input }) => listChildrenAttendance(ctx.deps, ctx.actor, input)),
});
