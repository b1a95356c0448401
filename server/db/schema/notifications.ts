import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { academies } from './academies';
import { sessions } from './sessions';
import { users } from './users';

/**
 * One row per notice a person is given (docs/rules.md#notifications). `key`
 * names the event once — kind, session, recipient (and the status or time it
 * is about) — and is unique, so two sweeps, two instances, a retried job or a
 * repeated webhook cannot notify twice: the second insert does nothing, and
 * only a row actually inserted is mailed. The row is also the inbox entry.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: serial('id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    userId: integer('user_id').notNull(),
    /** notifications/kinds.ts: NOTIFICATION_KINDS (schema-lists.test.ts keeps the CHECK equal). */
    kind: text('kind').notNull(),
    sessionId: integer('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
    key: text('key').notNull().unique(),
    /** What the text needs (title, times, names, reason), rendered in the reader's language when shown. */
    params: jsonb('params').notNull().default({}),
    /** Shown in the in-app inbox (the person's preference when it was made). */
    inApp: boolean('in_app').notNull().default(true),
    /** A mail was queued for it. */
    emailed: boolean('emailed').notNull().default(false),
    readAt: timestamp('read_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_created_idx').on(t.userId, t.createdAt),
    index('notifications_unread_idx').on(t.userId).where(sql`read_at IS NULL AND in_app`),
    index('notifications_session_idx').on(t.sessionId),
    foreignKey({ name: 'notifications_user_fk', columns: [t.academyId, t.userId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
    check(
      'notifications_kind',
      sql`${t.kind} IN ('reminder', 'absent', 'late', 'teacher-absent', 'cancelled', 'rescheduled', 'recording-ready', 'digest')`,
    ),
  ],
);

/** A person's choices; no row means the defaults (notifications/preferences.ts). */
export const notificationPreferences = pgTable(
  'notification_preferences',
  {
    userId: integer('user_id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    /** Minutes before a class; 0 = no reminders; null = the academy's default. */
    reminderMinutes: smallint('reminder_minutes'),
    /** "<topic>.<channel>" → on/off, only where the person chose differently from the default. */
    choices: jsonb('choices').$type<Record<string, boolean>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'notification_preferences_user_fk', columns: [t.academyId, t.userId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade'),
    check('notification_preferences_reminder', sql`${t.reminderMinutes} IN (0, 10, 30, 60)`),
  ],
);

/** The academy's default reminder lead time (30 minutes without a row). */
export const academyNotificationSettings = pgTable(
  'academy_notification_settings',
  {
    academyId: integer('academy_id')
      .primaryKey()
      .references(() => academies.id, { onDelete: 'cascade' }),
    reminderMinutes: smallint('reminder_minutes').notNull().default(30),
  },
  (t) => [check('academy_notification_settings_reminder', sql`${t.reminderMinutes} IN (10, 30, 60)`)],
);

/** A person's secret calendar-feed URL: only the token's SHA-256 is kept; regenerating replaces it. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    userId: integer('user_id').primaryKey(),
    academyId: integer('academy_id')
      .notNull()
      .references(() => academies.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull().unique(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [foreignKey({ name: 'calendar_feeds_user_fk', columns: [t.academyId, t.userId], foreignColumns: [users.academyId, users.id] }).onDelete('cascade')],
);
