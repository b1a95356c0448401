/**
 * Mute all (docs/rules.md#classroom-controls), enforced by LiveKit: every student's microphone track
 * is muted and the microphone is taken out of their publishable sources.
 * LiveKit lets a client unmute a track the server muted, so muting alone
 * would only ask clients to behave; without the source, publishing a
 * microphone is refused. The lock stays for students who join later
 * (their tokens leave the microphone out) until the teacher allows
 * microphones again.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { commandResult, enforceAfterCommand, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { ALL_STUDENTS } from './permissions';
import { getManagedRoomOrThrow, studentsIn } from './room-context';

export async function muteAll(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const students = studentsIn(await room.livekit.listParticipants(room.roomName));
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'mute_all',
    payload: {},
    targets: students.map((p) => p.identity),
    // A fresh mute all silences the earlier speaker too.
    change: (s) => ({ speakerIdentity: null, mutedIdentities: s.mutedIdentities.includes(ALL_STUDENTS) ? s.mutedIdentities : [...s.mutedIdentities, ALL_STUDENTS] }),
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, students));
}

/** Lifts mute all and every single mute. */
export async function allowMicrophones(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const students = studentsIn(await room.livekit.listParticipants(room.roomName));
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'allow_microphones',
    payload: {},
    targets: null,
    change: () => ({ mutedIdentities: [], speakerIdentity: null }),
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, students));
}
