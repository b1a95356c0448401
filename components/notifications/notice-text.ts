import type { TextKey } from '@/components/i18n/use-text';

/** A notice's stored parameters (times as ISO strings), as the server keeps them. */
export interface NoticeParams {
  title?: string;
  teacher?: string;
  student?: string;
  startsAt?: string;
  previousStartsAt?: string;
  reason?: string;
  date?: string;
  sessions?: number;
  attendanceRate?: number;
  noShows?: number;
  failedSweeps?: number;
  webhookProblems?: number;
}

/** The same ICU values the mail uses, times in the viewer's zone. */
export function noticeValues(params: NoticeParams, formatDateTime: (d: string) => string) {
  return {
    title: params.title ?? '',
    teacher: params.teacher ?? '',
    student: params.student ?? '',
    reason: params.reason ?? '—',
    time: params.startsAt ? formatDateTime(params.startsAt) : '',
    previous: params.previousStartsAt ? formatDateTime(params.previousStartsAt) : '',
    date: params.date ?? '',
    sessions: params.sessions ?? 0,
    rate: params.attendanceRate ?? 0,
    noShows: params.noShows ?? 0,
    failedSweeps: params.failedSweeps ?? 0,
    webhookProblems: params.webhookProblems ?? 0,
  };
}

export const titleKey = (kind: string) => `notifications.kind.${kind}.title` as TextKey;
export const bodyKey = (kind: string) => `notifications.kind.${kind}.body` as TextKey;
