/** The academies procedures' inputs. `academyId` is read by the procedure ladder (resolveAcademy); the rest by the use cases. */
import 'server-only';
import { z } from 'zod';
import { attendanceStatus, attendeeType, sessionKind, sessionStatus } from '@/server/db/schema/enums';
import { idInput } from '@/server/lib/schemas';
import { isIanaTimeZone } from '@/shared/time-zone';
import { checkReportRange, reportDate } from './report-range';

export const directoryInput = z
  .object({ academyId: idInput.optional() })
  .strict()
  .optional();
export type DirectoryInput = z.infer<typeof directoryInput>;


export const academySessionsInput = z
  .object({
    academyId: idInput.optional(),
    from: reportDate,
    to: reportDate,
    teacherId: idInput.optional(),
    kind: z.enum(sessionKind.enumValues).optional(),
    status: z.enum(sessionStatus.enumValues).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .superRefine(checkReportRange);
export type AcademySessionsInput = z.infer<typeof academySessionsInput>;


export const academyAttendanceInput = z
  .object({
    academyId: idInput.optional(),
    from: reportDate,
    to: reportDate,
    teacherId: idInput.optional(),
    kind: z.enum(sessionKind.enumValues).optional(),
    /** the effective status: an override wins over the computed one */
    status: z.enum(attendanceStatus.enumValues).optional(),
    userType: z.enum(attendeeType.enumValues).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict()
  .superRefine(checkReportRange);
export type AcademyAttendanceInput = z.infer<typeof academyAttendanceInput>;

export const liveMeetingsInput = z
  .object({ academyId: idInput.optional() })
  .strict()
  .optional();
export type LiveMeetingsInput = z.infer<typeof liveMeetingsInput>;

const academyName = z.string().trim().min(1).max(200);
/** A valid IANA name (shared/time-zone.ts): sessions are planned in it, DST included. */
const timezone = z.string().max(64).refine(isIanaTimeZone, { message: 'Not an IANA time zone name (e.g. Asia/Riyadh)' });

export const createAcademyInput = z
  .object({
    /** Lower-case letters, digits and single hyphens: it names LiveKit rooms and URLs. */
    slug: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters, digits and hyphens').min(3).max(50),
    nameAr: academyName,
    nameEn: academyName,
    timezone,
    defaultLocale: z.enum(['ar', 'en']),
  })
  .strict();
export type CreateAcademyInput = z.infer<typeof createAcademyInput>;

export const updateAcademyInput = z
  .object({ academyId: idInput, nameAr: academyName.optional(), nameEn: academyName.optional(), timezone: timezone.optional(), defaultLocale: z.enum(['ar', 'en']).optional() })
  .strict()
  .refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change' });
export type UpdateAcademyInput = z.infer<typeof updateAcademyInput>;

export const setAcademyActiveInput = z.object({ academyId: idInput, active: z.boolean() }).strict();
export type SetAcademyActiveInput = z.infer<typeof setAcademyActiveInput>;
