/**
 * Notifications (issue 18): reminders, absence and lateness, cancelled or
 * moved classes, recordings ready, the admins' daily digest — as inbox rows
 * and mail (server/modules/mail), exactly once per event through the unique
 * notifications.key. The notify sweep (sweeps/notify.ts) produces the timed
 * ones; notifySessionChanged is called where a session is cancelled or moved.
 */
import 'server-only';
export { notifySessionChanged, type SessionChange } from './notify-session-changed';
export { queueDueReminders, type ProducerCounts } from './queue-reminders';
export { queueAttendanceNotices } from './queue-attendance-notices';
export { queueRecordingNotices } from './queue-recording-notices';
export { queueDailyDigests, digestDay } from './queue-digests';
export { NOTIFICATIONS_CHANNEL } from './deliver-notices';
export { listInbox, markRead, unreadCount, type InboxItem } from './inbox';
export { getPreferences, setPreferences, unsubscribe, type PreferencesView } from './preferences-store';
export { getCalendarFeedStatus, regenerateCalendarFeed, renderCalendarFeed } from './calendar-feed';
export { NOTIFICATION_KINDS, TOPICS, REMINDER_CHOICES, type NotificationKind, type Topic } from './kinds';
export { readUnsubscribeToken, unsubscribeToken } from './unsubscribe-token';
export { streamUnreadCount } from './stream-unread';
export { listInboxInput, markReadInput, setPreferencesInput, type SetPreferencesInput } from './schemas';
