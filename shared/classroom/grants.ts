/**
 * What a participant may do in a session's room (docs/rules.md#join-grants):
 * the one pure rule behind a new join token and the permissions pushed to
 * connected students when the teacher mutes or stops publishing. Enforcement
 * is LiveKit's: a source missing from canPublishSources cannot be published.
 */

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
  /** The one student who may speak while microphones are locked (mute all / students join muted). */
  speakerIdentity: string | null;
  /** The session's teacher has joined the room: the class is open. */
  teacherArrived: boolean;
}

/** A room nobody has controlled yet, with its teacher there. */
export const OPEN_CONTROLS: ControlState = Object.freeze({ studentsCanPublish: true, micsLocked: false, mutedIdentities: [] as string[], speakerIdentity: null, teacherArrived: true });

/**
 * The meeting's resolved options (meetings/options.ts) that shape a student's
 * grants: the teacher's and academy's settings enforced by LiveKit, not by
 * hiding buttons.
 */
export interface MeetingRules {
  studentsCanPublish: boolean;
  /** Students may share their screen. */
  screenShare: boolean;
  /** Chat is on: students may send data (LiveKit's chat is data messages). */
  chat: boolean;
  /** The academy lets students talk to each other before the teacher arrives. */
  studentsTalkBeforeTeacher: boolean;
}

export const DEFAULT_MEETING_RULES: MeetingRules = Object.freeze({ studentsCanPublish: true, screenShare: true, chat: true, studentsTalkBeforeTeacher: false });

/** The rules out of a meeting's stored options (JSON; a missing option keeps its default). */
export function meetingRulesOf(options: Record<string, unknown> | null | undefined): MeetingRules {
  const flag = (key: keyof MeetingRules) => (typeof options?.[key] === 'boolean' ? (options[key] as boolean) : DEFAULT_MEETING_RULES[key]);
  return { studentsCanPublish: flag('studentsCanPublish'), screenShare: flag('screenShare'), chat: flag('chat'), studentsTalkBeforeTeacher: flag('studentsTalkBeforeTeacher') };
}

export interface JoinGrants {
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  roomAdmin: boolean;
  hidden: boolean;
  /** Set only when the room's controls or settings narrow what may be published (mute, no screen share). */
  canPublishSources?: TrackSourceName[];
}

export interface GrantsInput {
  joinRole: JoinRole;
  /** The session's teacher or one of its academy's managers. */
  canManage: boolean;
  /** Joining as an observer (managers only; checked by the caller). */
  hidden: boolean;
  /** The meeting's resolved options as they bear on students. */
  meeting: MeetingRules;
  /** The room's controls and the student's identity; absent: an uncontrolled room. */
  controls?: { state: ControlState; identity: string };
}

const ALL_SOURCES: TrackSourceName[] = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];

/** Is this student's microphone locked? Mute all spares the one allowed speaker; a single mute does not. */
export function micLockedFor(state: Pick<ControlState, 'micsLocked' | 'mutedIdentities' | 'speakerIdentity'>, identity: string): boolean {
  return (state.micsLocked && state.speakerIdentity !== identity) || state.mutedIdentities.includes(identity);
}

/** Students wait, publishing nothing, until the teacher arrives, unless the academy lets them talk first. */
export function waitingForTeacher(state: Pick<ControlState, 'teacherArrived'>, meeting: Pick<MeetingRules, 'studentsTalkBeforeTeacher'>): boolean {
  return !state.teacherArrived && !meeting.studentsTalkBeforeTeacher;
}

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
      const micLocked = input.controls !== undefined && micLockedFor(state, input.controls.identity);
      const sources = ALL_SOURCES.filter(
        (s) => !(s === 'microphone' && micLocked) && !((s === 'screen_share' || s === 'screen_share_audio') && !input.meeting.screenShare),
      );
      return {
        canPublish: input.meeting.studentsCanPublish && state.studentsCanPublish && !waitingForTeacher(state, input.meeting),
        canSubscribe: true,
        canPublishData: input.meeting.chat,
        roomAdmin: false,
        hidden: false,
        ...(sources.length < ALL_SOURCES.length ? { canPublishSources: sources } : {}),
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

export function studentPermission(state: ControlState, identity: string, meeting: MeetingRules = DEFAULT_MEETING_RULES): StudentPermission {
  const grants = grantsFor({ joinRole: 'student', canManage: false, hidden: false, meeting, controls: { state, identity } });
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
