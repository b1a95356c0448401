import 'server-only';
import { z } from 'zod';
import { REMINDER_CHOICES, TOPICS } from './kinds';

export const listInboxInput = z.object({ limit: z.number().int().min(1).max(100).default(30), before: z.number().int().min(1).max(2_147_483_647).optional() }).strict().default({ limit: 30 });
export const markReadInput = z.object({ ids: z.array(z.number().int().min(1).max(2_147_483_647)).min(1).max(200).optional() }).strict();
export const setPreferencesInput = z
  .object({
    reminderMinutes: z.union([z.literal(REMINDER_CHOICES[0]), z.literal(REMINDER_CHOICES[1]), z.literal(REMINDER_CHOICES[2]), z.literal(REMINDER_CHOICES[3])]).nullable(),
    topics: z.array(z.object({ topic: z.enum(TOPICS), email: z.boolean(), inApp: z.boolean() }).strict()).max(TOPICS.length),
  })
  .strict();
export type SetPreferencesInput = z.infer<typeof setPreferencesInput>;
