/**
 * Mail templates and their rendering, pure. A template turns its parameters
 * into a small body (subject, heading, paragraphs, one action, a footnote)
 * with the recipient's translator, time zone and APP_URL; renderMail lays it
 * out as HTML (lang and dir set: right-to-left in Arabic) and as plain text.
 *
 *   export const welcomeMail = defineMailTemplate<{ academy: string }>('welcome', (m, p) => ({
 *     subject: m.t('people.mail.welcome.subject', { academy: p.academy }),
 *     heading: ..., paragraphs: [...], action: { label: ..., url: m.url('/sign-in') },
 *   }));
 */
import 'server-only';
import { directionOf, formattingTag, type Locale } from '@/shared/locale';
import { translatorFor, type MailTranslator } from './translate';

export interface MailRecipient {
  address: string;
  locale: Locale;
  /** IANA zone every time in the mail is shown in. */
  timeZone: string;
  /** The user, when the address is one (deactivation and refusals are tracked by it). */
  userId?: number | null;
}

/** What a template is given besides its parameters. */
export interface MailContext {
  locale: Locale;
  timeZone: string;
  t: MailTranslator;
  /** An absolute link under APP_URL: url('/sessions/5'). */
  url(path: string): string;
  /** A date and time in the recipient's zone and language, with the zone's name. */
  dateTime(at: Date): string;
}

export interface MailBody {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the action: why they got it, when a link expires. */
  footnote?: string;
}

export interface MailTemplate<P> {
  readonly name: string;
  build(context: MailContext, params: P): MailBody;
}

export function defineMailTemplate<P>(name: string, build: (context: MailContext, params: P) => MailBody): MailTemplate<P> {
  return { name, build };
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
}

/** Contexts are pure functions of their key; Intl formatters are slow to build, so bulk mail shares them. */
const contexts = new Map<string, MailContext>();

export function mailContext(recipient: Pick<MailRecipient, 'locale' | 'timeZone'>, appUrl: string): MailContext {
  const key = `${recipient.locale}|${recipient.timeZone}|${appUrl}`;
  let context = contexts.get(key);
  if (!context) contexts.set(key, (context = buildMailContext(recipient, appUrl)));
  return context;
}

function buildMailContext(recipient: Pick<MailRecipient, 'locale' | 'timeZone'>, appUrl: string): MailContext {
  const { locale, timeZone } = recipient;
  const format = new Intl.DateTimeFormat(formattingTag(locale), { timeZone, dateStyle: 'full', timeStyle: 'short' });
  const zone = new Intl.DateTimeFormat(formattingTag(locale), { timeZone, timeZoneName: 'long' });
  const base = appUrl.replace(/\/$/, '');
  return {
    locale,
    timeZone,
    t: translatorFor(locale),
    url: (path) => `${base}${path.startsWith('/') ? path : `/${path}`}`,
    dateTime: (at) => {
      const zoneName = zone.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
      return `${format.format(at)} (${zoneName})`;
    },
  };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderMail<P>(template: MailTemplate<P>, params: P, options: { recipient: Pick<MailRecipient, 'locale' | 'timeZone'>; appUrl: string; unsubscribeUrl?: string | null }): RenderedMail {
  const context = mailContext(options.recipient, options.appUrl);
  const body = template.build(context, params);
  const { t, locale } = context;
  const dir = directionOf(locale);
  const align = dir === 'rtl' ? 'right' : 'left';
  const footer = t('mail.footer.automatic');
  const unsubscribe = options.unsubscribeUrl ? { label: t('mail.footer.unsubscribe'), url: options.unsubscribeUrl } : null;

  const p = (text: string, style = '') => `<p style="margin:0 0 16px;${style}">${escapeHtml(text)}</p>`;
  const html = [
    '<!doctype html>',
    `<html lang="${locale}" dir="${dir}">`,
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(body.subject)}</title></head>`,
    `<body style="margin:0;padding:0;background:#f4f5f7;">`,
    `<div dir="${dir}" style="max-width:560px;margin:0 auto;padding:24px;font-family:'IBM Plex Sans Arabic',Tahoma,Arial,sans-serif;font-size:16px;line-height:1.6;color:#1f2933;text-align:${align};background:#ffffff;">`,
    `<h1 style="margin:0 0 16px;font-size:20px;">${escapeHtml(body.heading)}</h1>`,
    ...body.paragraphs.map((text) => p(text)),
    body.action
      ? `<p style="margin:24px 0;"><a href="${escapeHtml(body.action.url)}" style="display:inline-block;padding:10px 18px;background:#0f5c4d;color:#ffffff;text-decoration:none;border-radius:6px;">${escapeHtml(body.action.label)}</a></p>`
      : '',
    body.footnote ? p(body.footnote, 'font-size:14px;color:#52606d;') : '',
    `<hr style="border:none;border-top:1px solid #d9dee3;margin:24px 0 12px;">`,
    p(footer, 'font-size:13px;color:#52606d;'),
    unsubscribe ? `<p style="margin:0;font-size:13px;"><a href="${escapeHtml(unsubscribe.url)}" style="color:#52606d;">${escapeHtml(unsubscribe.label)}</a></p>` : '',
    '</div></body></html>',
  ].join('\n');

  const text = [
    body.heading,
    '',
    ...body.paragraphs.flatMap((para) => [para, '']),
    ...(body.action ? [`${body.action.label}: ${body.action.url}`, ''] : []),
    ...(body.footnote ? [body.footnote, ''] : []),
    '--',
    footer,
    ...(unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.url}`] : []),
  ].join('\n');

  return { subject: body.subject, html, text };
}
