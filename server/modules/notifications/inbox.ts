/** The in-app inbox: a person's own notices (in-app ones), newest first; unread count; mark read. */
import 'server-only';
import { and, count, desc, eq, inArray, isNull, lt } from 'drizzle-orm';
import type { DbExecutor } from '@/server/db';
import { notifications } from '@/server/db/schema';
import type { Actor } from '@/server/lib/actor';
import { tellBells } from './deliver-notices';
import type { NotificationKind } from './kinds';
import type { NoticeParams } from './mail-template';
import { noticeLink } from './mail-template';

export interface InboxItem {
  id: number;
  kind: NotificationKind;
  params: NoticeParams;
  link: string;
  read: boolean;
  createdAt: Date;
}

const mine = (actor: Actor) => and(eq(notifications.userId, actor.id), eq(notifications.inApp, true));

export async function listInbox(db: DbExecutor, actor: Actor, input: { limit: number; before?: number }): Promise<{ items: InboxItem[]; nextBefore: number | null }> {
  const rows = await db
    .select()
    .from(notifications)
    .where(and(mine(actor), input.before ? lt(notifications.id, input.before) : undefined))
    .orderBy(desc(notifications.id))
    .limit(input.limit + 1);
  const items = rows.slice(0, input.limit).map((r) => {
    const params = r.params as NoticeParams;
    const kind = r.kind as NotificationKind;
    return { id: r.id, kind, params, link: noticeLink(kind, params), read: r.readAt !== null, createdAt: r.createdAt };
  });
  return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
}

export async function unreadCount(db: DbExecutor, actor: Actor): Promise<number> {
  const [row] = await db.select({ n: count() }).from(notifications).where(and(mine(actor), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks the given notices (or all, without ids) read; another person's ids are simply not theirs to mark. */
export async function markRead(db: DbExecutor, actor: Actor, input: { ids?: number[]; now: Date }): Promise<{ marked: number }> {
  const rows = await db
    .update(notifications)
    .set({ readAt: input.now })
    .where(and(mine(actor), isNull(notifications.readAt), input.ids ? inArray(notifications.id, input.ids) : undefined))
    .returning({ id: notifications.id });
  if (rows.length > 0) await tellBells(db, [actor.id]);
  return { marked: rows.length };
}
