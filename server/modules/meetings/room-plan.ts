/**
 * A session's room, planned in one place (docs/rules.md#meetings): its name,
 * resolved options, LiveKit's createRoom arguments and the meeting row's
 * fields. Pure: createMeeting, the create sweep's batches and the recreation
 * of a lost room all build from here, so their rooms cannot drift apart.
 */
import 'server-only';
import type { SessionKind } from '@/server/db/schema/enums';
import type { RoomSpec } from '@/server/livekit/gateway';
import {
  DEFAULT_MAX_PARTICIPANTS,
  emptyTimeoutSeconds,
  resolveMeetingOptions,
  roomMetadata,
  teacherOptionLayer,
  type MeetingOptions,
  type OptionLayer,
} from './options';
import { ALL_STUDENTS } from '@/shared/classroom/grants';
import { roomNameFor } from './room-name';

export interface RoomPlanInput {
  academySlug: string;
  session: { id: number; kind: SessionKind; scheduledAt: Date; durationMinutes: number };
  /** The academy's defaults for a new room. */
  academy: { defaultMaxParticipants: number; recordingDefault: boolean; studentsTalkBeforeTeacher: boolean };
  /** The teacher's settings row (only its option columns count), or none. */
  teacher: OptionLayer | null | undefined;
  /** What the person starting the meeting asked for; the sweep asks nothing. */
  request?: OptionLayer;
  /** null when the scheduler creates it. */
  createdBy: number | null;
  appUrl: string;
  now: Date;
}

export interface RoomPlan {
  roomName: string;
  options: MeetingOptions;
  createRoom: RoomSpec;
  /** The meeting row's own fields (options stored as JSON). */
  meeting: { roomName: string; joinUrl: string; options: Record<string, unknown>; expiresAt: Date };
  /**
   * The room's first control state: with "students join muted" it starts as
   * after "mute all" (tokens leave the microphone out until the teacher
   * lets a student speak or allows microphones). Null: nothing to store.
   */
  roomState: { mutedIdentities: string[] } | null;
}

export function planRoom(input: RoomPlanInput): RoomPlan {
  const { session, now } = input;
  // defaults → academy → teacher → request
  const options = resolveMeetingOptions(
    session.durationMinutes,
    { maxParticipants: input.academy.defaultMaxParticipants, recordingEnabled: input.academy.recordingDefault, studentsTalkBeforeTeacher: input.academy.studentsTalkBeforeTeacher },
    teacherOptionLayer(input.teacher),
    input.request ?? {},
  );
  const roomName = roomNameFor(input.academySlug, session.kind, session.id);
  const timeout = emptyTimeoutSeconds(session.scheduledAt, session.durationMinutes, now);
  return {
    roomName,
    options,
    createRoom: {
      name: roomName,
      emptyTimeoutSeconds: timeout,
      // LiveKit's default closes a room 20 s after the last leaves; with
      // auto_create off nobody could come back, so keep it as long as empty.
      departureTimeoutSeconds: timeout,
      maxParticipants: options.maxParticipants,
      metadata: JSON.stringify(roomMetadata({ createdBy: input.createdBy, sessionId: session.id, kind: session.kind, recordingEnabled: options.recordingEnabled, now })),
    },
    meeting: {
      roomName,
      joinUrl: `${input.appUrl}/room/${session.id}`,
      options: { ...options },
      expiresAt: new Date(session.scheduledAt.getTime() + options.maxDurationMinutes * 60_000),
    },
    roomState: options.muteOnJoin ? { mutedIdentities: [ALL_STUDENTS] } : null,
  };
}

/** A live meeting's room that LiveKit lost: the same name and size, a fresh timeout. */
export function planRecreatedRoom(input: {
  roomName: string;
  options: Partial<MeetingOptions>;
  session: { id: number; kind: SessionKind; scheduledAt: Date; durationMinutes: number };
  now: Date;
}): RoomSpec {
  const timeout = emptyTimeoutSeconds(input.session.scheduledAt, input.session.durationMinutes, input.now);
  return {
    name: input.roomName,
    emptyTimeoutSeconds: timeout,
    departureTimeoutSeconds: timeout,
    maxParticipants: input.options.maxParticipants ?? DEFAULT_MAX_PARTICIPANTS,
    metadata: JSON.stringify({ session_id: input.session.id, session_type: input.session.kind, recreated_at: input.now.toISOString() }),
  };
}
