/**
 * Turns planned notices into inbox rows and mail, exactly once: rows are
 * inserted with ON CONFLICT (key) DO NOTHING and only the rows inserted now
 * are mailed (the mail's dedupe key is the notice's), in the caller's
 * transaction. Listeners hear the new rows through NOTIFY on commit.
 */
import 'server-only';
import { inArray, sql } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { notifications } from '@/server/db/schema';
import type { Deps } from '@/server/deps';
import { enqueueMails, type MailInput } from '@/server/modules/mail';
import { TOPIC_OF } from './kinds';
import { notificationMail, type NoticeParams } from './mail-template';
import type { Contact } from './audience';
import type { Notice } from './recipients';
import { unsubscribeToken } from './unsubscribe-token';

export const NOTIFICATIONS_CHANNEL = 'halaqa_notifications';
const CHUNK = 1_000;

export interface PlannedNotice {
  notice: Notice;
  contact: Contact;
  academyId: number;
  sessionId: number | null;
  params: NoticeParams;
  /** Mail about a session that must not go once it is cancelled, moved or started (reminders). */
  guardSession?: { id: number; startsAt: Date };
}

export interface DeliveryCounts {
  created: number;
  emailed: number;
}

/** Which of these keys are already taken (a dry run's answer to "would this be new?"). */
export async function takenKeys(db: DbExecutor, keys: string[]): Promise<Set<string>> {
  const taken = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db.select({ key: notifications.key }).from(notifications).where(inArray(notifications.key, keys.slice(i, i + CHUNK)));
    for (const r of rows) taken.add(r.key);
  }
  return taken;
}

/** These people's bells (every tab, any instance) count again, when the transaction commits. */
export async function tellBells(db: DbExecutor, userIds: number[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += 500) {
    await db.execute(sql`SELECT pg_notify(${NOTIFICATIONS_CHANNEL}, ${JSON.stringify(userIds.slice(i, i + 500))})`);
  }
}

export async function deliverNotices(deps: Pick<Deps, 'appUrl' | 'signingSecret'>, tx: DbExecutor, planned: PlannedNotice[]): Promise<DeliveryCounts> {
  let created = 0;
  let emailed = 0;
  const notifiedUsers = new Set<number>();
  for (let i = 0; i < planned.length; i += CHUNK) {
    const batch = planned.slice(i, i + CHUNK);
    const inserted = await tx
      .insert(notifications)
      .values(
        batch.map((p) => ({
          academyId: p.academyId,
          userId: p.notice.userId,
          kind: p.notice.kind,
          sessionId: p.sessionId,
          key: p.notice.key,
          params: p.params,
          inApp: p.notice.inApp,
          emailed: p.notice.email,
        })),
      )
      .onConflictDoNothing({ target: notifications.key })
      .returning({ key: notifications.key });
    const fresh = new Set(inserted.map((r) => r.key));
    created += fresh.size;
    const mails: MailInput<Parameters<typeof notificationMail.build>[1]>[] = [];
    for (const p of batch) {
      if (!fresh.has(p.notice.key)) continue;
      if (p.notice.inApp) notifiedUsers.add(p.notice.userId);
      if (!p.notice.email) continue;
      mails.push({
        to: { address: p.contact.email, locale: p.contact.locale, timeZone: p.contact.timeZone, userId: p.contact.userId },
        academyId: p.academyId,
        template: notificationMail,
        params: { kind: p.notice.kind, params: p.params },
        dedupeKey: `notification:${p.notice.key}`,
        ...(p.guardSession ? { session: p.guardSession, notAfter: p.guardSession.startsAt } : {}),
        ...(deps.signingSecret
          ? { unsubscribeUrl: `${deps.appUrl}/unsubscribe/${unsubscribeToken(deps.signingSecret, p.contact.userId, TOPIC_OF[p.notice.kind])}` }
          : {}),
      });
    }
    emailed += (await enqueueMails(deps, tx, mails)).length;
  }
  await tellBells(tx, [...notifiedUsers]);
  return { created, emailed };
}
