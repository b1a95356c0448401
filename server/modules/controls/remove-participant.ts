/**
 * Remove a participant (docs/rules.md#classroom-controls): LiveKit ends their connection, and the
 * user is recorded in room_states.removedUserIds, so meeting.token refuses
 * them until the teacher readmits them. A token minted before cannot be
 * revoked (this LiveKit has no revocation), but a reconnect with it is
 * removed again by the next sweep.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import { commandResult, enforceAfterCommand, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow, targetInRoomOrThrow } from './room-context';

export async function removeParticipant(deps: Deps, actor: Actor, input: { sessionId: number; identity: string }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const target = targetInRoomOrThrow(await room.livekit.listParticipants(room.roomName), input.identity, ['student', 'parent']);
  const userId = userIdFromIdentity(target.identity);
  if (userId === null) throw new DomainError('NOT_FOUND', 'No such student in the room');
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'remove_participant',
    payload: { identity: target.identity, userId, name: target.name },
    targets: [target.identity],
    change: (s) => ({
      removedUserIds: s.removedUserIds.includes(userId) ? s.removedUserIds : [...s.removedUserIds, userId],
      raisedHands: s.raisedHands.filter((h) => h.userId !== userId),
    }),
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, [target]));
}

/** Lets a removed user get a token again. */
export async function readmitParticipant(deps: Deps, actor: Actor, input: { sessionId: number; userId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'readmit_participant',
    payload: { userId: input.userId },
    targets: null,
    change: (s) => {
      if (!s.removedUserIds.includes(input.userId)) throw new DomainError('NOT_FOUND', 'That user was not removed');
      return { removedUserIds: s.removedUserIds.filter((id) => id !== input.userId) };
    },
  });
  return commandResult(issued, true);
}
