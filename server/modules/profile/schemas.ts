import 'server-only';
import { z } from 'zod';
import { isIanaTimeZone } from '@/shared/time-zone';

/** null clears the choice: the academy's default language applies again. */
export const setLocaleInput = z.object({ locale: z.enum(['ar', 'en']).nullable() }).strict();
export type SetLocaleInput = z.infer<typeof setLocaleInput>;

/** An IANA name ('Europe/London'), or null for the academy's timezone. */
export const setTimezoneInput = z
  .object({ timezone: z.string().max(64).refine(isIanaTimeZone, 'expected an IANA timezone name, e.g. Europe/London').nullable() })
  .strict();
export type SetTimezoneInput = z.infer<typeof setTimezoneInput>;

export const childrenAttendanceInput = z
  .object({
    /** how far back the history goes */
    days: z.number().int().min(1).max(366).optional(),
    /** sessions per child */
    limit: z.number().int().min(1).max(200).optional(),
  })
  .strict()
  .optional();
export type ChildrenAttendanceInput = z.infer<typeof childrenAttendanceInput>;
