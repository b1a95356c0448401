import 'server-only';
import { z } from 'zod';

/** null clears the choice: the academy's default language applies again. */
export const setLocaleInput = z.object({ locale: z.enum(['ar', 'en']).nullable() }).strict();
export type SetLocaleInput = z.infer<typeof setLocaleInput>;

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
