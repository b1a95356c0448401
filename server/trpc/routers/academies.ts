import 'server-only';
import {
  academyAttendanceInput,
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
import { academyProcedure, managerProcedure, roleProcedure, router } from '../procedures';

/** The dashboards' academy-wide reads. */
export const academiesRouter = router({
  list: roleProcedure('super_admin')
    .input(noInput)
    .query(({ ctx }) => listAcademies(ctx.deps, ctx.actor)),
  directory: managerProcedure.input(directoryInput).query(({ ctx }) => getAcademyDirectory(ctx.deps, ctx.academy)),
  /** Teachers too: their own sessions' rooms. */
  liveMeetings: academyProcedure.input(liveMeetingsInput).query(({ ctx }) => listLiveMeetings(ctx.deps, ctx.actor, ctx.academy)),
  attendance: managerProcedure.input(academyAttendanceInput).query(({ ctx, input }) => listAcademyAttendance(ctx.deps, ctx.academy, input)),
  sessions: managerProcedure.input(academySessionsInput).query(({ ctx, input }) => listAcademySessions(ctx.deps, ctx.academy, input)),
});
