/**
 * A session's statuses, shared by the server and the dashboards
 * (docs/rules.md#session-statuses). The database enum session_status
 * (server/db/schema/enums.ts) is made from this list.
 */
export const SESSION_STATUSES = ['scheduled', 'ready', 'ongoing', 'completed', 'cancelled', 'absent'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** A session that may still have a live room: not yet ended one way or another. */
export const OPEN_STATUSES = ['scheduled', 'ready', 'ongoing'] as const satisfies readonly SessionStatus[];

/** Final: no transition leaves them. */
export const TERMINAL_STATUSES = ['completed', 'cancelled', 'absent'] as const satisfies readonly SessionStatus[];

export function isOpenStatus(status: SessionStatus): boolean {
  return (OPEN_STATUSES as readonly SessionStatus[]).includes(status);
}
