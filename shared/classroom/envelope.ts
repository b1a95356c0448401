/**
 * The classroom command catalogue and its wire format (docs/rules.md#classroom-controls). Pure and
 * free of server imports: the browser decodes the same envelopes from the
 * LiveKit data channel and from the event stream.
 */
import type { Announcement, RaisedHand } from './hand-and-announcement';
import type { MushafView } from './mushaf';
import type { WhiteboardView } from './whiteboard';

export const TOPICS = ['teacher_controls', 'participant_management', 'hand_raising', 'session_announcements', 'system_notifications', 'classroom_tools'] as const;
export type Topic = (typeof TOPICS)[number];

/** 0 low … 3 critical. Critical commands are acknowledged by their targets and resent until they are. */
export type Priority = 0 | 1 | 2 | 3;

interface CommandSpec {
  topic: Topic;
  priority: Priority;
  critical: boolean;
}

export const COMMAND_SPECS = {
  mute_participant: { topic: 'teacher_controls', priority: 2, critical: false },
  allow_microphone: { topic: 'teacher_controls', priority: 1, critical: false },
  mute_all: { topic: 'teacher_controls', priority: 3, critical: true },
  allow_microphones: { topic: 'teacher_controls', priority: 1, critical: false },
  stop_publishing: { topic: 'teacher_controls', priority: 3, critical: true },
  allow_publishing: { topic: 'teacher_controls', priority: 1, critical: false },
  remove_participant: { topic: 'participant_management', priority: 3, critical: true },
  readmit_participant: { topic: 'participant_management', priority: 1, critical: false },
  hand_raised: { topic: 'hand_raising', priority: 1, critical: false },
  hand_lowered: { topic: 'hand_raising', priority: 1, critical: false },
  hands_lowered_all: { topic: 'hand_raising', priority: 2, critical: false },
  announcement_set: { topic: 'session_announcements', priority: 2, critical: false },
  announcement_cleared: { topic: 'session_announcements', priority: 2, critical: false },
  meeting_ended: { topic: 'system_notifications', priority: 3, critical: true },
  speaker_allowed: { topic: 'teacher_controls', priority: 2, critical: false },
  speaker_revoked: { topic: 'teacher_controls', priority: 2, critical: false },
  class_extended: { topic: 'system_notifications', priority: 2, critical: false },
  mushaf_set: { topic: 'classroom_tools', priority: 1, critical: false },
  mushaf_closed: { topic: 'classroom_tools', priority: 1, critical: false },
  poll_changed: { topic: 'classroom_tools', priority: 1, critical: false },
  whiteboard_set: { topic: 'classroom_tools', priority: 1, critical: false },
  whiteboard_closed: { topic: 'classroom_tools', priority: 1, critical: false },
  whiteboard_changed: { topic: 'classroom_tools', priority: 0, critical: false },
} as const satisfies Record<string, CommandSpec>;

export type CommandType = keyof typeof COMMAND_SPECS;

export interface CommandPayloads {
  mute_participant: { identity: string };
  allow_microphone: { identity: string };
  mute_all: Record<string, never>;
  allow_microphones: Record<string, never>;
  stop_publishing: Record<string, never>;
  allow_publishing: Record<string, never>;
  remove_participant: { identity: string; userId: number; name: string };
  readmit_participant: { userId: number };
  hand_raised: { hand: RaisedHand };
  hand_lowered: { userId: number };
  hands_lowered_all: Record<string, never>;
  announcement_set: { announcement: Announcement };
  announcement_cleared: Record<string, never>;
  /** `max_length`: the cleanup sweep ended it at the class's maximum length. */
  meeting_ended: { reason?: 'max_length' };
  /** The one student who may speak while microphones are locked; replaces any earlier one. */
  speaker_allowed: { identity: string };
  speaker_revoked: Record<string, never>;
  /** The class's new total extension and planned end (ISO). */
  class_extended: { extendedMinutes: number; plannedEnd: string };
  mushaf_set: { mushaf: MushafView };
  mushaf_closed: Record<string, never>;
  /** A poll was asked, answered, closed or its results shown: clients refetch it (who answered what is not broadcast). */
  poll_changed: { pollId: number };
  /** The whiteboard opened, or who may draw on it changed. */
  whiteboard_set: { whiteboard: WhiteboardView };
  whiteboard_closed: Record<string, never>;
  /** The scene reached this version (the elements are too large for a command): clients behind it refetch whiteboard.scene. */
  whiteboard_changed: { version: number };
}

/** What travels, on the data channel and the event stream alike. */
export type CommandEnvelope = {
  [T in CommandType]: { id: string; type: T; priority: Priority; critical: boolean; payload: CommandPayloads[T]; sentAt: string };
}[CommandType];

export function topicOf(type: CommandType): Topic {
  return COMMAND_SPECS[type].topic;
}

export function isCommandType(value: unknown): value is CommandType {
  return typeof value === 'string' && Object.hasOwn(COMMAND_SPECS, value);
}

export function buildEnvelope<T extends CommandType>(type: T, payload: CommandPayloads[T], meta: { id: string; sentAt: Date }): CommandEnvelope {
  const spec = COMMAND_SPECS[type];
  return { id: meta.id, type, priority: spec.priority, critical: spec.critical, payload, sentAt: meta.sentAt.toISOString() } as CommandEnvelope;
}

export function encodeEnvelope(envelope: CommandEnvelope): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(envelope));
}

const MAX_ENVELOPE_BYTES = 16 * 1024;

/**
 * Anything that is not a well-formed envelope of a known type is null:
 * clients ignore it rather than act on it. Payload fields are checked where
 * they are used (applyCommand), so an odd payload changes nothing.
 */
export function decodeEnvelope(data: Uint8Array | string): CommandEnvelope | null {
  const size = typeof data === 'string' ? data.length : data.byteLength;
  if (size > MAX_ENVELOPE_BYTES) return null;
  let value: unknown;
  try {
    value = JSON.parse(typeof data === 'string' ? data : new TextDecoder().decode(data));
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  if (typeof v.id !== 'string' || v.id.length === 0 || v.id.length > 64) return null;
  if (!isCommandType(v.type)) return null;
  if (typeof v.priority !== 'number' || ![0, 1, 2, 3].includes(v.priority)) return null;
  if (typeof v.critical !== 'boolean' || typeof v.sentAt !== 'string') return null;
  if (typeof v.payload !== 'object' || v.payload === null || Array.isArray(v.payload)) return null;
  return { id: v.id, type: v.type, priority: v.priority as Priority, critical: v.critical, payload: v.payload, sentAt: v.sentAt } as CommandEnvelope;
}
