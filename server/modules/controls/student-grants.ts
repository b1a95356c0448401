/**
 * What the room state says about a student's or parent's next token: a
 * removed user gets none, and a student's publish grants follow stop
 * publishing and mute (docs/rules.md#classroom-controls).
 */
import type { DbExecutor } from '@/server/db';
import type { TrackSourceName } from '@/server/livekit/gateway';
import { studentPermission } from './permissions';
import { controlStateOf, readRoomState } from './state-store';

export interface StudentGrants {
  removed: boolean;
  canPublish: boolean;
  /** Absent: every source. */
  canPublishSources?: TrackSourceName[];
}

export async function studentGrantsFor(
  db: DbExecutor,
  input: { academyId: number; sessionId: number; userId: number; identity: string; meetingAllowsPublish: boolean },
): Promise<StudentGrants> {
  const row = await readRoomState(db, input);
  const permission = studentPermission(controlStateOf(row), input.identity, input.meetingAllowsPublish);
  return {
    removed: row?.removedUserIds.includes(input.userId) ?? false,
    canPublish: permission.canPublish,
    canPublishSources: permission.canPublishSources.length > 0 ? permission.canPublishSources : undefined,
  };
}
