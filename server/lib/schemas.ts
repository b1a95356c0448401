/**
 * Validation primitives every module's schemas.ts builds on. Ids are
 * PostgreSQL `integer` columns: a positive 32-bit number, checked before
 * the database is asked, so an out-of-range id is BAD_REQUEST, never a 500.
 */
import 'server-only';
import { z } from 'zod';

export const MAX_INT4 = 2_147_483_647;

export const idInput = z.number().int().positive().max(MAX_INT4);

export const sessionIdInput = z.object({ sessionId: idInput }).strict();
export type SessionIdInput = z.infer<typeof sessionIdInput>;

/** Nothing to say: an empty object or no input at all. */
export const noInput = z.object({}).strict().optional();
