/**
 * Hands (docs/rules.md#classroom-controls): a student raises or lowers their own; the teacher lowers
 * one or all. Raised hands live in room_states, oldest first, so a late
 * joiner or a reloaded page sees the same queue.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { commandResult, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow, getStudentRoomOrThrow } from './room-context';

export async function raiseHand(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getStudentRoomOrThrow(deps, actor, input.sessionId);
  const hand = { userId: actor.id, identity: room.identity, name: actor.name, raisedAt: deps.clock.now().toISOString() };
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'hand_raised',
    payload: { hand },
    targets: null,
    change: (s) => {
      if (s.removedUserIds.includes(actor.id)) throw new DomainError('FORBIDDEN', 'You were removed from this meeting');
      return { raisedHands: s.raisedHands.some((h) => h.userId === actor.id) ? s.raisedHands : [...s.raisedHands, hand] };
    },
  });
  return commandResult(issued, true);
}

/** Without userId: the actor's own hand. With another user's id: the teacher's call. */
export async function lowerHand(deps: Deps, actor: Actor, input: { sessionId: number; userId?: number }): Promise<CommandResult> {
  const userId = input.userId ?? actor.id;
  const room = userId === actor.id ? await getStudentRoomOrThrow(deps, actor, input.sessionId) : await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'hand_lowered',
    payload: { userId },
    targets: null,
    change: (s) => {
      if (!s.raisedHands.some((h) => h.userId === userId)) throw new DomainError('NOT_FOUND', 'That hand is not raised');
      return { raisedHands: s.raisedHands.filter((h) => h.userId !== userId) };
    },
  });
  return commandResult(issued, true);
}

export async function lowerAllHands(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'hands_lowered_all',
    payload: {},
    targets: null,
    change: () => ({ raisedHands: [] }),
  });
  return commandResult(issued, true);
}
