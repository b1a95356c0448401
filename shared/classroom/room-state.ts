/**
 * The room's control state as clients see it, and the reducer that applies
 * a command to it. Pure: the server's room.state is the truth, the browser
 * applies commands with this reducer the moment they arrive and then
 * refetches that truth.
 */
import type { Announcement, RaisedHand } from './hand-and-announcement';
import type { CommandEnvelope } from './envelope';
import { micLockedFor } from './grants';
import { isMushafView, type MushafView } from './mushaf';
import { isWhiteboardView, type WhiteboardView } from './whiteboard';

export interface RemovedParticipant {
  userId: number;
  name: string;
}

export interface RoomStateView {
  version: number;
  /** Oldest first: the order the teacher should take them in. */
  raisedHands: RaisedHand[];
  announcement: Announcement | null;
  studentsCanPublish: boolean;
  /** Every student's microphone is locked (mute all), including those who join later. */
  micsLocked: boolean;
  /** Students whose microphone the teacher locked one by one. */
  mutedIdentities: string[];
  /** The one student allowed to speak while microphones are locked. */
  speakerIdentity: string | null;
  /** The teacher has joined: waiting students see the class. */
  teacherArrived: boolean;
  removed: RemovedParticipant[];
  ended: boolean;
  /** A recording of the room is starting or running: everyone in it is told (docs/rules.md#recording). */
  recording: boolean;
  /** The shared Mushaf everyone follows; null = closed (docs/rules.md#teaching-tools). */
  mushaf: MushafView | null;
  /** The shared whiteboard and who may draw on it; null = closed. Its scene is whiteboard.scene's. */
  whiteboard: WhiteboardView | null;
}

export const EMPTY_ROOM_STATE: RoomStateView = {
  version: 0,
  raisedHands: [],
  announcement: null,
  studentsCanPublish: true,
  micsLocked: false,
  mutedIdentities: [],
  speakerIdentity: null,
  teacherArrived: false,
  removed: [],
  ended: false,
  recording: false,
  mushaf: null,
  whiteboard: null,
};

export function isMicLocked(state: Pick<RoomStateView, 'micsLocked' | 'mutedIdentities' | 'speakerIdentity'>, identity: string): boolean {
  return micLockedFor(state, identity);
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isId = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

function validHand(v: unknown): v is RaisedHand {
  const h = v as Partial<RaisedHand> | null;
  return !!h && isId(h.userId) && isText(h.identity, 80) && isText(h.name, 200) && isText(h.raisedAt, 40);
}

function validAnnouncement(v: unknown): v is Announcement {
  const a = v as Partial<Announcement> | null;
  return !!a && isText(a.id, 64) && isText(a.text, 1000) && isText(a.by, 200) && isText(a.at, 40);
}

/** Applies one command; a payload that does not fit its type leaves the state as it was. */
export function applyCommand(state: RoomStateView, command: CommandEnvelope): RoomStateView {
  switch (command.type) {
    case 'mute_participant': {
      const { identity } = command.payload;
      if (!isText(identity, 80) || state.mutedIdentities.includes(identity)) return state;
      return { ...state, mutedIdentities: [...state.mutedIdentities, identity] };
    }
    case 'allow_microphone': {
      const { identity } = command.payload;
      return isText(identity, 80) ? { ...state, mutedIdentities: state.mutedIdentities.filter((i) => i !== identity) } : state;
    }
    case 'mute_all':
      return { ...state, micsLocked: true, speakerIdentity: null };
    case 'allow_microphones':
      return { ...state, micsLocked: false, mutedIdentities: [], speakerIdentity: null };
    case 'speaker_allowed': {
      const { identity } = command.payload;
      return isText(identity, 80) ? { ...state, speakerIdentity: identity, mutedIdentities: state.mutedIdentities.filter((i) => i !== identity) } : state;
    }
    case 'speaker_revoked':
      return { ...state, speakerIdentity: null };
    case 'class_extended':
      return state;
    case 'stop_publishing':
      return { ...state, studentsCanPublish: false };
    case 'allow_publishing':
      return { ...state, studentsCanPublish: true };
    case 'remove_participant': {
      const { userId, name } = command.payload;
      if (!isId(userId) || !isText(name, 200)) return state;
      return {
        ...state,
        raisedHands: state.raisedHands.filter((h) => h.userId !== userId),
        removed: state.removed.some((r) => r.userId === userId) ? state.removed : [...state.removed, { userId, name }],
      };
    }
    case 'readmit_participant': {
      const { userId } = command.payload;
      return isId(userId) ? { ...state, removed: state.removed.filter((r) => r.userId !== userId) } : state;
    }
    case 'hand_raised': {
      const { hand } = command.payload;
      if (!validHand(hand) || state.raisedHands.some((h) => h.userId === hand.userId)) return state;
      return { ...state, raisedHands: [...state.raisedHands, hand] };
    }
    case 'hand_lowered': {
      const { userId } = command.payload;
      return isId(userId) ? { ...state, raisedHands: state.raisedHands.filter((h) => h.userId !== userId) } : state;
    }
    case 'hands_lowered_all':
      return { ...state, raisedHands: [] };
    case 'announcement_set': {
      const { announcement } = command.payload;
      return validAnnouncement(announcement) ? { ...state, announcement } : state;
    }
    case 'announcement_cleared':
      return { ...state, announcement: null };
    case 'meeting_ended':
      return { ...state, ended: true, raisedHands: [] };
    case 'mushaf_set': {
      const { mushaf } = command.payload;
      return isMushafView(mushaf) ? { ...state, mushaf } : state;
    }
    case 'mushaf_closed':
      return { ...state, mushaf: null };
    case 'poll_changed':
      return state;
    case 'whiteboard_changed': {
      const { version } = command.payload;
      if (!state.whiteboard || typeof version !== 'number' || version <= state.whiteboard.sceneVersion) return state;
      return { ...state, whiteboard: { ...state.whiteboard, sceneVersion: version } };
    }
    case 'whiteboard_set': {
      const { whiteboard } = command.payload;
      return isWhiteboardView(whiteboard) ? { ...state, whiteboard } : state;
    }
    case 'whiteboard_closed':
      return { ...state, whiteboard: null };
  }
}
