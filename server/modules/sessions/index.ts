/** Sessions (SPEC 3): access rules, the status machine, the dashboards' queries. */
export { assertCanManage, assertCanView, canManageSession, getSessionContextOrThrow, type JoinRole, type SessionContext } from './access';
export { assertTransition, canTransition, endStatus, isTerminal, SESSION_STATUSES } from './status-machine';
export { expectedStudentIds } from './queries';
export { dayBounds, listMySessions } from './list-sessions';
export { getSessionDetail } from './get-session-detail';
export * from './schemas';
