import { z } from 'zod';
import { authedProcedure, roleProcedure, router } from '@/server/trpc/init';
import { directoryInput, getAcademyDirectory } from './get-directory';
import { listAcademies } from './list-academies';
import { academyAttendanceInput, listAcademyAttendance } from './list-academy-attendance';
import { academySessionsInput, listAcademySessions } from './list-academy-sessions';
import { listLiveMeetings, liveMeetingsInput } from './list-live-meetings';

const managerProcedure = roleProcedure('super_admin', 'academy_admin', 'supervisor');

/** The dashboards' academy-wide reads; scope (own academy, or the one a super admin names) is checked in the use cases. */
export const academiesRouter = router({
  list: roleProcedure('super_admin')
    .input(z.object({}).strict().optional())
    .query(({ ctx }) => listAcademies(ctx.deps, ctx.actor)),
  directory: managerProcedure.input(directoryInput).query(({ ctx, input }) => getAcademyDirectory(ctx.deps, ctx.actor, input)),
  /** Teachers too: their own sessions' rooms. */
  liveMeetings: authedProcedure.input(liveMeetingsInput).query(({ ctx, input }) => listLiveMeetings(ctx.deps, ctx.actor, input)),
  attendance: managerProcedure.input(academyAttendanceInput).query(({ ctx, input }) => listAcademyAttendance(ctx.deps, ctx.actor, input)),
  sessions: managerProcedure.input(academySessionsInput).query(({ ctx, input }) => listAcademySessions(ctx.deps, ctx.actor, input)),
});
