/**
 * Makes LiveKit match the room state for the participants connected now:
 * removed users out, students' permissions as the state says, tracks they
 * may no longer publish muted. Idempotent, so commands call it for their
 * targets and the sweep calls it for everyone (a client reconnecting with an
 * old token gets the old grants until then).
 */
import 'server-only';
import { logger } from '@/server/lib/logger';
import { LivekitNotFoundError, LivekitUnavailableError, type LiveParticipant, type LivekitGateway } from '@/server/livekit/gateway';
import { userIdFromIdentity } from '@/shared/classroom/identity';
import { participantKind, permissionDiffers, studentPermission, tracksToMute } from './permissions';
import type { MeetingRules } from '@/shared/classroom/grants';
import { controlStateOf, type ControlRow } from './state-store';

export interface EnforceResult {
  removed: string[];
  permissionsUpdated: string[];
  tracksMuted: number;
}

const ignoreGone = (error: unknown) => {
  if (!(error instanceof LivekitNotFoundError)) throw error;
};

export async function enforceControls(
  livekit: LivekitGateway,
  roomName: string,
  state: ControlRow,
  participants: LiveParticipant[],
  options: { meeting: MeetingRules },
): Promise<EnforceResult> {
  const control = controlStateOf(state);
  const result: EnforceResult = { removed: [], permissionsUpdated: [], tracksMuted: 0 };
  for (const p of participants) {
    const kind = participantKind(p.metadata);
    if (kind !== 'student' && kind !== 'parent') continue;
    const userId = userIdFromIdentity(p.identity);
    if (userId !== null && state.removedUserIds.includes(userId)) {
      await livekit.removeParticipant(roomName, p.identity).catch(ignoreGone);
      result.removed.push(p.identity);
      continue;
    }
    if (kind !== 'student') continue;
    const desired = studentPermission(control, p.identity, options.meeting);
    // Mute first so listeners hear silence at once; the permission then unpublishes what is not allowed.
    for (const trackSid of tracksToMute(p, desired)) {
      await livekit.mutePublishedTrack(roomName, p.identity, trackSid, true).catch(ignoreGone);
      result.tracksMuted += 1;
    }
    if (permissionDiffers(p, desired)) {
      await livekit.updatePermissions(roomName, p.identity, { ...desired, hidden: false }).catch(ignoreGone);
      result.permissionsUpdated.push(p.identity);
    }
  }
  return result;
}

export interface CommandResult {
  commandId: string;
  type: string;
  version: number;
  /** LiveKit took the data message (the event stream carries it regardless). */
  delivered: boolean;
  /** LiveKit applied the state to the participants; if not, the next sweep does. */
  enforced: boolean;
}

/**
 * After the command is stored: an unreachable LiveKit must not undo it, the
 * state stands and room.sweep applies it when LiveKit answers again.
 */
export async function enforceAfterCommand(
  room: { livekit: LivekitGateway; roomName: string; meeting: MeetingRules },
  state: ControlRow,
  participants: LiveParticipant[],
): Promise<boolean> {
  try {
    await enforceControls(room.livekit, room.roomName, state, participants, room);
    return true;
  } catch (error) {
    if (error instanceof LivekitUnavailableError) {
      logger.warn('room controls not applied yet', { roomName: room.roomName, error: String(error) });
      return false;
    }
    throw error;
  }
}

export function commandResult(issued: { envelope: { id: string; type: string }; state: { version: number }; delivered: boolean }, enforced: boolean): CommandResult {
  return { commandId: issued.envelope.id, type: issued.envelope.type, version: issued.state.version, delivered: issued.delivered, enforced };
}
