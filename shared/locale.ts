/**
 * The two languages and how each is written, for the browser and the server
 * alike (the UI's catalogue and the server's mail both format with these).
 */
export type Locale = 'ar' | 'en';

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'ar' ? 'rtl' : 'ltr');

/**
 * The tag every formatter uses, messages' plural numbers included: Arabic with
 * Latin digits, as the academies write them; British English for day-month order.
 */
export const formattingTag = (locale: Locale) => (locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB');
export const localeOfTag = (tag: string): Locale => (tag.startsWith('ar') ? 'ar' : 'en');
