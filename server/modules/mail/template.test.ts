import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMail } from './check-mail';
import { defineMailTemplate, renderMail } from './template';

const at = new Date('2026-03-29T00:30:00Z');

describe('renderMail', () => {
  it('writes Arabic right-to-left with lang set, and English left-to-right', () => {
    const ar = renderMail(checkMail, { requestedAt: at }, { recipient: { locale: 'ar', timeZone: 'Asia/Riyadh' }, appUrl: 'https://halaqa.example.com/' });
    expect(ar.html).toContain('<html lang="ar" dir="rtl">');
    expect(ar.html).toContain('text-align:right');
    expect(ar.subject).toBe('تستطيع حلقة مراسلتك');
    const en = renderMail(checkMail, { requestedAt: at }, { recipient: { locale: 'en', timeZone: 'Europe/London' }, appUrl: 'https://halaqa.example.com' });
    expect(en.html).toContain('<html lang="en" dir="ltr">');
    expect(en.html).toContain('text-align:left');
  });

  it('has a plain-text part with the action as a full APP_URL link and the unsubscribe link', () => {
    const mail = renderMail(checkMail, { requestedAt: at }, {
      recipient: { locale: 'en', timeZone: 'UTC' },
      appUrl: 'https://halaqa.example.com/',
      unsubscribeUrl: 'https://halaqa.example.com/unsubscribe/abc',
    });
    expect(mail.text).toContain('Open Halaqa: https://halaqa.example.com/');
    expect(mail.text).toContain('Stop emails like this one: https://halaqa.example.com/unsubscribe/abc');
    expect(mail.text).not.toMatch(/<[a-z]/i);
    expect(mail.html).toContain('href="https://halaqa.example.com/unsubscribe/abc"');
  });

  it('shows times in the recipient’s zone, across a DST change', () => {
    // 00:30 UTC on 29 March 2026: 00:30 GMT in London before the change at 01:00 UTC, 03:30 in Riyadh.
    const london = renderMail(checkMail, { requestedAt: at }, { recipient: { locale: 'en', timeZone: 'Europe/London' }, appUrl: 'http://x' });
    expect(london.text).toContain('00:30');
    const after = renderMail(checkMail, { requestedAt: new Date('2026-03-29T01:30:00Z') }, { recipient: { locale: 'en', timeZone: 'Europe/London' }, appUrl: 'http://x' });
    expect(after.text).toContain('02:30');
    const riyadh = renderMail(checkMail, { requestedAt: at }, { recipient: { locale: 'ar', timeZone: 'Asia/Riyadh' }, appUrl: 'http://x' });
    expect(riyadh.text).toContain('3:30');
  });

  it('escapes whatever a template puts in, in every field', () => {
    const echo = defineMailTemplate<{ s: string }>('test.echo', (_m, p) => ({ subject: p.s, heading: p.s, paragraphs: [p.s], action: { label: p.s, url: `https://x/${p.s}` }, footnote: p.s }));
    fc.assert(
      fc.property(fc.string(), (s) => {
        const { html, text } = renderMail(echo, { s: `<b>${s}"'&` }, { recipient: { locale: 'en', timeZone: 'UTC' }, appUrl: 'http://x' });
        expect(html).not.toContain('<b>');
        expect(text).toContain(`<b>${s}"'&`);
      }),
    );
  });
});
