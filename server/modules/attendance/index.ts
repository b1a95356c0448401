/**
 * Attendance (docs/rules.md#attendance): a pure function of the event log. Webhooks, the
 * client's own leave and reconciliation append events; records are derived
 * from them by the engine and never edited in place.
 */
import 'server-only';
export { computeAttendance, type AttendanceRecord, type AttendanceStatus } from './engine';
export { appendAttendanceEvent, type NewAttendanceEvent } from './event-log';
export { recordWebhookJoin, recordWebhookLeave, type WebhookParticipantEvent } from './webhook-participant';
export { getSessionInfo, lockAttendancePair, recomputeRecord, type SessionInfo } from './record-store';
export { finalizeSessionInTx, type FinalizeResult } from './finalize-session';
export { reconcileMeeting, type ReconcileResult } from './reconcile-meeting';
export { getSessionStatistics, getAcademyStatistics, type SessionStatistics, type AcademyStatistics } from './statistics';
export { overrideAttendanceStatus, type OverriddenRecord } from './override-status';
export { listAttendanceRecords, type AttendanceRecordView } from './list-records';
export { withLiveFigures, type LiveState } from './live-figures';
export { EXPORT_BATCH_ROWS, exportAttendanceCsv, type AttendanceExport } from './export-csv';
export * from './schemas';
export { formatLocalDateTime, spreadsheetSafe } from './csv-format';
