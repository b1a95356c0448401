import 'server-only';
import {
  anonymisePerson,
  applyImportBatch,
  createPerson,
  createPersonInput,
  importApplyInput,
  importPreviewInput,
  linkParent,
  listPeople,
  listPeopleInput,
  parentLinkInput,
  personIdInput,
  previewImport,
  resendInvitation,
  revokeInvitation,
  setPersonActive,
  setPersonActiveInput,
  unlinkParent,
  updatePerson,
  updatePersonInput,
} from '@/server/modules/people';
import { adminProcedure, managerProcedure, router } from '../procedures';

/** An academy's people: managers read, admins (and the super admin naming the academy) change. */
export const peopleRouter = router({
  list: managerProcedure.input(listPeopleInput).query(({ ctx, input }) => listPeople(ctx.deps, ctx.academy, input)),
  create: adminProcedure.input(createPersonInput).mutation(({ ctx, input }) => createPerson(ctx.deps, ctx.actor, ctx.academy, input)),
  update: adminProcedure.input(updatePersonInput).mutation(({ ctx, input }) => updatePerson(ctx.deps, ctx.actor, ctx.academy, input)),
  setActive: adminProcedure.input(setPersonActiveInput).mutation(({ ctx, input }) => setPersonActive(ctx.deps, ctx.actor, ctx.academy, input)),
  anonymise: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => anonymisePerson(ctx.deps, ctx.actor, ctx.academy, input)),
  linkParent: adminProcedure.input(parentLinkInput).mutation(({ ctx, input }) => linkParent(ctx.deps, ctx.academy, input)),
  unlinkParent: adminProcedure.input(parentLinkInput).mutation(({ ctx, input }) => unlinkParent(ctx.deps, ctx.academy, input)),
  resendInvitation: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => resendInvitation(ctx.deps, ctx.actor, ctx.academy, input)),
  revokeInvitation: adminProcedure.input(personIdInput).mutation(({ ctx, input }) => revokeInvitation(ctx.deps, ctx.actor, ctx.academy, input)),
  importPreview: adminProcedure.input(importPreviewInput).mutation(({ ctx, input }) => previewImport(ctx.deps, ctx.actor, ctx.academy, input)),
  importApply: adminProcedure.input(importApplyInput).mutation(({ ctx, input }) => applyImportBatch(ctx.deps, ctx.actor, ctx.academy, input)),
});
