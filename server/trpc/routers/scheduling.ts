import 'server-only';
import {
  academyScopeInput,
  cancelSchedule,
  cancelScheduleInput,
  cancelSession,
  cancelSessionInput,
  createSession,
  createSessionInput,
  createWeeklySchedule,
  createWeeklyScheduleInput,
  endSchedule,
  pauseSchedule,
  rescheduleSession,
  rescheduleSessionInput,
  resumeSchedule,
  scheduleRefInput,
  updateSchedule,
  updateScheduleInput,
  getSchedule,
  getTeacherMeetingSettings,
  getVideoSettings,
  listSchedules,
  listSchedulesInput,
  teacherScopeInput,
  updateSession,
  updateSessionInput,
  updateTeacherMeetingSettings,
  updateTeacherSettingsInput,
  updateVideoSettings,
  updateVideoSettingsInput,
} from '@/server/modules/scheduling';
import { MANAGER_ROLES } from '@/server/lib/actor';
import { adminProcedure, authedProcedure, managerProcedure, roleProcedure, router } from '../procedures';

/** Changes to one session or schedule: its academy comes from the row, so only the role is checked here. */
const sessionManagerProcedure = roleProcedure(...MANAGER_ROLES);

export const schedulingRouter = router({
  createSession: managerProcedure.input(createSessionInput).mutation(({ ctx, input }) => createSession(ctx.deps, ctx.academy, input)),
  createWeeklySchedule: managerProcedure
    .input(createWeeklyScheduleInput)
    .mutation(({ ctx, input }) => createWeeklySchedule(ctx.deps, ctx.actor, ctx.academy, input)),
  updateSession: sessionManagerProcedure.input(updateSessionInput).mutation(({ ctx, input }) => updateSession(ctx.deps, ctx.actor, input)),
  rescheduleSession: sessionManagerProcedure
    .input(rescheduleSessionInput)
    .mutation(({ ctx, input }) => rescheduleSession(ctx.deps, ctx.actor, input).then(({ session, roomDeleted }) => ({ session, roomDeleted }))),
  cancelSession: sessionManagerProcedure.input(cancelSessionInput).mutation(({ ctx, input }) => cancelSession(ctx.deps, ctx.actor, input)),
  cancelSchedule: sessionManagerProcedure.input(cancelScheduleInput).mutation(({ ctx, input }) => cancelSchedule(ctx.deps, ctx.actor, input)),
  updateSchedule: managerProcedure.input(updateScheduleInput).mutation(({ ctx, input }) => updateSchedule(ctx.deps, ctx.academy, input)),
  pauseSchedule: managerProcedure.input(scheduleRefInput).mutation(({ ctx, input }) => pauseSchedule(ctx.deps, ctx.academy, input)),
  resumeSchedule: managerProcedure.input(scheduleRefInput).mutation(({ ctx, input }) => resumeSchedule(ctx.deps, ctx.academy, input)),
  endSchedule: managerProcedure.input(scheduleRefInput).mutation(({ ctx, input }) => endSchedule(ctx.deps, ctx.academy, input)),
  getSchedule: managerProcedure.input(scheduleRefInput).query(({ ctx, input }) => getSchedule(ctx.deps, ctx.academy, input)),
  listSchedules: managerProcedure.input(listSchedulesInput).query(({ ctx, input }) => listSchedules(ctx.deps, ctx.academy, input)),
  getVideoSettings: managerProcedure.input(academyScopeInput).query(({ ctx }) => getVideoSettings(ctx.deps, ctx.academy)),
  updateVideoSettings: adminProcedure
    .input(updateVideoSettingsInput)
    .mutation(({ ctx, input }) => updateVideoSettings(ctx.deps, ctx.academy, input)),
  getTeacherSettings: authedProcedure.input(teacherScopeInput).query(({ ctx, input }) => getTeacherMeetingSettings(ctx.deps, ctx.actor, input)),
  updateTeacherSettings: authedProcedure
    .input(updateTeacherSettingsInput)
    .mutation(({ ctx, input }) => updateTeacherMeetingSettings(ctx.deps, ctx.actor, input)),
});
