
export const ATTENDANCE_STATUSES = ['present', 'late', 'partial', 'absent'] as const;
export type AttendanceRecordStatus = (typeof ATTENDANCE_STATUSES)[number];

export { SESSION_STATUSES } from '@/shared/session-status';
