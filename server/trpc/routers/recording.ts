import 'server-only';
import {
  listAcademyRecordings,
  listAcademyRecordingsInput,
  listSessionRecordings,
  sessionIdInput,
  startRecording,
  startRecordingInput,
  stopRecording,
  stopRecordingInput,
} from '@/server/modules/recordings';
import { authedProcedure, managerProcedure, router } from '../procedures';

export const recordingRouter = router({
  start: authedProcedure.input(startRecordingInput).mutation(async ({ ctx, input }) => {
    const { recording, started } = await startRecording(ctx.deps, ctx.actor, input);
    return { started, recording: { id: recording.id, status: recording.status, startedAt: recording.startedAt, filePath: recording.filePath } };
  }),
  stop: authedProcedure.input(stopRecordingInput).mutation(async ({ ctx, input }) => {
    const { recordings } = await stopRecording(ctx.deps, ctx.actor, input);
    return { recordings: recordings.map((r) => ({ id: r.id, status: r.status, endedAt: r.endedAt })) };
  }),
  list: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => listSessionRecordings(ctx.deps, ctx.actor, input)),
  academy: managerProcedure.input(listAcademyRecordingsInput).query(({ ctx, input }) => listAcademyRecordings(ctx.deps, ctx.academy, input)),
});
