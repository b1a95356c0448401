/**
 * room.state: the room's current control state for anyone who may view the
 * session, so late joiners and reconnecting clients start from the truth.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { participantIdentity } from '@/shared/classroom/identity';
import { assertCanView, getSessionContextOrThrow, type JoinRole } from '@/server/modules/sessions';
import { isTerminal } from '@/server/modules/sessions';
import { isRecording } from '@/server/modules/recordings';
import { pendingAckCount } from './command-store';
import type { RoomStateView } from '@/shared/classroom/room-state';
import { readRoomState, toStateView } from './state-store';

export interface RoomStateResponse extends RoomStateView {
  me: { userId: number; identity: string; joinRole: JoinRole | null; canManage: boolean; removed: boolean };
  /** For managers: acknowledgements still awaited (their page keeps sweeping while > 0). */
  pendingAcks: number;
}

export async function getRoomState(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<RoomStateResponse> {
  const ctx = await getSessionContextOrThrow(deps.db, actor, input.sessionId);
  assertCanView(ctx);
  const view = await loadRoomStateView(deps, ctx);
  const key = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  const removedMe = view.removed.some((r) => r.userId === actor.id);
  return {
    ...view,
    // Students need only know about themselves.
    removed: ctx.canManage ? view.removed : view.removed.filter((r) => r.userId === actor.id),
    me: {
      userId: actor.id,
      identity: participantIdentity(actor.id, actor.name),
      joinRole: ctx.joinRole,
      canManage: ctx.canManage,
      removed: removedMe,
    },
    pendingAcks: ctx.canManage ? await pendingAckCount(deps.db, { ...key, now: deps.clock.now() }) : 0,
  };
}

export async function loadRoomStateView(
  deps: Pick<Deps, 'db'>,
  ctx: { session: { id: number; academyId: number; status: Parameters<typeof isTerminal>[0] }; meeting: { endedAt: Date | null } | null },
): Promise<RoomStateView> {
  const key = { academyId: ctx.session.academyId, sessionId: ctx.session.id };
  const ended = Boolean(ctx.meeting?.endedAt) || isTerminal(ctx.session.status);
  const [row, recording] = await Promise.all([readRoomState(deps.db, key), isRecording(deps.db, key.sessionId)]);
  return { ...(await toStateView(deps.db, key.academyId, row, ended)), recording: !ended && recording };
}
