/**
 * When the teacher leaves, the meeting outlives the disconnect until the
 * planned end (scheduled end + extensions) + the grace (docs/rules.md#meetings), so a teacher whose
 * connection drops can come back to the same room.
 */
import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { meetings } from '@/server/db/schema';
import { persistUntil } from './options';

export async function holdRoomForTeacher(db: DbExecutor, session: { id: number; scheduledAt: Date; durationMinutes: number; extendedMinutes: number }): Promise<void> {
  await db
    .update(meetings)
    .set({ persistUntil: persistUntil(session.scheduledAt, session.durationMinutes + session.extendedMinutes) })
    .where(eq(meetings.sessionId, session.id));
}
