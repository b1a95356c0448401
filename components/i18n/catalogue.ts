import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import type { Locale } from '@/shared/locale';

export { directionOf, formattingTag, localeOfTag, type Locale } from '@/shared/locale';

/**
 * The string catalogues, one per language (messages/en.json, messages/ar.json),
 * in ICU MessageFormat: `{name}` fills in a value, `{count, plural, …}` picks
 * the language's plural form (Arabic has six: zero, one, two, few, many, other).
 * English is the reference shape; Arabic must have every key (a type error otherwise).
 */
export type Messages = typeof en;
export const catalogues: Record<Locale, Messages> = { en, ar: ar satisfies Messages };

/** Every message's dotted path: 'signIn', 'status.ongoing', 'room.raiseHand'. */
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type TextKey = Paths<Messages>;
