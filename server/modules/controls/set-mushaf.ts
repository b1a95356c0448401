/**
 * The shared Mushaf (docs/rules.md#teaching-tools): the teacher or a manager sets the
 * surah, ayah range and highlighted ayah; it is kept in room_states.mushaf
 * (late joiners start from it) and goes out as a command on the
 * classroom_tools topic, so students follow at once.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import type { MushafView } from '@/shared/classroom/mushaf';
import { commandResult, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow } from './room-context';

export async function setMushaf(deps: Deps, actor: Actor, input: { sessionId: number } & MushafView): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const mushaf: MushafView = { surah: input.surah, fromAyah: input.fromAyah, toAyah: input.toAyah, highlight: input.highlight };
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'mushaf_set',
    payload: { mushaf },
    targets: null,
    change: () => ({ mushaf }),
  });
  return commandResult(issued, true);
}

export async function closeMushaf(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'mushaf_closed',
    payload: {},
    targets: null,
    change: () => ({ mushaf: null }),
  });
  return commandResult(issued, true);
}
