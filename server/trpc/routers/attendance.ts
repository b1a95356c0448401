import 'server-only';
import {
  academyStatsInput,
  getAcademyStatistics,
  getSessionStatistics,
  listAttendanceRecords,
  listRecordsInput,
  overrideAttendanceStatus,
  overrideStatusInput,
  sessionStatsInput,
} from '@/server/modules/attendance';
import { authedProcedure, managerProcedure, router } from '../procedures';

/** A session's figures are for its teacher and the academy's managers (checked in the use cases); academy ranges for managers only. */
export const attendanceRouter = router({
  sessionStats: authedProcedure.input(sessionStatsInput).query(({ ctx, input }) => getSessionStatistics(ctx.deps, ctx.actor, input)),
  academyStats: managerProcedure.input(academyStatsInput).query(({ ctx, input }) => getAcademyStatistics(ctx.deps, ctx.academy, input)),
  listRecords: authedProcedure.input(listRecordsInput).query(({ ctx, input }) => listAttendanceRecords(ctx.deps, ctx.actor, input)),
  overrideStatus: authedProcedure
    .input(overrideStatusInput)
    .mutation(({ ctx, input }) => overrideAttendanceStatus(ctx.deps, ctx.actor, input)),
});
