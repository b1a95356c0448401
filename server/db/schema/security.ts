import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Failed sign-ins per key ('account:<email>' or 'address:<ip>'), in Postgres
 * so every instance throttles the same attacker. A row is one window of
 * failures; `lockedUntil` is set once the window's budget is spent.
 */
export const signInFailures = pgTable('sign_in_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Long-running work a user holds open (room event streams, CSV exports),
 * counted per user to cap concurrency across instances. A holder renews its
 * lease while it runs; a crashed instance's leases expire by themselves.
 */
export const userLeases = pgTable(
  'user_leases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: integer('user_id').notNull(),
    kind: text('kind').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('user_leases_user_kind_idx').on(t.userId, t.kind)],
);
