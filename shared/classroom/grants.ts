/**
 * What a participant may do in a session's room (docs/rules.md#join-grants):
 * the one pure rule behind a new join token and the permissions pushed to
 * connected students when the teacher mutes or stops publishing. Enforcement
 * is LiveKit's: a source missing from canPublishSources cannot be published.
 */
import { isMicLocked } from './room-state';

/**
 * How the actor relates to the session: `teacher` is its own teacher;
 * `observer` another teacher of the academy, admitted only when the academy
 * lets teachers observe colleagues, and then hidden, never publishing.
 */
export type JoinRole = 'teacher' | 'manager' | 'observer' | 'student' | 'parent';

export type TrackSourceName = 'camera' | 'microphone' | 'screen_share' | 'screen_share_audio';

/** Stored in room_states.muted_identities: every student, present and future (mute all). */
export const ALL_STUDENTS = '*';

/** The room's classroom controls as they bear on students. */
export interface ControlState {
  studentsCanPublish: boolean;
  micsLocked: boolean;
  mutedIdentities: string[];
}

/** A room nobody has controlled yet. */
export const OPEN_CONTROLS: ControlState = Object.freeze({ studentsCanPublish: true, micsLocked: false, mutedIdentities: [] as string[] });

export interface JoinGrants {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  roomAdmin: boolean;
  hidden: boolean;
  /** Set only when the room's controls narrow what may be published (mute). */
  canPublishSources?: TrackSourceName[];
}

export interface GrantsInput {
  joinRole: JoinRole;
  /** The session's teacher or one of its academy's managers. */
  canManage: boolean;
  /** Joining as an observer (managers only; checked by the caller). */
  hidden: boolean;
  /** The meeting's resolved `studentsCanPublish` option. */
  meetingAllowsPublish: boolean;
  /** The room's controls and the student's identity; absent: an uncontrolled room. */
  controls?: { state: ControlState; identity: string };
}

const WITHOUT_MICROPHONE: TrackSourceName[] = ['camera', 'screen_share', 'screen_share_audio'];

export function grantsFor(input: GrantsInput): JoinGrants {
  if (input.hidden) return { canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: input.canManage, hidden: true };
  switch (input.joinRole) {
    case 'observer':
      return { canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: true };
    case 'teacher':
    case 'manager':
      return { canPublish: true, canSubscribe: true, canPublishData: true, roomAdmin: input.canManage, hidden: false };
    case 'student': {
      const state = input.controls?.state ?? OPEN_CONTROLS;
      const micLocked = input.controls !== undefined && isMicLocked(state, input.controls.identity);
      return {
        canPublish: input.meetingAllowsPublish && state.studentsCanPublish,
        canSubscribe: true,
        canPublishData: true,
        roomAdmin: false,
        hidden: false,
        ...(micLocked ? { canPublishSources: [...WITHOUT_MICROPHONE] } : {}),
      };
    }
    case 'parent':
      return { canPublish: false, canSubscribe: true, canPublishData: false, roomAdmin: false, hidden: false };
  }
}

/** A connected student's permission as LiveKit takes it: every field, `[]` meaning every source. */
export interface StudentPermission {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  canPublishSources: TrackSourceName[];
}

export function studentPermission(state: ControlState, identity: string, meetingAllowsPublish = true): StudentPermission {
  const grants = grantsFor({ joinRole: 'student', canManage: false, hidden: false, meetingAllowsPublish, controls: { state, identity } });
  return { canPublish: grants.canPublish, canSubscribe: grants.canSubscribe, canPublishData: grants.canPublishData, canPublishSources: grants.canPublishSources ?? [] };
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
