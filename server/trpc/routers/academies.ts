import 'server-only';
import {
  academyAttendanceInput,
  createAcademy,
  createAcademyInput,
  setAcademyActive,
  setAcademyActiveInput,
  updateAcademy,
  updateAcademyInput,
  academySessionsInput,
  directoryInput,
  getAcademyDirectory,
  listAcademies,
  listAcademyAttendance,
  listAcademySessions,
  listLiveMeetings,
  liveMeetingsInput,
} from '@/server/modules/academies';
import { noInput } from '@/server/lib/schemas';
import { inviteAcademyAdmin, inviteAcademyAdminInput } from '@/server/modules/people';
import { academyProcedure, managerProcedure, roleProcedure, router } from '../procedures';

/** The dashboards' academy-wide reads, and the super admin's academy administration. */
export const academiesRouter = router({
  list: roleProcedure('super_admin')
    .input(noInput)
    .query(({ ctx }) => listAcademies(ctx.deps, ctx.actor)),
  directory: managerProcedure.input(directoryInput).query(({ ctx }) => getAcademyDirectory(ctx.deps, ctx.academy)),
  /** Teachers too: their own sessions' rooms. */
  liveMeetings: academyProcedure.input(liveMeetingsInput).query(({ ctx }) => listLiveMeetings(ctx.deps, ctx.actor, ctx.academy)),
  attendance: managerProcedure.input(academyAttendanceInput).query(({ ctx, input }) => listAcademyAttendance(ctx.deps, ctx.academy, input)),
  sessions: managerProcedure.input(academySessionsInput).query(({ ctx, input }) => listAcademySessions(ctx.deps, ctx.academy, input)),
  create: roleProcedure('super_admin').input(createAcademyInput).mutation(({ ctx, input }) => createAcademy(ctx.deps, ctx.actor, input)),
  update: roleProcedure('super_admin').input(updateAcademyInput).mutation(({ ctx, input }) => updateAcademy(ctx.deps, ctx.actor, input)),
  setActive: roleProcedure('super_admin').input(setAcademyActiveInput).mutation(({ ctx, input }) => setAcademyActive(ctx.deps, ctx.actor, input)),
  inviteAdmin: roleProcedure('super_admin').input(inviteAcademyAdminInput).mutation(({ ctx, input }) => inviteAcademyAdmin(ctx.deps, ctx.actor, input)),
});
