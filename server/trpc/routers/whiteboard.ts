import 'server-only';
import { sessionIdInput } from '@/server/lib/schemas';
import {
  closeWhiteboard,
  drawInput,
  drawOnWhiteboard,
  getWhiteboardImage,
  getWhiteboardScene,
  saveImageInput,
  saveWhiteboardImage,
  setWhiteboard,
  setWhiteboardInput,
} from '@/server/modules/whiteboard';
import { authedProcedure, router } from '../procedures';

/** The shared whiteboard: driving it is the session teacher's or a manager's; drawing also a student's the teacher allowed (decided in the use cases). */
export const whiteboardRouter = router({
  set: authedProcedure.input(setWhiteboardInput).mutation(({ ctx, input }) => setWhiteboard(ctx.deps, ctx.actor, input)),
  close: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => closeWhiteboard(ctx.deps, ctx.actor, input)),
  draw: authedProcedure.input(drawInput).mutation(({ ctx, input }) => drawOnWhiteboard(ctx.deps, ctx.actor, input)),
  scene: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getWhiteboardScene(ctx.deps, ctx.actor, input)),
  saveImage: authedProcedure.input(saveImageInput).mutation(({ ctx, input }) => saveWhiteboardImage(ctx.deps, ctx.actor, input)),
  image: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getWhiteboardImage(ctx.deps, ctx.actor, input)),
});
