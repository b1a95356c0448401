/**
 * Keeping connected students' LiveKit permissions in line with the room's
 * controls. The rule itself (what a student may publish) is grantsFor's
 * (shared/classroom/grants.ts); this compares it with what LiveKit reports.
 */
import 'server-only';
import type { LiveParticipant } from '@/server/livekit/gateway';
import type { StudentPermission, TrackSourceName } from '@/shared/classroom/grants';

export { ALL_STUDENTS, participantKind, studentPermission, type ControlState, type ParticipantKind, type StudentPermission } from '@/shared/classroom/grants';

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
