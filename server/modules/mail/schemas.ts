import 'server-only';
import { z } from 'zod';

/** mail_messages.status (schema-lists.test.ts keeps the CHECK equal). */
export const MAIL_STATUSES = ['queued', 'sent', 'skipped', 'refused'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

/** What a send job carries: the mail_messages row's id, nothing else (the row is the truth). */
export const sendMailPayload = z.object({ mailId: z.number().int().positive() });
