/**
 * A session's statuses, shared by the server and the dashboards
 * (docs/rules.md#session-statuses). The database enum
 * (server/db/schema/enums.ts) holds the same list; the type check below
 * fails the build if the two part ways.
 */
import type { SessionStatus } from '@/server/db/schema/enums';

export type { SessionStatus };

export const SESSION_STATUSES = ['scheduled', 'ready', 'ongoing', 'completed', 'cancelled', 'absent'] as const satisfies readonly SessionStatus[];

/** A session that may still have a live room: not yet ended one way or another. */
export const OPEN_STATUSES = ['scheduled', 'ready', 'ongoing'] as const satisfies readonly SessionStatus[];

/** Final: no transition leaves them. */
export const TERMINAL_STATUSES = ['completed', 'cancelled', 'absent'] as const satisfies readonly SessionStatus[];

type Missing = Exclude<SessionStatus, (typeof SESSION_STATUSES)[number]>;
const everyStatusListed: [Missing] extends [never] ? true : Missing = true;
void everyStatusListed;

export function isOpenStatus(status: SessionStatus): boolean {
  return (OPEN_STATUSES as readonly SessionStatus[]).includes(status);
}
