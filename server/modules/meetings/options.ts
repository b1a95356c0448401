/**
 * Meeting options resolve defaults → academy → teacher → request (docs/rules.md#meetings);
 * a later layer wins only where it says something (null/undefined = silent).
 */
import 'server-only';
export interface MeetingOptions {
  maxParticipants: number;
  recordingEnabled: boolean;
  maxDurationMinutes: number;
  videoQuality: string;
  audioQuality: string;
  screenShare: boolean;
  chat: boolean;
  muteOnJoin: boolean;
  studentsCanPublish: boolean;
  /** The academy's "students may talk before the teacher arrives", fixed when the room is created. */
  studentsTalkBeforeTeacher: boolean;
}

export type VideoQuality = 'low' | 'medium' | 'high';

/** A stored meeting's video quality; anything unknown is high (the default). */
export function videoQualityOf(options: Partial<MeetingOptions>): VideoQuality {
  return options.videoQuality === 'low' || options.videoQuality === 'medium' ? options.videoQuality : 'high';
}

export type OptionLayer = { [K in keyof MeetingOptions]?: MeetingOptions[K] | null };

const OPTION_KEYS = ['maxParticipants', 'recordingEnabled', 'videoQuality', 'audioQuality', 'screenShare', 'chat', 'muteOnJoin', 'studentsCanPublish'] as const;

/** Only the option columns of a teacher's settings row take part in resolution (not its ids). */
export function teacherOptionLayer(row: OptionLayer | null | undefined): OptionLayer {
  if (!row) return {};
  return Object.fromEntries(OPTION_KEYS.map((k) => [k, row[k]])) as OptionLayer;
}

export const DEFAULT_MAX_PARTICIPANTS = 50;
const OVERTIME_MINUTES = 60;
const EMPTY_TIMEOUT_BUFFER_MINUTES = 30;

export function defaultMeetingOptions(sessionDurationMinutes: number): MeetingOptions {
  return {
    maxParticipants: DEFAULT_MAX_PARTICIPANTS,
    recordingEnabled: false,
    maxDurationMinutes: sessionDurationMinutes + OVERTIME_MINUTES,
    videoQuality: 'high',
    audioQuality: 'high',
    screenShare: true,
    chat: true,
    muteOnJoin: false,
    studentsCanPublish: true,
    studentsTalkBeforeTeacher: false,
  };
}

export function resolveMeetingOptions(sessionDurationMinutes: number, ...layers: OptionLayer[]): MeetingOptions {
  const resolved: MeetingOptions = defaultMeetingOptions(sessionDurationMinutes);
  for (const layer of layers) {
    for (const key of Object.keys(layer) as (keyof MeetingOptions)[]) {
      const value = layer[key];
      if (value !== null && value !== undefined) (resolved as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return resolved;
}

/**
 * LiveKit closes a room nobody joined after `emptyTimeout`: keep it until the
 * scheduled end + 30 min, or 30 min when the end has passed.
 */
export function emptyTimeoutSeconds(scheduledAt: Date, durationMinutes: number, now: Date): number {
  const endMs = scheduledAt.getTime() + durationMinutes * 60_000;
  const minutesUntilEnd = Math.floor((endMs - now.getTime()) / 60_000);
  return minutesUntilEnd > 0
    ? (minutesUntilEnd + EMPTY_TIMEOUT_BUFFER_MINUTES) * 60
    : EMPTY_TIMEOUT_BUFFER_MINUTES * 60;
}

/** Until when the meeting outlives its teacher's disconnect: start + duration + 30 min. */
export function persistUntil(scheduledAt: Date, durationMinutes: number): Date {
  return new Date(scheduledAt.getTime() + (durationMinutes + EMPTY_TIMEOUT_BUFFER_MINUTES) * 60_000);
}

export interface RoomMetadata {
  created_by: string;
  session_id: number;
  session_type: string;
  recording_enabled: boolean;
  created_at: string;
}

export function roomMetadata(input: { createdBy: number | null; sessionId: number; kind: string; recordingEnabled: boolean; now: Date }): RoomMetadata {
  return {
    created_by: input.createdBy === null ? 'halaqa_scheduler' : String(input.createdBy),
    session_id: input.sessionId,
    session_type: input.kind,
    recording_enabled: input.recordingEnabled,
    created_at: input.now.toISOString(),
  };
}
