import 'server-only';
import { z } from 'zod';

export { sessionIdInput, type SessionIdInput } from '@/server/lib/schemas';

export const listMineInput = z.object({ range: z.enum(['today', 'upcoming', 'past']), limit: z.number().int().min(1).max(200).optional() }).strict();
export type ListMineInput = z.infer<typeof listMineInput>;
