/** The academies procedures' inputs. `academyId` is read by the procedure ladder (resolveAcademy); the rest by the use cases. */
import 'server-only';
import { z } from 'zod';
import { attendanceStatus, attendeeType, sessionKind, sessionStatus } from '@/server/db/schema/enums';
import { idInput } from '@/server/lib/schemas';
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
