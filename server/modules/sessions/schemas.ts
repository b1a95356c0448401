import 'server-only';
import { z } from 'zod';

import { idInput } from '@/server/lib/schemas';

export { sessionIdInput, type SessionIdInput } from '@/server/lib/schemas';

export const listMineInput = z.object({ range: z.enum(['today', 'upcoming', 'past']), limit: z.number().int().min(1).max(200).optional() }).strict();
export type ListMineInput = z.infer<typeof listMineInput>;

/** At most six weeks between two instants (a month view's span). */
export const MAX_CALENDAR_DAYS = 42;
export const calendarInput = z
  .object({ academyId: idInput.optional(), from: z.date(), to: z.date() })
  .strict()
  .refine((v) => v.to.getTime() > v.from.getTime(), { message: 'to must be after from', path: ['to'] })
  .refine((v) => v.to.getTime() - v.from.getTime() <= MAX_CALENDAR_DAYS * 86_400_000, { message: `At most ${MAX_CALENDAR_DAYS} days`, path: ['to'] });
export type CalendarInput = z.infer<typeof calendarInput>;
