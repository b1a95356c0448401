/**
 * Meetings (docs/rules.md#meetings): one LiveKit room per session, tokens by role, room
 * info with recreate/fallback, end. Invariant: a meeting row exists only for
 * a room LiveKit accepted, and at most one per session.
 */
import 'server-only';
export { createMeeting, type Meeting } from './create-meeting';
export { endMeeting, endMeetingForSession } from './end-meeting';
export { getJoinToken, TOKEN_RATE_LIMIT, TOKEN_TTL_SECONDS } from './get-join-token';
export { grantsFor, type JoinGrants } from '@/shared/classroom/grants';
export { getMeetingInfo } from './get-meeting-info';
export { openMeeting } from './open-meeting';
export { endRoom } from './end-room';
export { extendClass, type ExtendResult } from './extend-class';
export { endAtMaximum } from './end-at-maximum';
export { recordClientLeave } from './leave-meeting';
export { holdRoomForTeacher } from './hold-room';
export { DEFAULT_MAX_PARTICIPANTS, persistUntil, type MeetingOptions } from './options';
export * from './schemas';
export { participantIdentity, slugifyName, userIdFromIdentity } from '@/shared/classroom/identity';
export { roomNameFor, sessionIdFromRoomName } from './room-name';
export { planRoom, planRecreatedRoom, type RoomPlan } from './room-plan';
