/** The attendance procedures' and the CSV export's inputs. */
import 'server-only';
import { z } from 'zod';
import { attendanceStatus, attendeeType, sessionKind } from '@/server/db/schema/enums';
import { idInput, MAX_INT4, sessionIdInput } from '@/server/lib/schemas';
import { checkDateRange, localDate } from './date-range';

export const sessionStatsInput = sessionIdInput;
export type SessionStatsInput = z.infer<typeof sessionStatsInput>;

export const academyStatsInput = z
  .object({
    from: localDate,
    to: localDate,
    teacherId: idInput.optional(),
    studentId: idInput.optional(),
    kind: z.enum(sessionKind.enumValues).optional(),
    /** Required for the super admin; others may only name their own academy. */
    academyId: idInput.optional(),
    /** Bucket of the trend series; weeks start on Monday (ISO). */
    granularity: z.enum(['day', 'week', 'month']).optional(),
  })
  .strict()
  .superRefine(checkDateRange);
export type AcademyStatsInput = z.infer<typeof academyStatsInput>;

export const overrideStatusInput = z
  .object({
    sessionId: idInput,
    userId: idInput,
    status: z.enum(attendanceStatus.enumValues),
    reason: z.string().trim().min(1, 'a reason is required').max(500),
  })
  .strict();
export type OverrideStatusInput = z.infer<typeof overrideStatusInput>;

export const listRecordsInput = z
  .object({
    sessionId: idInput,
    userType: z.enum(attendeeType.enumValues).optional(),
    /** the effective status */
    status: z.enum(attendanceStatus.enumValues).optional(),
    inRoom: z.boolean().optional(),
  })
  .strict();
export type ListRecordsInput = z.infer<typeof listRecordsInput>;

/** Query-string ids: digits only, so '1e3', ' 7' and '0x10' are refused rather than coerced. */
const idParam = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'expected a positive integer')
  .transform(Number)
  .pipe(z.number().max(MAX_INT4));

/** The CSV's header line: column names in the exporter's language (default), or the stable keys for programs. */
const csvHeader = z.enum(['names', 'keys']).optional();
export const exportAttendanceInput = z.union([
  z.object({ sessionId: idParam, header: csvHeader }).strict(),
  z
    .object({
      from: localDate,
      to: localDate,
      teacherId: idParam.optional(),
      studentId: idParam.optional(),
      kind: z.enum(sessionKind.enumValues).optional(),
      /** Required for the super admin. */
      academyId: idParam.optional(),
      header: csvHeader,
    })
    .strict()
    .superRefine(checkDateRange),
]);
export type ExportAttendanceInput = z.infer<typeof exportAttendanceInput>;
