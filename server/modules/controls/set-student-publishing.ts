/**
 * Stop or allow student publishing (docs/rules.md#classroom-controls), enforced by the server: the
 * connected students' canPublish is revoked through LiveKit (which also
 * unpublishes their tracks), and the state makes tokens minted afterwards
 * carry canPublish false.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { commandResult, enforceAfterCommand, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow, studentsIn } from './room-context';

export async function setStudentPublishing(deps: Deps, actor: Actor, input: { sessionId: number; allowed: boolean }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const students = studentsIn(await room.livekit.listParticipants(room.roomName));
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: input.allowed ? 'allow_publishing' : 'stop_publishing',
    payload: {},
    targets: input.allowed ? null : students.map((p) => p.identity),
    change: () => ({ studentsCanPublish: input.allowed }),
  });
  return commandResult(issued, await enforceAfterCommand(room, issued.state, students));
}
