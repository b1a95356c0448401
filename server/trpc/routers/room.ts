import 'server-only';
import { tracked } from '@trpc/server';
import {
  ackInput,
  acknowledgeCommand,
  allowMicrophone,
  allowMicrophones,
  allowSpeaker,
  announcementInput,
  clearAnnouncement,
  eventsInput,
  getRoomState,
  identityInput,
  lowerAllHands,
  lowerHand,
  lowerHandInput,
  muteAll,
  muteParticipant,
  openRoomEvents,
  publishingInput,
  raiseHand,
  readmitParticipant,
  removeParticipant,
  revokeSpeaker,
  sessionIdInput,
  setAnnouncement,
  setStudentPublishing,
  sweepRoom,
  userIdInput,
} from '@/server/modules/controls';
import { endAtMaximum, endRoom, extendClass, extendInput } from '@/server/modules/meetings';
import { authedProcedure, router } from '../procedures';

/** Classroom controls: who may do what in a room is decided per session in the use cases (docs/rules.md#classroom-controls). */
export const roomRouter = router({
  state: authedProcedure.input(sessionIdInput).query(({ ctx, input }) => getRoomState(ctx.deps, ctx.actor, input)),
  /** Server-sent events: the same commands as the data channel, plus state snapshots and attendance signals. */
  events: authedProcedure.input(eventsInput).subscription(async ({ ctx, input, signal }) => {
    const events = await openRoomEvents(ctx.deps, ctx.actor, input, signal);
    return (async function* () {
      for await (const item of events) yield tracked(item.id, item.event);
    })();
  }),
  ack: authedProcedure.input(ackInput).mutation(({ ctx, input }) => acknowledgeCommand(ctx.deps, ctx.actor, input)),
  sweep: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => sweepRoom(ctx.deps, ctx.actor, input)),

  raiseHand: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => raiseHand(ctx.deps, ctx.actor, input)),
  lowerHand: authedProcedure.input(lowerHandInput).mutation(({ ctx, input }) => lowerHand(ctx.deps, ctx.actor, input)),
  lowerAllHands: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => lowerAllHands(ctx.deps, ctx.actor, input)),

  muteParticipant: authedProcedure.input(identityInput).mutation(({ ctx, input }) => muteParticipant(ctx.deps, ctx.actor, input)),
  allowMicrophone: authedProcedure.input(identityInput).mutation(({ ctx, input }) => allowMicrophone(ctx.deps, ctx.actor, input)),
  muteAll: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => muteAll(ctx.deps, ctx.actor, input)),
  allowMicrophones: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => allowMicrophones(ctx.deps, ctx.actor, input)),
  setPublishing: authedProcedure.input(publishingInput).mutation(({ ctx, input }) => setStudentPublishing(ctx.deps, ctx.actor, input)),
  removeParticipant: authedProcedure.input(identityInput).mutation(({ ctx, input }) => removeParticipant(ctx.deps, ctx.actor, input)),
  readmitParticipant: authedProcedure.input(userIdInput).mutation(({ ctx, input }) => readmitParticipant(ctx.deps, ctx.actor, input)),

  setAnnouncement: authedProcedure.input(announcementInput).mutation(({ ctx, input }) => setAnnouncement(ctx.deps, ctx.actor, input)),
  clearAnnouncement: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => clearAnnouncement(ctx.deps, ctx.actor, input)),
  end: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => endRoom(ctx.deps, ctx.actor, input)),
  endAtMaximum: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => endAtMaximum(ctx.deps, ctx.actor, input)),
  extend: authedProcedure.input(extendInput).mutation(({ ctx, input }) => extendClass(ctx.deps, ctx.actor, input)),
  allowSpeaker: authedProcedure.input(identityInput).mutation(({ ctx, input }) => allowSpeaker(ctx.deps, ctx.actor, input)),
  revokeSpeaker: authedProcedure.input(sessionIdInput).mutation(({ ctx, input }) => revokeSpeaker(ctx.deps, ctx.actor, input)),
});
