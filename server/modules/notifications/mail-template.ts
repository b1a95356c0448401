/**
 * Every notification's mail: the same catalogue texts as the inbox
 * (notifications.kind.<kind>.title/body), times in the recipient's zone, a
 * link to the room (reminders) or the session, and the unsubscribe link.
 */
import 'server-only';
import { defineMailTemplate, type MailContext } from '@/server/modules/mail';
import type { NotificationKind } from './kinds';

/** What a notice's text is made of; stored on the row for the inbox. Times are ISO strings. */
export interface NoticeParams {
  title?: string;
  teacher?: string;
  student?: string;
  startsAt?: string;
  previousStartsAt?: string;
  reason?: string;
  sessionId?: number;
  date?: string;
  sessions?: number;
  attendanceRate?: number;
  noShows?: number;
  failedSweeps?: number;
  webhookProblems?: number;
}

/** The ICU values of a notice's texts, times written for the reader. */
export function noticeValues(params: NoticeParams, dateTime: (at: Date) => string): Record<string, string | number> {
  return {
    title: params.title ?? '',
    teacher: params.teacher ?? '',
    student: params.student ?? '',
    reason: params.reason ?? '—',
    time: params.startsAt ? dateTime(new Date(params.startsAt)) : '',
    previous: params.previousStartsAt ? dateTime(new Date(params.previousStartsAt)) : '',
    date: params.date ?? '',
    sessions: params.sessions ?? 0,
    rate: params.attendanceRate ?? 0,
    noShows: params.noShows ?? 0,
    failedSweeps: params.failedSweeps ?? 0,
    webhookProblems: params.webhookProblems ?? 0,
  };
}

export function noticeLink(kind: NotificationKind, params: NoticeParams): string {
  if (kind === 'digest') return '/admin';
  if (kind === 'reminder' && params.sessionId) return `/room/${params.sessionId}`;
  return params.sessionId ? `/sessions/${params.sessionId}` : '/notifications';
}

export const notificationMail = defineMailTemplate<{ kind: NotificationKind; params: NoticeParams }>('notifications.notice', (m: MailContext, { kind, params }) => {
  const values = noticeValues(params, m.dateTime);
  return {
    subject: m.t(`notifications.kind.${kind}.title`, values),
    heading: m.t(`notifications.kind.${kind}.title`, values),
    paragraphs: [m.t(`notifications.kind.${kind}.body`, values)],
    action: { label: m.t(kind === 'reminder' ? 'notifications.mail.openRoom' : kind === 'digest' ? 'notifications.mail.openDashboard' : 'notifications.mail.openSession'), url: m.url(noticeLink(kind, params)) },
    footnote: m.t('notifications.mail.why'),
  };
});
