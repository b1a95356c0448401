import { z } from 'zod';
import { sessionIdInput } from '@/server/modules/meetings/schemas';

export const RECORDING_LAYOUTS = ['grid', 'speaker', 'single-speaker'] as const;

export const startRecordingInput = sessionIdInput.extend({ layout: z.enum(RECORDING_LAYOUTS).optional() }).strict();
export type StartRecordingInput = z.infer<typeof startRecordingInput>;

export const stopRecordingInput = sessionIdInput.extend({ recordingId: z.number().int().positive().max(2_147_483_647).optional() }).strict();
export type StopRecordingInput = z.infer<typeof stopRecordingInput>;

export const listAcademyRecordingsInput = z
  .object({
    /** Only the super admin names an academy; everyone else gets their own. */
    academyId: z.number().int().positive().max(2_147_483_647).optional(),
    limit: z.number().int().min(1).max(100).optional(),
  })
  .strict()
  .optional();
export type ListAcademyRecordingsInput = z.infer<typeof listAcademyRecordingsInput>;
