import 'server-only';
import { academyRecitationsInput } from '@/server/modules/recitations';
import { academyPollStats, answerPoll, answerPollInput, askPoll, askPollInput, closePoll, listSessionPolls, pollIdInput, showPollResults } from '@/server/modules/polls';
import { sessionIdInput } from '@/server/lib/schemas';
import { authedProcedure, managerProcedure, router } from '../procedures';

/** Polls: asking, closing and showing are the session teacher's or a manager's; answering a student's (decided in the use cases). */
export const pollRouter = router({
  ask: authedProcedure.input(askPollInput).mutation(({ ctx, input }) => askPoll(ctx.deps, ctx.actor, input)),
  answer: authedProcedure.input(answerPollInput).mutation(({ ctx, input }) => answerPoll(ctx.deps, ctx.actor, input)),
  close: authedProcedure.input(pollIdInput).mutation(({ ctx, input }) => closePoll(ctx.deps, ctx.actor, input)),
  showResults: authedProcedure.input(pollIdInput).mutation(({ ctx, input }) => showPollResults(ctx.deps, ctx.actor, input)),
  listForSession: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => listSessionPolls(ctx.deps, ctx.actor, input)),
  /** The same report range as the recitation overview. */
  academy: managerProcedure.input(academyRecitationsInput).query(({ ctx, input }) => academyPollStats(ctx.deps, ctx.academy, input)),
});
