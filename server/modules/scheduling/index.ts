/**
 * Scheduling (docs/rules.md#sessions, docs/rules.md#automatic-rooms): sessions one by one or weekly in the academy's
 * timezone (stored in UTC, DST-proof), edits and cancellations under the
 * status machine, academy video settings and teacher settings; and the pure
 * rules the sweeps use (eligibility, weekly expansion).
 */
import 'server-only';
export * from './eligibility';
export * from './weekly-schedule';
export { createSession } from './create-session';
export { createWeeklySchedule } from './create-weekly-schedule';
export { updateSession } from './update-session';
export { rescheduleSession } from './reschedule-session';
export { endSchedule, pauseSchedule, resumeSchedule, updateSchedule, type ScheduleChange } from './edit-schedule';
export { cancelSession, cancelSchedule } from './cancel-session';
export { getSchedule, listSchedules } from './list-schedules';
export { getVideoSettings, updateVideoSettings } from './video-settings';
export { videoSettingsProblems } from './video-settings-rules';
export { getTeacherMeetingSettings, updateTeacherMeetingSettings } from './teacher-settings';
export { sessionView, localDateTime, type SessionView } from './session-view';
export * from './schemas';
