import 'server-only';

/** notifications.kind (schema-lists.test.ts keeps the CHECK equal). */
export const NOTIFICATION_KINDS = ['reminder', 'absent', 'late', 'teacher-absent', 'cancelled', 'rescheduled', 'recording-ready', 'digest'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a person turns on and off: kinds grouped as they think of them. */
export const TOPICS = ['reminder', 'attendance', 'changes', 'recording', 'digest'] as const;
export type Topic = (typeof TOPICS)[number];

export const CHANNELS = ['email', 'inApp'] as const;
export type Channel = (typeof CHANNELS)[number];

export const TOPIC_OF: Record<NotificationKind, Topic> = {
  reminder: 'reminder',
  absent: 'attendance',
  late: 'attendance',
  'teacher-absent': 'attendance',
  cancelled: 'changes',
  rescheduled: 'changes',
  'recording-ready': 'recording',
  digest: 'digest',
};

export const REMINDER_MINUTES = [10, 30, 60] as const;
/** A person's reminder choice: off or a lead time (null: the academy's default). */
export const REMINDER_CHOICES = [0, 10, 30, 60] as const;
export const DEFAULT_ACADEMY_REMINDER_MINUTES = 30;
/** The longest lead time: how far ahead the reminder sweep looks. */
export const MAX_REMINDER_MINUTES = 60;
