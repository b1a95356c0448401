/** The operator's test message (`npm run mail -- send-test ADDRESS`): proves SMTP_URL and MAIL_FROM work end to end. */
import 'server-only';
import { defineMailTemplate } from './template';

export const checkMail = defineMailTemplate<{ requestedAt: Date }>('mail.check', (m, p) => ({
  subject: m.t('mail.check.subject'),
  heading: m.t('mail.check.heading'),
  paragraphs: [m.t('mail.check.body', { at: m.dateTime(p.requestedAt) })],
  action: { label: m.t('mail.check.action'), url: m.url('/') },
}));
