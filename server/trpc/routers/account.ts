import 'server-only';
import {
  acceptInvitation,
  acceptInvitationInput,
  changePassword,
  changePasswordInput,
  requestPasswordReset,
  requestPasswordResetInput,
  resetPassword,
  resetPasswordInput,
  tokenInput,
  viewAccountToken,
} from '@/server/modules/accounts';
import { authedProcedure, publicProcedure, router } from '../procedures';

/** One-time links and passwords: the link procedures are public (the link is the credential). */
export const accountRouter = router({
  link: publicProcedure.input(tokenInput).query(({ ctx, input }) => viewAccountToken(ctx.deps.db, input.token, ctx.deps.clock.now())),
  acceptInvitation: publicProcedure.input(acceptInvitationInput).mutation(({ ctx, input }) => acceptInvitation(ctx.deps, input)),
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(({ ctx, input }) => requestPasswordReset(ctx.deps, input)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.deps, input)),
  changePassword: authedProcedure.input(changePasswordInput).mutation(({ ctx, input }) => changePassword(ctx.deps, ctx.actor, input)),
});
