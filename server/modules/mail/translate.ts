/**
 * The server's way into the UI's catalogues (messages/en.json, ar.json): the
 * same ICU messages, plural rules and number style as the pages, so a mail
 * reads like the app in the recipient's language.
 */
import 'server-only';
import { createTranslator } from 'use-intl/core';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import { formattingTag, type Locale } from '@/shared/locale';

const catalogues: Record<Locale, typeof en> = { en, ar: ar satisfies typeof en };

function createFor(locale: Locale) {
  return createTranslator({ locale: formattingTag(locale), messages: catalogues[locale] });
}

/** One translator per language for the process: it keeps the parsed messages, so a bulk of mails (a roster import's invitations) does not parse them again for each. */
const translators = new Map<Locale, ReturnType<typeof createFor>>();

export function translatorFor(locale: Locale) {
  let translator = translators.get(locale);
  if (!translator) translators.set(locale, (translator = createFor(locale)));
  return translator;
}

/** t(key, values): keys are typed from the English catalogue. */
export type MailTranslator = ReturnType<typeof createFor>;
