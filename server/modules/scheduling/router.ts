import { authedProcedure, roleProcedure, router } from '@/server/trpc/init';
import { cancelSchedule, cancelSession } from './cancel-session';
import { createSession } from './create-session';
import { createWeeklySchedule } from './create-weekly-schedule';
import { listSchedules } from './list-schedules';
import {
  academyScopeInput,
  cancelScheduleInput,
  cancelSessionInput,
  createSessionInput,
  createWeeklyScheduleInput,
  listSchedulesInput,
  teacherScopeInput,
  updateSessionInput,
  updateTeacherSettingsInput,
  updateVideoSettingsInput,
} from './schemas';
import { getTeacherMeetingSettings, updateTeacherMeetingSettings } from './teacher-settings';
import { updateSession } from './update-session';
import { getVideoSettings, updateVideoSettings } from './video-settings';

const managerProcedure = roleProcedure('super_admin', 'academy_admin', 'supervisor');
const adminProcedure = roleProcedure('super_admin', 'academy_admin');

export const schedulingRouter = router({
  createSession: managerProcedure.input(createSessionInput).mutation(({ ctx, input }) => createSession(ctx.deps, ctx.actor, input)),
  createWeeklySchedule: managerProcedure
    .input(createWeeklyScheduleInput)
    .mutation(({ ctx, input }) => createWeeklySchedule(ctx.deps, ctx.actor, input)),
  updateSession: managerProcedure.input(updateSessionInput).mutation(({ ctx, input }) => updateSession(ctx.deps, ctx.actor, input)),
  cancelSession: managerProcedure.input(cancelSessionInput).mutation(({ ctx, input }) => cancelSession(ctx.deps, ctx.actor, input)),
  cancelSchedule: managerProcedure.input(cancelScheduleInput).mutation(({ ctx, input }) => cancelSchedule(ctx.deps, ctx.actor, input)),
  listSchedules: managerProcedure.input(listSchedulesInput).query(({ ctx, input }) => listSchedules(ctx.deps, ctx.actor, input)),
  getVideoSettings: managerProcedure.input(academyScopeInput).query(({ ctx, input }) => getVideoSettings(ctx.deps, ctx.actor, input)),
  updateVideoSettings: adminProcedure
    .input(updateVideoSettingsInput)
    .mutation(({ ctx, input }) => updateVideoSettings(ctx.deps, ctx.actor, input)),
  getTeacherSettings: authedProcedure.input(teacherScopeInput).query(({ ctx, input }) => getTeacherMeetingSettings(ctx.deps, ctx.actor, input)),
  updateTeacherSettings: authedProcedure
    .input(updateTeacherSettingsInput)
    .mutation(({ ctx, input }) => updateTeacherMeetingSettings(ctx.deps, ctx.actor, input)),
});
