/**
 * The bell's live count: the unread count now, then again whenever a notice
 * for this person is committed (NOTIFY on halaqa_notifications, from any
 * instance) or re-listened after a dropped connection. Ends with the signal.
 */
import 'server-only';
import type { Db } from '@/server/db';
import { rawSqlOf } from '@/server/db/client';
import type { Actor } from '@/server/lib/actor';
import { NOTIFICATIONS_CHANNEL } from './deliver-notices';
import { unreadCount } from './inbox';

export async function* streamUnreadCount(db: Db, actor: Actor, signal: AbortSignal | undefined): AsyncGenerator<number> {
  let wake: (() => void) | null = null;
  let pending = true;
  const poke = () => {
    pending = true;
    wake?.();
  };
  const { unlisten } = await rawSqlOf(db).listen(
    NOTIFICATIONS_CHANNEL,
    (payload) => {
      try {
        if ((JSON.parse(payload) as number[]).includes(actor.id)) poke();
      } catch {
        // not ours
      }
    },
    poke,
  );
  signal?.addEventListener('abort', poke);
  try {
    while (!signal?.aborted) {
      if (!pending) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      if (signal?.aborted) break;
      pending = false;
      yield await unreadCount(db, actor);
    }
  } finally {
    signal?.removeEventListener('abort', poke);
    await unlisten().catch(() => {});
  }
}
