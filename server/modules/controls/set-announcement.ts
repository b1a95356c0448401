/** The announcement banner (docs/rules.md#classroom-controls): one at a time, kept in room_states for late joiners. */
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { commandResult, type CommandResult } from './enforce-controls';
import { issueCommand } from './issue-command';
import { getManagedRoomOrThrow } from './room-context';

export async function setAnnouncement(deps: Deps, actor: Actor, input: { sessionId: number; text: string }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const announcement = { id: randomUUID(), text: input.text, by: actor.name, at: deps.clock.now().toISOString() };
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'announcement_set',
    payload: { announcement },
    targets: null,
    change: () => ({ announcement }),
  });
  return commandResult(issued, true);
}

export async function clearAnnouncement(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<CommandResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  const issued = await issueCommand(deps, {
    ...room.key,
    roomName: room.roomName,
    senderId: actor.id,
    type: 'announcement_cleared',
    payload: {},
    targets: null,
    change: () => ({ announcement: null }),
  });
  return commandResult(issued, true);
}
