/**
 * Let one student speak (docs/rules.md#classroom-controls): while microphones
 * are locked (mute all, or students join muted) the teacher gives one
 * student the microphone back and takes it back later. Enforced by LiveKit
 * permissions like the lock itself: the speaker's grants regain the
 * microphone, everyone else's keep it out. A new speaker replaces the
 * previous one, whose microphone is locked again; the speaker's raised hand
 * is lowered, since they were called on.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { DomainError } from '@/server/lib/domain-error';
import { commandResult, enforceAfterCommand, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { ALL_STUDENTS } from './permissions';
import { getManagedRoomOrThrow, targetInRoomOrThrow } from './room-context';

export async function allowSpeaker(deps: Deps, actor: Actor, input: { sessionId: number; identity: string }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const participants = await room.livekit.listParticipants(room.roomName);
  const target = targetInRoomOrThrow(participants, input.identity);
  let previous: string | null = null;
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'speaker_allowed',
    payload: { identity: target.identity },
    targets: null,
    change: (s) => {
      if (!s.mutedIdentities.includes(ALL_STUDENTS)) throw new DomainError('PRECONDITION_FAILED', 'Microphones are not locked: everyone may speak');
      previous = s.speakerIdentity;
      return {
        speakerIdentity: target.identity,
        mutedIdentities: s.mutedIdentities.filter((i) => i !== target.identity),
        raisedHands: s.raisedHands.filter((h) => h.identity !== target.identity),
      };
    },
  });
  const affected = participants.filter((p) => p.identity === target.identity || p.identity === previous);
  return commandResult(issued, await enforceAfterCommand(room, issued.state, affected));
}

export async function revokeSpeaker(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const participants = await room.livekit.listParticipants(room.roomName);
  let previous: string | null = null;
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'speaker_revoked',
    payload: {},
    targets: null,
    change: (s) => {
      if (!s.speakerIdentity) throw new DomainError('NOT_FOUND', 'No student is speaking');
      previous = s.speakerIdentity;
      return { speakerIdentity: null };
    },
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, participants.filter((p) => p.identity === previous)));
}
