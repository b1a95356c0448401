import 'server-only';
import {
  addMember,
  createGroup,
  createGroupInput,
  getGroup,
  groupRefInput,
  listGroups,
  listGroupsInput,
  memberInput,
  removeMember,
  setGroupArchived,
  setGroupArchivedInput,
  updateGroup,
  updateGroupInput,
} from '@/server/modules/groups';
import { adminProcedure, managerProcedure, router } from '../procedures';

/** Managers read; academy admins (and the super admin naming the academy) change. */
export const groupsRouter = router({
  list: managerProcedure.input(listGroupsInput).query(({ ctx, input }) => listGroups(ctx.deps, ctx.academy, input)),
  get: managerProcedure.input(groupRefInput).query(({ ctx, input }) => getGroup(ctx.deps, ctx.academy, input)),
  create: adminProcedure.input(createGroupInput).mutation(({ ctx, input }) => createGroup(ctx.deps, ctx.academy, input)),
  update: adminProcedure.input(updateGroupInput).mutation(({ ctx, input }) => updateGroup(ctx.deps, ctx.academy, input)),
  setArchived: adminProcedure.input(setGroupArchivedInput).mutation(({ ctx, input }) => setGroupArchived(ctx.deps, ctx.academy, input)),
  addMember: adminProcedure.input(memberInput).mutation(({ ctx, input }) => addMember(ctx.deps, ctx.academy, input)),
  removeMember: adminProcedure.input(memberInput).mutation(({ ctx, input }) => removeMember(ctx.deps, ctx.academy, input)),
});
