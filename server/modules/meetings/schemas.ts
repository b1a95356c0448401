import 'server-only';
import { z } from 'zod';
import { sessionIdInput } from '@/server/lib/schemas';

export { sessionIdInput, type SessionIdInput } from '@/server/lib/schemas';

export const createMeetingInput = sessionIdInput
  .extend({
    maxParticipants: z.number().int().min(1).max(500).optional(),
    recordingEnabled: z.boolean().optional(),
    maxDurationMinutes: z.number().int().min(1).max(1440).optional(),
  })
  .strict();
export type CreateMeetingInput = z.infer<typeof createMeetingInput>;

export const tokenInput = sessionIdInput.extend({ hidden: z.boolean().optional() }).strict();
export type TokenInput = z.infer<typeof tokenInput>;

export const extendInput = sessionIdInput.extend({ minutes: z.union([z.literal(5), z.literal(15)]) }).strict();
export type ExtendInput = z.infer<typeof extendInput>;

export const leaveInput = sessionIdInput
  .extend({ participantSid: z.string().regex(/^PA_[A-Za-z0-9]{1,40}$/, 'not a LiveKit participant sid') })
  .strict();
export type LeaveInput = z.infer<typeof leaveInput>;
