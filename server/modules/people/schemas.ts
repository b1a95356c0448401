import 'server-only';
import { z } from 'zod';
import { idInput } from '@/server/lib/schemas';
import { ACADEMY_ROLES, PERSON_ROLES } from '@/shared/people/roles';

const name = z.string().trim().min(1).max(200);
export const emailInput = z.string().trim().max(320).email().toLowerCase();
const role = z.enum(PERSON_ROLES);
const locale = z.enum(['ar', 'en']);
/** Read by the procedure ladder (resolveAcademy): the super admin names the academy, everyone else may only name their own. */
const academyId = idInput.optional();

export const listPeopleInput = z
  .object({
    academyId,
    role: z.enum(ACADEMY_ROLES).optional(),
    /** Part of a name or an email. */
    search: z.string().trim().max(200).optional(),
    /** mail_refused: people whose address an SMTP server refused for good (nothing more is sent to it). */
    status: z.enum(['active', 'inactive', 'invited', 'mail_refused']).optional(),
    page: z.number().int().min(1).max(10_000).optional(),
    pageSize: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type ListPeopleInput = z.infer<typeof listPeopleInput>;

export const personIdInput = z.object({ academyId, userId: idInput }).strict();
export type PersonIdInput = z.infer<typeof personIdInput>;

export const createPersonInput = z.object({ academyId, name, email: emailInput, role, locale: locale.optional() }).strict();
export type CreatePersonInput = z.infer<typeof createPersonInput>;

export const updatePersonInput = z
  .object({ academyId, userId: idInput, name: name.optional(), email: emailInput.optional(), role: role.optional() })
  .strict()
  .refine((v) => v.name !== undefined || v.email !== undefined || v.role !== undefined, { message: 'Nothing to change' });
export type UpdatePersonInput = z.infer<typeof updatePersonInput>;

export const setPersonActiveInput = z.object({ academyId, userId: idInput, active: z.boolean() }).strict();
export type SetPersonActiveInput = z.infer<typeof setPersonActiveInput>;

export const parentLinkInput = z.object({ academyId, parentId: idInput, childId: idInput }).strict();
export type ParentLinkInput = z.infer<typeof parentLinkInput>;

export const inviteAcademyAdminInput = z.object({ academyId: idInput, name, email: emailInput, locale: locale.optional() }).strict();
export type InviteAcademyAdminInput = z.infer<typeof inviteAcademyAdminInput>;

/** A roster file as text: up to 2 MB (about 20,000 rows). */
export const MAX_ROSTER_CHARS = 2_000_000;
export const importPreviewInput = z.object({ academyId, csv: z.string().min(1).max(MAX_ROSTER_CHARS) }).strict();
export type ImportPreviewInput = z.infer<typeof importPreviewInput>;

export const importApplyInput = z.object({ academyId, importId: z.uuid() }).strict();
export type ImportApplyInput = z.infer<typeof importApplyInput>;
