/** The queue at a glance, for the CLI, the cron route's answer and admins. */
import 'server-only';
import { desc, eq, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { mailMessages, mailRefusedAddresses, users } from '@/server/db/schema';
import { MAIL_STATUSES, type MailStatus } from './schemas';

export async function mailQueueSummary(db: DbExecutor, options: { academyId?: number } = {}): Promise<Record<MailStatus, number> & { oldestQueuedAt: Date | null }> {
  const rows = await db
    .select({ status: mailMessages.status, count: sql<number>`count(*)::int`, oldest: sql<Date | null>`min(${mailMessages.createdAt})` })
    .from(mailMessages)
    .where(options.academyId === undefined ? undefined : eq(mailMessages.academyId, options.academyId))
    .groupBy(mailMessages.status);
  const counts = Object.fromEntries(MAIL_STATUSES.map((s) => [s, 0])) as Record<MailStatus, number>;
  for (const row of rows) counts[row.status as MailStatus] = row.count;
  const oldest = rows.find((r) => r.status === 'queued')?.oldest;
  return { ...counts, oldestQueuedAt: oldest ? new Date(oldest) : null };
}

/** The academy's people whose address an SMTP server refused for good: shown to its admins. */
export async function listRefusedAddresses(db: DbExecutor, academyId: number): Promise<{ userId: number; name: string; email: string; reason: string; refusedAt: Date }[]> {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, reason: mailRefusedAddresses.reason, refusedAt: mailRefusedAddresses.refusedAt })
    .from(mailRefusedAddresses)
    .innerJoin(users, eq(users.email, mailRefusedAddresses.address))
    .where(eq(users.academyId, academyId))
    .orderBy(desc(mailRefusedAddresses.refusedAt))
    .limit(200);
}
