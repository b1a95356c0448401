/**
 * Caps how much long-running work one user holds open at once (room event
 * streams, CSV exports), across every instance: each holder is a row in
 * user_leases with an expiry it renews while it runs, so a crashed
 * instance's holds lapse by themselves. Taking a lease counts the user's
 * live ones under a per-(user, kind) advisory lock, so concurrent takers
 * cannot both squeeze past the cap.
 */
import { and, count, eq, gt, lte, sql } from 'drizzle-orm';
import type { Db } from '@/server/db';
import { userLeases } from '@/server/db/schema';
import { DomainError } from '@/server/lib/domain-error';

export interface LeaseRule {
  kind: string;
  /** Held at once per user. */
  limit: number;
  /** A holder that stops renewing is gone after this long. */
  ttlSeconds: number;
}

export interface Lease {
  id: string;
  /** Pushes the expiry on; cheap enough to call on every step of the work. */
  renew(now: Date): Promise<void>;
  release(): Promise<void>;
}

export async function acquireLease(db: Db, userId: number, rule: LeaseRule, now: Date): Promise<Lease> {
  const expiresAt = (at: Date) => new Date(at.getTime() + rule.ttlSeconds * 1000);
  const id = await db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`lease:${rule.kind}`}), ${userId})`);
    await tx.delete(userLeases).where(and(eq(userLeases.userId, userId), eq(userLeases.kind, rule.kind), lte(userLeases.expiresAt, now)));
    const [held] = await tx
      .select({ n: count() })
      .from(userLeases)
      .where(and(eq(userLeases.userId, userId), eq(userLeases.kind, rule.kind), gt(userLeases.expiresAt, now)));
    if ((held?.n ?? 0) >= rule.limit) {
      throw new DomainError('TOO_MANY_REQUESTS', `You already have ${rule.limit} of these open; close one and try again`, { retryAfterSeconds: 30 });
    }
    const [row] = await tx.insert(userLeases).values({ userId, kind: rule.kind, expiresAt: expiresAt(now) }).returning({ id: userLeases.id });
    return row!.id;
  });
  let released = false;
  let lastRenewal = now.getTime();
  return {
    id,
    async renew(at) {
      // Renewing every few seconds would be a write per event; a tenth of the TTL is plenty.
      if (released || at.getTime() - lastRenewal < (rule.ttlSeconds * 1000) / 10) return;
      lastRenewal = at.getTime();
      await db.update(userLeases).set({ expiresAt: expiresAt(at) }).where(eq(userLeases.id, id));
    },
    async release() {
      if (released) return;
      released = true;
      await db.delete(userLeases).where(eq(userLeases.id, id));
    },
  };
}
