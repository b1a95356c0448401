import 'server-only';
import { z } from 'zod';
import { idInput, sessionIdInput } from '@/server/lib/schemas';
import { mushafProblem } from '@/shared/classroom/mushaf';

export { sessionIdInput };

/** Identities are `{userId}_{slug}` (meetings/identity.ts). */
export const identityInput = sessionIdInput
  .extend({ identity: z.string().max(60).regex(/^[1-9]\d{0,14}_[a-z0-9-]{1,40}$/, 'not a participant identity') })
  .strict();
export type IdentityInput = z.infer<typeof identityInput>;

const userId = idInput;

export const userIdInput = sessionIdInput.extend({ userId }).strict();
export type UserIdInput = z.infer<typeof userIdInput>;

export const lowerHandInput = sessionIdInput.extend({ userId: userId.optional() }).strict();
export type LowerHandInput = z.infer<typeof lowerHandInput>;

export const publishingInput = sessionIdInput.extend({ allowed: z.boolean() }).strict();
export type PublishingInput = z.infer<typeof publishingInput>;

export const announcementInput = sessionIdInput
  .extend({ text: z.string().trim().min(1, 'write the announcement').max(500) })
  .strict();
export type AnnouncementInput = z.infer<typeof announcementInput>;

export const ackInput = sessionIdInput.extend({ commandId: z.uuid() }).strict();
export type AckInput = z.infer<typeof ackInput>;

/** tRPC's SSE link adds lastEventId itself when it reconnects. */
export const eventsInput = sessionIdInput.extend({ lastEventId: z.string().min(1).max(120).nullish() }).strict();
export type EventsInput = z.infer<typeof eventsInput>;

/** The Mushaf view's bounds come from the surah metadata (shared/classroom/mushaf.ts). */
export const mushafInput = sessionIdInput
  .extend({
    surah: z.number().int().min(1).max(114),
    fromAyah: z.number().int().min(1).max(286),
    toAyah: z.number().int().min(1).max(286),
    highlight: z.number().int().min(1).max(286).nullable(),
  })
  .strict()
  .superRefine((v, ctx) => {
    const problem = mushafProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['toAyah'] });
  });
export type MushafInput = z.infer<typeof mushafInput>;
