/**
 * The room's retry and enforcement pass, run in the request path: the
 * teacher's room page calls room.sweep every few seconds while it is open,
 * so no instance needs a timer of its own and any instance can serve it
 * (claims are atomic in Postgres, so two sweeps never resend the same try).
 * 1. Critical commands not acknowledged by all their targets are resent on
 *    the data channel to the targets still connected, up to 3 tries in all.
 * 2. The room state is re-applied to everyone connected: a student who came
 *    back with an old token loses what it no longer may do, a removed user
 *    is removed again.
 */
import 'server-only';
import type { Deps } from '@/server/deps';
import type { Actor } from '@/server/lib/actor';
import { claimDueRetries, envelopeOf, pendingAckCount } from './command-store';
import { enforceControls } from './enforce-controls';
import { sendEnvelope } from './issue-command';
import { getManagedRoomOrThrow, type RoomContext } from './room-context';
import { readRoomState } from './state-store';

export interface SweepResult {
  resent: number;
  pendingAcks: number;
  removed: number;
  permissionsUpdated: number;
  tracksMuted: number;
}

export async function sweepRoom(deps: Deps, actor: Actor, input: { sessionId: number }): Promise<SweepResult> {
  const room = await getManagedRoomOrThrow(deps, actor, input.sessionId);
  return sweepLiveRoom(deps, room);
}

export async function sweepLiveRoom(deps: Pick<Deps, 'db' | 'livekit' | 'clock'>, room: Pick<RoomContext, 'key' | 'roomName' | 'livekit' | 'meeting'>): Promise<SweepResult> {
  const now = deps.clock.now();
  const participants = await room.livekit.listParticipants(room.roomName);
  const present = new Set(participants.map((p) => p.identity));
  let resent = 0;
  for (const { row, pending } of await claimDueRetries(deps.db, { ...room.key, now })) {
    const envelope = envelopeOf(row);
    const to = pending.filter((identity) => present.has(identity));
    if (!envelope || to.length === 0) continue;
    if (await sendEnvelope(deps, room.roomName, envelope, to)) resent += to.length;
  }
  const state = await readRoomState(deps.db, room.key);
  const enforced = state ? await enforceControls(room.livekit, room.roomName, state, participants, room) : null;
  return {
    resent,
    pendingAcks: await pendingAckCount(deps.db, { ...room.key, now }),
    removed: enforced?.removed.length ?? 0,
    permissionsUpdated: enforced?.permissionsUpdated.length ?? 0,
    tracksMuted: enforced?.tracksMuted ?? 0,
  };
}
