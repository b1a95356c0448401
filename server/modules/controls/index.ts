/**
 * Classroom controls (docs/rules.md#classroom-controls): teacher commands, hands, announcements, and
 * the room state late joiners start from.
 *
 * Invariants:
 * - Authority is checked on our side first (the session's teacher or an
 *   academy manager; another academy's session is NOT_FOUND), before
 *   LiveKit is asked anything or a row is written.
 * - A command's state change, its stored row (id, priority, targets) and
 *   its NOTIFY commit together; delivery (LiveKit reliable data on the
 *   command's topic, and the SSE stream) follows the commit.
 * - room_states is the truth: mutedIdentities holds single mutes and '*'
 *   for "every student" (mute all), removedUserIds blocks tokens,
 *   studentsCanPublish shapes tokens. get-join-token reads it through
 *   readStudentControls and grantsFor (shared/classroom/grants.ts).
 * - Mute and stop-publishing are enforced by LiveKit permissions
 *   (canPublish, canPublishSources), not by client goodwill.
 * - Critical commands (mute_all, stop_publishing, remove_participant,
 *   meeting_ended) are acknowledged per identity and resent by room.sweep,
 *   3 tries in all. No timers: no instance owns a room.
 * The router is server/trpc/routers/room.ts.
 */
import 'server-only';
export { COMMAND_SPECS, TOPICS, buildEnvelope, decodeEnvelope, encodeEnvelope, topicOf, type CommandEnvelope, type CommandType, type Topic } from '@/shared/classroom/envelope';
export { applyCommand, EMPTY_ROOM_STATE, isMicLocked, type RoomStateView } from '@/shared/classroom/room-state';
export { ALL_STUDENTS, participantKind, studentPermission, type ControlState } from './permissions';
export { readStudentControls, type StudentControls } from './student-grants';
export { getRoomState, type RoomStateResponse } from './get-room-state';
export { sweepLiveRoom, type SweepResult } from './sweep-room';
export { guardParticipant, type GuardOutcome } from './guard-participant';
export { openRoomEvents, type RoomEvent, type RoomEventItem } from './stream-room-events';
export { acknowledgeCommand } from './acknowledge-command';
export { muteAll, allowMicrophones } from './mute-all';
export { allowMicrophone, muteParticipant } from './mute-participant';
export { lowerAllHands, lowerHand, raiseHand } from './raise-hand';
export { readmitParticipant, removeParticipant } from './remove-participant';
export { clearAnnouncement, setAnnouncement } from './set-announcement';
export { setStudentPublishing } from './set-student-publishing';
export { allowSpeaker, revokeSpeaker } from './speaker';
export { markTeacherArrived } from './state-store';
export { closeMushaf, setMushaf } from './set-mushaf';
export { sweepRoom } from './sweep-room';
export { issueCommand } from './issue-command';
export { getManagedRoomOrThrow, getStudentRoomOrThrow, getViewerRoomOrThrow, type RoomContext } from './room-context';
export { readRoomState } from './state-store';
export * from './schemas';
export type { CommandResult } from './enforce-controls';
