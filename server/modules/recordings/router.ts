import { authedProcedure, roleProcedure, router } from '@/server/trpc/init';
import { sessionIdInput } from '@/server/modules/meetings/schemas';
import { listAcademyRecordings, listSessionRecordings } from './list-recordings';
import { listAcademyRecordingsInput, startRecordingInput, stopRecordingInput } from './schemas';
import { startRecording } from './start-recording';
import { stopRecording } from './stop-recording';

export const recordingsRouter = router({
  start: authedProcedure.input(startRecordingInput).mutation(async ({ ctx, input }) => {
    const { recording, started } = await startRecording(ctx.deps, ctx.actor, input);
    return { started, recording: { id: recording.id, status: recording.status, startedAt: recording.startedAt, filePath: recording.filePath } };
  }),
  stop: authedProcedure.input(stopRecordingInput).mutation(async ({ ctx, input }) => {
    const { recordings } = await stopRecording(ctx.deps, ctx.actor, input);
    return { recordings: recordings.map((r) => ({ id: r.id, status: r.status, endedAt: r.endedAt })) };
  }),
  list: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => listSessionRecordings(ctx.deps, ctx.actor, input)),
  academy: roleProcedure('super_admin', 'academy_admin', 'supervisor')
    .input(listAcademyRecordingsInput)
    .query(({ ctx, input }) => listAcademyRecordings(ctx.deps, ctx.actor, input)),
});
