/**
 * What a student may publish given the room's control state: the one rule
 * behind both new tokens (get-join-token) and the permissions pushed to
 * connected participants. Enforcement is LiveKit's: a source missing from
 * canPublishSources cannot be published, and the server unpublishes it if
 * it was, so a tampered client cannot unmute.
 */
import type { LiveParticipant, ParticipantPermissionUpdate, TrackSourceName } from '@/server/livekit/gateway';
import { isMicLocked } from './room-state';

/** Stored in room_states.muted_identities: every student, present and future (mute all). */
export const ALL_STUDENTS = '*';

export interface ControlState {
  studentsCanPublish: boolean;
  micsLocked: boolean;
  mutedIdentities: string[];
}

export type ParticipantKind = 'student' | 'parent' | 'staff' | 'unknown';

/** From the metadata our tokens carry ({name, role, user_id}); signed by us, so trusted. */
export function participantKind(metadata: string): ParticipantKind {
  let role: unknown;
  try {
    role = (JSON.parse(metadata) as { role?: unknown } | null)?.role;
  } catch {
    return 'unknown';
  }
  if (role === 'student') return 'student';
  if (role === 'parent') return 'parent';
  if (role === 'teacher' || role === 'supervisor' || role === 'academy_admin' || role === 'super_admin') return 'staff';
  return 'unknown';
}

const WITHOUT_MICROPHONE: TrackSourceName[] = ['camera', 'screen_share', 'screen_share_audio'];

export type StudentPermission = Required<Omit<ParticipantPermissionUpdate, 'hidden'>>;

export function studentPermission(state: ControlState, identity: string, meetingAllowsPublish = true): StudentPermission {
  return {
    canPublish: meetingAllowsPublish && state.studentsCanPublish,
    canSubscribe: true,
    canPublishData: true,
    canPublishSources: isMicLocked(state, identity) ? [...WITHOUT_MICROPHONE] : [],
  };
}

const sameSources = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((s) => b.includes(s));

export function permissionDiffers(participant: Pick<LiveParticipant, 'canPublish' | 'canPublishData' | 'canPublishSources'>, desired: StudentPermission): boolean {
  return (
    participant.canPublish !== desired.canPublish ||
    participant.canPublishData !== desired.canPublishData ||
    !sameSources(participant.canPublishSources, desired.canPublishSources)
  );
}

/** Published tracks the permission no longer allows and that are still live (unmuted). */
export function tracksToMute(participant: Pick<LiveParticipant, 'trackSids'>, desired: StudentPermission): string[] {
  return participant.trackSids
    .filter((t) => !t.muted)
    .filter((t) => !desired.canPublish || (desired.canPublishSources.length > 0 && !desired.canPublishSources.includes(t.sourceName as TrackSourceName)))
    .map((t) => t.sid);
}
