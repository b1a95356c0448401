/** Sessions (docs/rules.md#sessions): access rules, the status machine, the dashboards' queries. */
import 'server-only';
export { assertCanManage, assertCanView, canManageSession, getSessionContextOrThrow, type JoinRole, type SessionContext } from './access';
export { assertTransition, canTransition, endStatus, isTerminal, SESSION_STATUSES, TERMINAL_STATUSES, transitionPath } from './status-machine';
export { OPEN_STATUSES_SQL, transitionSession, type TransitionPatch } from './transition-session';
export { OPEN_STATUSES, isOpenStatus } from '@/shared/session-status';
export { expectedStudentIds } from './queries';
export { dayBounds, listMySessions } from './list-sessions';
export { getSessionDetail } from './get-session-detail';
export { listCalendar, MAX_CALENDAR_SESSIONS, type CalendarSession } from './list-calendar';
export * from './schemas';
