/**
 * Mute one student (docs/rules.md#classroom-controls): the microphone track is muted at once and the
 * microphone leaves the student's publishable sources, so the student's
 * client cannot turn it back on until the teacher allows it.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { commandResult, enforceAfterCommand, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow, targetInRoomOrThrow } from './room-context';

export async function muteParticipant(deps: Deps, actor: Actor, input: { sessionId: number; identity: string }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const target = targetInRoomOrThrow(await room.livekit.listParticipants(room.roomName), input.identity);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'mute_participant',
    payload: { identity: target.identity },
    targets: [target.identity],
    change: (s) => ({ mutedIdentities: s.mutedIdentities.includes(target.identity) ? s.mutedIdentities : [...s.mutedIdentities, target.identity] }),
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, [target]));
}

/** Gives one student their microphone back (they turn it on themselves: no remote unmute). */
export async function allowMicrophone(deps: Deps, actor: Actor, input: { sessionId: number; identity: string }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const participants = await room.livekit.listParticipants(room.roomName);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'allow_microphone',
    payload: { identity: input.identity },
    targets: null,
    change: (s) => {
      if (!s.mutedIdentities.includes(input.identity)) throw new DomainError('NOT_FOUND', 'That microphone is not muted');
      return { mutedIdentities: s.mutedIdentities.filter((i) => i !== input.identity) };
    },
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, participants.filter((p) => p.identity === input.identity)));
}
