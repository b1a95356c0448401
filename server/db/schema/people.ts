import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { users } from './users';

export const ACCOUNT_TOKEN_PURPOSES = ['invitation', 'password_reset'] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * One-time links: an invitation to set one's first password, or a password
 * reset. Only the SHA-256 of the token is stored, so a copy of the database
 * opens no account; the link itself exists in the answer to the admin who
 * made it and in the mail. A token is good until `expiresAt`, once, and
 * never after `revokedAt` (a newer link of the same purpose revokes older ones).
 */
export const accountTokens = pgTable(
  'account_tokens',
  {
    id: serial('id').primaryKey(),
    tokenHash: text('token_hash').notNull().unique(),
    purpose: text('purpose', { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The user's academy; null for a super admin's reset. */
    academyId: integer('academy_id').references(() => academies.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('account_tokens_user_purpose_idx').on(t.userId, t.purpose),
    index('account_tokens_academy_idx').on(t.academyId),
    check('account_tokens_purpose', sql`${t.purpose} IN ('invitation', 'password_reset')`),
    check('account_tokens_expiry', sql`${t.expiresAt} > ${t.createdAt}`),
  ],
);

/**
 * A previewed roster import: the rows that will be applied, in the order
 * they will be (parents before the students who name them), and how far
 * applying has got. Applying runs in batches the admin's page asks for one
 * after another, so the state lives here, not in a process.
 */
export const peopleImports = pgTable(
  'people_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    createdBy: integer('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    rows: jsonb('rows').$type<unknown[]>().notNull(),
    total: integer('total').notNull(),
    applied: integer('applied').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    refused: integer('refused').notNull().default(0),
  },
  (t) => [index('people_imports_academy_idx').on(t.academyId), check('people_imports_progress', sql`0 <= ${t.applied} AND ${t.applied} <= ${t.total}`)],
);
