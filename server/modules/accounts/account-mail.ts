/**
 * The mails that carry a one-time link, in the recipient's language and
 * time zone (the mail module renders them: RTL in Arabic, a plain-text
 * part, links under APP_URL). They are queued in the caller's transaction,
 * so a link's mail exists exactly when the link does, and never wait for
 * SMTP. Without SMTP configured the mail still waits in the queue, and the
 * admin who made the link copies it from the answer
 * (people.create, people.resendInvitation).
 */
import 'server-only';
import type { DbExecutor } from '@/server/db';
import type { Deps } from '@/server/deps';
import type { AccountTokenPurpose } from '@/server/db/schema';
import { defineMailTemplate, enqueueMails, type MailInput } from '@/server/modules/mail';
import { TOKEN_PATHS } from './tokens';

interface LinkMailParams {
  name: string;
  academy: string;
  path: string;
  expiresAt: Date;
}

const invitationMail = defineMailTemplate<LinkMailParams>('people.invitation', (m, p) => ({
  subject: m.t('people.mail.invite.subject', { academy: p.academy }),
  heading: m.t('people.mail.invite.heading', { academy: p.academy }),
  paragraphs: [m.t('people.mail.invite.greeting', { name: p.name }), m.t('people.mail.invite.body', { academy: p.academy })],
  action: { label: m.t('people.mail.invite.action'), url: m.url(p.path) },
  footnote: m.t('people.mail.invite.footnote', { until: m.dateTime(p.expiresAt) }),
}));

const resetMail = defineMailTemplate<LinkMailParams>('people.password_reset', (m, p) => ({
  subject: m.t('people.mail.reset.subject'),
  heading: m.t('people.mail.reset.heading'),
  paragraphs: [m.t('people.mail.reset.greeting', { name: p.name }), m.t('people.mail.reset.body')],
  action: { label: m.t('people.mail.reset.action'), url: m.url(p.path) },
  footnote: m.t('people.mail.reset.footnote', { until: m.dateTime(p.expiresAt) }),
}));

export interface AccountMail {
  userId: number;
  academyId: number | null;
  to: string;
  locale: 'ar' | 'en';
  timeZone: string;
  purpose: AccountTokenPurpose;
  name: string;
  academyName: string;
  token: string;
  expiresAt: Date;
}

function mailInput(mail: AccountMail): MailInput<LinkMailParams> {
  return {
    to: { address: mail.to, locale: mail.locale, timeZone: mail.timeZone, userId: mail.userId },
    academyId: mail.academyId,
    template: mail.purpose === 'invitation' ? invitationMail : resetMail,
    params: { name: mail.name, academy: mail.academyName, path: `${TOKEN_PATHS[mail.purpose]}${mail.token}`, expiresAt: mail.expiresAt },
    // A link mail is no use once its link has expired.
    notAfter: mail.expiresAt,
  };
}

/** Queues the link mails in `db` (the caller's transaction); true when the installation sends mail. */
export async function queueAccountMails(deps: Pick<Deps, 'appUrl' | 'mail'> & { db: DbExecutor }, mails: AccountMail[]): Promise<boolean> {
  if (mails.length) await enqueueMails(deps, deps.db, mails.map(mailInput));
  return deps.mail !== null;
}
