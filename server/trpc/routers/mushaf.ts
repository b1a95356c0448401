import 'server-only';
import { closeMushaf, mushafInput, sessionIdInput, setMushaf } from '@/server/modules/controls';
import { getSurahText, surahTextInput } from '@/server/modules/mushaf';
import { authedProcedure, router } from '../procedures';

/** The shared Mushaf: its text for anyone signed in; driving it in a room is for the session's teacher or a manager. */
export const mushafRouter = router({
  text: authedProcedure.input(surahTextInput).query(({ input }) => getSurahText(input)),
  set: authedProcedure.input(mushafInput).mutation(({ ctx, input }) => setMushaf(ctx.deps, ctx.actor, input)),
  close: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => closeMushaf(ctx.deps, ctx.actor, input)),
});
