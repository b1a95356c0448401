/**
 * Academies (docs/rules.md#tenancy): the tenant resolver, tenant settings,
 * and the dashboards' academy-wide reads.
 */
import 'server-only';
export * from './settings';
export { resolveAcademy, assertAcademyPeople, assertAcademyTeacher, type Academy } from './resolve-academy';
export { listAcademies } from './list-academies';
export { getAcademyDirectory, MAX_DIRECTORY_ENTRIES, type AcademyDirectory } from './get-directory';
export { listAcademyAttendance } from './list-academy-attendance';
export { listAcademySessions } from './list-academy-sessions';
export { viewerTimezone } from './viewer-timezone';
export { listLiveMeetings, type LiveMeeting } from './list-live-meetings';
export * from './schemas';
export { checkReportRange, reportDate, withinLocalDates } from './report-range';
export { createAcademy, updateAcademy, setAcademyActive } from './manage-academies';
