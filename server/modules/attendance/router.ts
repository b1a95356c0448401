import { authedProcedure, router } from '@/server/trpc/init';
import { listAttendanceRecords, listRecordsInput } from './list-records';
import { overrideAttendanceStatus, overrideStatusInput } from './override-status';
import { academyStatsInput, getAcademyStatistics, getSessionStatistics, sessionStatsInput } from './statistics';

/** Access is decided in the use cases: a session's teacher or the academy's managers; academy ranges for managers only. */
export const attendanceRouter = router({
  sessionStats: authedProcedure.input(sessionStatsInput).query(({ ctx, input }) => getSessionStatistics(ctx.deps, ctx.actor, input)),
  academyStats: authedProcedure.input(academyStatsInput).query(({ ctx, input }) => getAcademyStatistics(ctx.deps, ctx.actor, input)),
  listRecords: authedProcedure.input(listRecordsInput).query(({ ctx, input }) => listAttendanceRecords(ctx.deps, ctx.actor, input)),
  overrideStatus: authedProcedure
    .input(overrideStatusInput)
    .mutation(({ ctx, input }) => overrideAttendanceStatus(ctx.deps, ctx.actor, input)),
});
