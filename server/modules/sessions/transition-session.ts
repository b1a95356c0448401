/**
 * The one writer of `sessions.status` (docs/rules.md#session-statuses).
 * The transition is checked against the status machine, and the row changes
 * only while it is still in `from` (`WHERE status = from`), so of two
 * concurrent writers only one applies it; the other gets no row back.
 */
import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { sessions } from '@/server/db/schema';
import type { SessionStatus } from '@/server/db/schema/enums';
import { OPEN_STATUSES } from '@/shared/session-status';
import { assertTransition } from './status-machine';

type SessionRow = typeof sessions.$inferSelect;
/** Columns that change with the status: start and end times, the cancel reason, and an edit's fields. */
export type TransitionPatch = Partial<Omit<typeof sessions.$inferInsert, 'id' | 'status' | 'academyId'>>;

/** Returns the sessions that moved (none when another writer got there first). */
export async function transitionSession(
  tx: DbExecutor,
  id: number | readonly number[],
  from: SessionStatus,
  to: SessionStatus,
  patch: TransitionPatch = {},
): Promise<SessionRow[]> {
  assertTransition(from, to);
  const ids = typeof id === 'number' ? [id] : [...id];
  if (ids.length === 0) return [];
  return tx
    .update(sessions)
    .set({ ...patch, status: to })
    .where(and(ids.length === 1 ? eq(sessions.id, ids[0]!) : inArray(sessions.id, ids), eq(sessions.status, from)))
    .returning();
}

/** OPEN_STATUSES as an SQL list, for raw queries: `s.status IN (${OPEN_STATUSES_SQL})`. Constants, so inlined as literals. */
export const OPEN_STATUSES_SQL = sql.raw(OPEN_STATUSES.map((status) => `'${status}'`).join(', '));
