/**
 * Failed sign-ins are throttled per account (the email typed, whether or not
 * it exists, so a refusal tells nothing about the account) and per client
 * address, with the counters in Postgres (sign_in_failures) so every instance
 * sees the same attacker. Within a window of 15 minutes from the first
 * failure an account has 5 failures and an address 50; past that each further
 * failure doubles the wait (1, 2, 4 … minutes, at most an hour). A quiet
 * quarter of an hour after the window or the last wait starts afresh.
 *
 * Our own table rather than rate-limiter-flexible: its PostgreSQL store takes
 * a node-postgres/Knex/Sequelize client, and the app speaks postgres.js;
 * a second driver and pool for one upsert is more to run than this file.
 */
import { eq, inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { signInFailures } from '@/server/db/schema';

export interface ThrottleRule {
  failures: number;
  windowSeconds: number;
}

export const ACCOUNT_RULE: ThrottleRule = { failures: 5, windowSeconds: 15 * 60 };
export const ADDRESS_RULE: ThrottleRule = { failures: 50, windowSeconds: 15 * 60 };
const FIRST_WAIT_SECONDS = 60;
const LONGEST_WAIT_SECONDS = 60 * 60;

export interface SignInKeys {
  account: string;
  address: string | null;
}

export function signInKeys(email: string, address: string | null): SignInKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: address ? `address:${address}` : null };
}

/** Pure: how long the n-th failure makes a key wait (0 while within its budget). */
export function waitAfterFailure(failures: number, rule: ThrottleRule): number {
  if (failures < rule.failures) return 0;
  return Math.min(LONGEST_WAIT_SECONDS, FIRST_WAIT_SECONDS * 2 ** Math.min(failures - rule.failures, 20));
}

function keysOf(keys: SignInKeys): string[] {
  return keys.address ? [keys.account, keys.address] : [keys.account];
}

/** Seconds until the account or address may try again; 0 = go ahead. */
export async function signInWaitSeconds(db: DbExecutor, keys: SignInKeys, now: Date): Promise<number> {
  const rows = await db
    .select({ lockedUntil: signInFailures.lockedUntil })
    .from(signInFailures)
    .where(inArray(signInFailures.key, keysOf(keys)));
  const until = Math.max(0, ...rows.map((r) => r.lockedUntil?.getTime() ?? 0));
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

async function countFailure(db: DbExecutor, key: string, rule: ThrottleRule, now: Date): Promise<void> {
  const at = now.toISOString();
  const quiet = sql`(${at}::timestamptz >= coalesce(${signInFailures.lockedUntil}, ${signInFailures.windowStart}) + make_interval(secs => ${rule.windowSeconds}))`;
  const [row] = await db
    .insert(signInFailures)
    .values({ key, failures: 1, windowStart: now })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: sql`CASE WHEN ${quiet} THEN 1 ELSE ${signInFailures.failures} + 1 END`,
        windowStart: sql`CASE WHEN ${quiet} THEN ${at}::timestamptz ELSE ${signInFailures.windowStart} END`,
        lockedUntil: sql`CASE WHEN ${quiet} THEN NULL ELSE ${signInFailures.lockedUntil} END`,
      },
    })
    .returning({ failures: signInFailures.failures });
  const wait = waitAfterFailure(row!.failures, rule);
  if (wait > 0) {
    await db
      .update(signInFailures)
      .set({ lockedUntil: new Date(now.getTime() + wait * 1000) })
      .where(eq(signInFailures.key, key));
  }
}

export async function recordSignInFailure(db: DbExecutor, keys: SignInKeys, now: Date): Promise<void> {
  await countFailure(db, keys.account, ACCOUNT_RULE, now);
  if (keys.address) await countFailure(db, keys.address, ADDRESS_RULE, now);
}

/** A right password clears the account's failures; the address keeps its count. */
export async function clearAccountFailures(db: DbExecutor, keys: SignInKeys): Promise<void> {
  await db.delete(signInFailures).where(eq(signInFailures.key, keys.account));
}
