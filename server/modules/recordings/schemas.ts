import 'server-only';
import { z } from 'zod';
import { idInput, sessionIdInput } from '@/server/lib/schemas';

export { sessionIdInput };

export const RECORDING_LAYOUTS = ['grid', 'speaker', 'single-speaker'] as const;

export const startRecordingInput = sessionIdInput.extend({ layout: z.enum(RECORDING_LAYOUTS).optional() }).strict();
export type StartRecordingInput = z.infer<typeof startRecordingInput>;

export const stopRecordingInput = sessionIdInput.extend({ recordingId: idInput.optional() }).strict();
export type StopRecordingInput = z.infer<typeof stopRecordingInput>;

export const listAcademyRecordingsInput = z
  .object({
    /** Only the super admin names an academy; everyone else gets their own. */
    academyId: idInput.optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .optional();
export type ListAcademyRecordingsInput = z.infer<typeof listAcademyRecordingsInput>;
