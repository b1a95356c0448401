/**
 * Polls in the room (docs/rules.md#teaching-tools). The session's teacher or a manager
 * asks (asking closes the poll before), closes and shows the results;
 * students of the session answer once, changeable until the poll closes.
 * Every change goes out as a `poll_changed` command (only the poll's id:
 * who answered what is read through poll.current, by staff only).
 */
import 'server-only';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Deps } from '@/server/deps';
import { pollAnswers, polls, users } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { getManagedRoomOrThrow, getStudentRoomOrThrow, issueCommand, type RoomContext } from '@/server/modules/controls';
import { assertCanView, getSessionContextOrThrow } from '@/server/modules/sessions';
import { tallyPoll } from '@/shared/polls/tally';
import type { AnswerPollInput, AskPollInput, PollIdInput } from './schemas';

async function announce(deps: Deps, actor: Actor, room: RoomContext, pollId: number) {
  const issued = await issueCommand(deps, { ...room.key, roomName: room.roomName, senderId: actor.id, type: 'poll_changed', payload: { pollId }, targets: null });
  return { pollId, commandId: issued.envelope.id };
}

async function pollOfSessionOrThrow(deps: Pick<Deps, 'db'>, room: RoomContext, pollId: number) {
  const [poll] = await deps.db
    .select()
    .from(polls)
    .where(and(eq(polls.id, pollId), eq(polls.sessionId, room.key.sessionId), eq(polls.academyId, room.key.academyId)));
  if (!poll) throw new DomainError('NOT_FOUND', 'Poll not found');
  return poll;
}

export async function askPoll(deps: Deps, actor: Actor, input: AskPollInput) {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const now = deps.clock.now();
  const poll = await deps.db.transaction(async (tx) => {
    await tx
      .update(polls)
      .set({ closedAt: now })
      .where(and(eq(polls.sessionId, room.key.sessionId), eq(polls.academyId, room.key.academyId), isNull(polls.closedAt)));
    const [row] = await tx
      .insert(polls)
      .values({ ...room.key, question: input.question, options: input.options, createdBy: actor.id, createdAt: now })
      .returning();
    return row!;
  });
  return announce(deps, actor, room, poll.id);
}

export async function answerPoll(deps: Deps, actor: Actor, input: AnswerPollInput) {
  const room = await getStudentRoomOrThrow(deps, actor, input.sessionId);
  const poll = await pollOfSessionOrThrow(deps, room, input.pollId);
  if (poll.closedAt) throw new DomainError('CONFLICT', 'The poll is closed');
  if (input.choice >= poll.options.length) throw new DomainError('BAD_REQUEST', 'No such answer');
  const now = deps.clock.now();
  await deps.db
    .insert(pollAnswers)
    .values({ pollId: poll.id, userId: actor.id, choice: input.choice, answeredAt: now })
    .onConflictDoUpdate({ target: [pollAnswers.pollId, pollAnswers.userId], set: { choice: input.choice, answeredAt: now } });
  return announce(deps, actor, room, poll.id);
}

export async function closePoll(deps: Deps, actor: Actor, input: PollIdInput) {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const poll = await pollOfSessionOrThrow(deps, room, input.pollId);
  if (!poll.closedAt) await deps.db.update(polls).set({ closedAt: deps.clock.now() }).where(eq(polls.id, poll.id));
  return announce(deps, actor, room, poll.id);
}

export async function showPollResults(deps: Deps, actor: Actor, input: PollIdInput) {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const poll = await pollOfSessionOrThrow(deps, room, input.pollId);
  await deps.db.update(polls).set({ resultsShown: true }).where(eq(polls.id, poll.id));
  return announce(deps, actor, room, poll.id);
}

/**
 * The session's polls, newest first, as the viewer may see them: staff get
 * counts and who answered what; students and parents the counts only once
 * the results are shown, and a student their own answer.
 */
export async function listSessionPolls(deps: Pick<Deps, 'db'>, actor: Actor, input: { sessionId: number }) {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const rows = await deps.db
    .select()
    .from(polls)
    .where(and(eq(polls.sessionId, ctx.session.id), eq(polls.academyId, ctx.session.academyId)))
    .orderBy(desc(polls.createdAt), desc(polls.id));
  if (rows.length === 0) return { canManage: ctx.canManage, polls: [] };
  const answers = await deps.db
    .select({ pollId: pollAnswers.pollId, userId: pollAnswers.userId, choice: pollAnswers.choice, name: users.name })
    .from(pollAnswers)
    .innerJoin(users, eq(users.id, pollAnswers.userId))
    .where(sql`${pollAnswers.pollId} IN (SELECT id FROM polls WHERE session_id = ${ctx.session.id})`);
  return {
    canManage: ctx.canManage,
    polls: rows.map((p) => {
      const mine = answers.filter((a) => a.pollId === p.id);
      const seesCounts = ctx.canManage || p.resultsShown;
      return {
        id: p.id,
        question: p.question,
        options: p.options,
        open: p.closedAt === null,
        resultsShown: p.resultsShown,
        createdAt: p.createdAt,
        myChoice: mine.find((a) => a.userId === actor.id)?.choice ?? null,
        tally: seesCounts ? tallyPoll(p.options.length, mine) : null,
        answers: ctx.canManage ? mine.map((a) => ({ userId: a.userId, name: a.name, choice: a.choice })) : null,
      };
    }),
  };
}

/** For the academy's statistics: polls asked in a range and how many answers they got. */
export async function academyPollStats(deps: Pick<Deps, 'db'>, academy: { id: number; timezone: string }, range: { from: string; to: string }) {
  const [row] = await deps.db.execute<{ polls: number; answers: number; sessions: number }>(sql`
    SELECT count(DISTINCT p.id)::int AS polls, count(a.user_id)::int AS answers, count(DISTINCT p.session_id)::int AS sessions
    FROM polls p LEFT JOIN poll_answers a ON a.poll_id = p.id
    WHERE p.academy_id = ${academy.id}
      AND p.created_at >= (${range.from}::date)::timestamp AT TIME ZONE ${academy.timezone}::text
      AND p.created_at < (${range.to}::date + 1)::timestamp AT TIME ZONE ${academy.timezone}::text`);
  return { academyId: academy.id, from: range.from, to: range.to, polls: row?.polls ?? 0, answers: row?.answers ?? 0, sessions: row?.sessions ?? 0 };
}
