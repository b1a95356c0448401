import 'server-only';
import {
  getCalendarFeedStatus,
  getPreferences,
  listInbox,
  listInboxInput,
  markRead,
  markReadInput,
  regenerateCalendarFeed,
  setPreferences,
  setPreferencesInput,
  streamUnreadCount,
} from '@/server/modules/notifications';
import { noInput } from '@/server/lib/schemas';
import { authedProcedure, router } from '../procedures';

/** The caller's own inbox, preferences and calendar feed (docs/rules.md#notifications). */
export const notificationsRouter = router({
  list: authedProcedure.input(listInboxInput).query(({ ctx, input }) => listInbox(ctx.deps.db, ctx.actor, input)),
  /** The bell: the unread count now, then on every change (SSE). */
  unread: authedProcedure.input(noInput).subscription(({ ctx, signal }) => streamUnreadCount(ctx.deps.db, ctx.actor, signal)),
  markRead: authedProcedure.input(markReadInput).mutation(({ ctx, input }) => markRead(ctx.deps.db, ctx.actor, { ids: input.ids, now: ctx.deps.clock.now() })),
  preferences: authedProcedure.input(noInput).query(({ ctx }) => getPreferences(ctx.deps.db, ctx.actor)),
  setPreferences: authedProcedure.input(setPreferencesInput).mutation(({ ctx, input }) => setPreferences(ctx.deps.db, ctx.actor, input)),
  calendarFeed: authedProcedure.input(noInput).query(({ ctx }) => getCalendarFeedStatus(ctx.deps.db, ctx.actor)),
  regenerateCalendarFeed: authedProcedure.input(noInput).mutation(({ ctx }) => regenerateCalendarFeed(ctx.deps.db, ctx.actor, ctx.deps.appUrl)),
});
