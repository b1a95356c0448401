/** zod inputs of the groups procedures: strict, bounded, refusing rather than guessing. */
import 'server-only';
import { z } from 'zod';
import { idInput } from '@/server/lib/schemas';
import { GROUP_KINDS, MEMBER_GROUP_KINDS } from '@/shared/groups';

const academyId = idInput.optional();
const kind = z.enum(GROUP_KINDS);
const name = z.string().trim().min(1).max(200);

export const listGroupsInput = z
  .object({ academyId, kind: kind.optional(), archived: z.boolean().optional() })
  .strict()
  .optional();
export type ListGroupsInput = z.infer<typeof listGroupsInput>;

export const groupRefInput = z.object({ academyId, kind, groupId: idInput }).strict();
export type GroupRefInput = z.infer<typeof groupRefInput>;

/** A lesson names its one student; circles and courses get members afterwards (or here, at once). */
export const createGroupInput = z
  .object({
    academyId,
    kind,
    name,
    teacherId: idInput,
    studentId: idInput.optional(),
    studentIds: z.array(idInput).max(500).optional(),
  })
  .strict()
  .refine((v) => (v.kind === 'lesson') === (v.studentId !== undefined), { message: 'A lesson needs studentId; circles and courses take studentIds', path: ['studentId'] })
  .refine((v) => v.kind !== 'lesson' || v.studentIds === undefined, { message: 'A lesson has one student: give studentId', path: ['studentIds'] })
  .refine((v) => v.studentIds === undefined || new Set(v.studentIds).size === v.studentIds.length, { message: 'studentIds must not repeat', path: ['studentIds'] });
export type CreateGroupInput = z.infer<typeof createGroupInput>;

export const updateGroupInput = z
  .object({ academyId, kind, groupId: idInput, name: name.optional(), teacherId: idInput.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.teacherId !== undefined, { message: 'Nothing to change', path: ['name'] });
export type UpdateGroupInput = z.infer<typeof updateGroupInput>;

export const setGroupArchivedInput = z.object({ academyId, kind, groupId: idInput, archived: z.boolean() }).strict();
export type SetGroupArchivedInput = z.infer<typeof setGroupArchivedInput>;

export const memberInput = z.object({ academyId, kind: z.enum(MEMBER_GROUP_KINDS), groupId: idInput, studentId: idInput }).strict();
export type MemberInput = z.infer<typeof memberInput>;
