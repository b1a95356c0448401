import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { locale } from './enums';
import { sessions } from './sessions';
import { users } from './users';

/**
 * Every mail Halaqa sends, rendered when it is enqueued (server/modules/mail).
 * The row is the durable record; a graphile-worker job carrying its id sends
 * it. The sender locks the row and sends only while it is `queued`, so a job
 * run twice (two workers, a retry) never delivers it twice.
 */
export const mailMessages = pgTable(
  'mail_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    academyId: integer('academy_id').references(() => academies.id, { onDelete: 'cascade' }),
    /** The recipient, when a user (null for an address typed by an admin before the account exists). */
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    locale: locale('locale').notNull(),
    /** The template's name (mail/template.ts), for the queue's reports. */
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    /** Sent as List-Unsubscribe (and shown in the footer) when the mail is a notification one may turn off. */
    unsubscribeUrl: text('unsubscribe_url'),
    /** Enqueueing the same key again is a no-op: one mail per (kind, subject, recipient) when callers say so. */
    dedupeKey: text('dedupe_key').unique(),
    /** queued → sent | skipped (stale or expired at send time) | refused (the server said the address is permanently bad) */
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Not sent after this instant (a reminder is useless once its class has started). */
    notAfter: timestamp('not_after', { withTimezone: true }),
    /** Sent only while this session is still open and still starts at `sessionStartsAt`: no stale reminder. */
    sessionId: integer('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    sessionStartsAt: timestamp('session_starts_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('mail_messages_academy_created_idx').on(t.academyId, t.createdAt),
    index('mail_messages_user_idx').on(t.userId),
    index('mail_messages_queued_idx').on(t.createdAt).where(sql`status = 'queued'`),
    // mail/schemas.ts: MAIL_STATUSES (schema-lists.test.ts keeps them equal).
    check('mail_messages_status', sql`${t.status} IN ('queued', 'sent', 'skipped', 'refused')`),
    check('mail_messages_session_guard', sql`(${t.sessionId} IS NULL) = (${t.sessionStartsAt} IS NULL)`),
    check('mail_messages_to_lower_case', sql`${t.toAddress} = lower(${t.toAddress})`),
  ],
);

/**
 * Addresses an SMTP server refused permanently (5xx): never tried again until
 * the address changes, and shown to the academy's admins.
 */
export const mailRefusedAddresses = pgTable('mail_refused_addresses', {
  address: text('address').primaryKey(),
  reason: text('reason').notNull(),
  refusedAt: timestamp('refused_at', { withTimezone: true }).notNull().defaultNow(),
});
