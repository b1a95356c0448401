import 'server-only';
import {
  academyRecitationsInput,
  getAcademyRecitations,
  getStudentProgress,
  gradeScaleInput,
  listSessionRecitations,
  progressInput,
  recordRecitation,
  recordRecitationInput,
  setGradeScale,
  updateRecitation,
  updateRecitationInput,
} from '@/server/modules/recitations';
import { sessionIdInput } from '@/server/lib/schemas';
import { adminProcedure, authedProcedure, managerProcedure, router } from '../procedures';

/** The recitation log: who may write and read whose entries is decided per session and student in the use cases. */
export const recitationRouter = router({
  record: authedProcedure.input(recordRecitationInput).mutation(({ ctx, input }) => recordRecitation(ctx.deps, ctx.actor, input)),
  update: authedProcedure.input(updateRecitationInput).mutation(({ ctx, input }) => updateRecitation(ctx.deps, ctx.actor, input)),
  listForSession: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => listSessionRecitations(ctx.deps, ctx.actor, input)),
  progress: authedProcedure.input(progressInput).query(({ ctx, input }) => getStudentProgress(ctx.deps, ctx.actor, input)),
  academy: managerProcedure.input(academyRecitationsInput).query(({ ctx, input }) => getAcademyRecitations(ctx.deps, ctx.academy, input)),
  setGradeScale: adminProcedure.input(gradeScaleInput).mutation(({ ctx, input }) => setGradeScale(ctx.deps, ctx.academy, input.scale)),
});
