import type { SessionStatus } from '@/server/db/schema/enums';

export const ATTENDANCE_STATUSES = ['present', 'late', 'partial', 'absent'] as const;
export type AttendanceRecordStatus = (typeof ATTENDANCE_STATUSES)[number];

export const SESSION_STATUSES: readonly SessionStatus[] = ['scheduled', 'ready', 'ongoing', 'completed', 'cancelled', 'absent'];
