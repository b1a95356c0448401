/**
 * The room's controls as they bear on a student's or parent's next token: a
 * removed user gets none, and a student's grants follow stop publishing and
 * mute (grantsFor, docs/rules.md#join-grants).
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import type { ControlState } from '@/shared/classroom/grants';
import { controlStateOf, readRoomState } from './state-store';

export interface StudentControls {
  removed: boolean;
  state: ControlState;
}

export async function readStudentControls(db: DbExecutor, input: { academyId: number; sessionId: number; userId: number }): Promise<StudentControls> {
  const row = await readRoomState(db, input);
  return { removed: row?.removedUserIds.includes(input.userId) ?? false, state: controlStateOf(row) };
}
