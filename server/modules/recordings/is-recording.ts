import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { recordings } from '@/server/db/schema';

/** Is a recording of the session starting or running (the room's "recording" notice)? */
export async function isRecording(db: DbExecutor, sessionId: number): Promise<boolean> {
  const [row] = await db
    .select({ id: recordings.id })
    .from(recordings)
    .where(and(eq(recordings.sessionId, sessionId), inArray(recordings.status, ['starting', 'active'])))
    .limit(1);
  return row !== undefined;
}
