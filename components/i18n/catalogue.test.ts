import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { RECORDING_STATUSES } from '@/components/dashboard/recording-format';
import { catalogues, formattingTag, type Locale } from './catalogue';

type Tree = { [key: string]: string | Tree };

/** Every message of a catalogue by its dotted path. */
function flatten(tree: Tree, prefix = ''): Record<string, string> {
  return Object.fromEntries(
    Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value]] : Object.entries(flatten(value, `${prefix}${key}.`)))),
  );
}

/** The names of a message's arguments, plural and select arguments included. */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, into);
  }
  return into;
}

const flat = { en: flatten(catalogues.en), ar: flatten(catalogues.ar) };
const translator = (locale: Locale) => createTranslator({ locale: formattingTag(locale), messages: catalogues[locale] });

describe('the string catalogues', () => {
  it('have the same keys in English and Arabic, none of them empty', () => {
    expect(Object.keys(flat.ar).sort()).toEqual(Object.keys(flat.en).sort());
    for (const locale of ['en', 'ar'] as const) {
      expect(Object.entries(flat[locale]).filter(([, text]) => !text.trim()), `${locale}: empty`).toEqual([]);
    }
  });

  it('take the same arguments in both languages, every message valid ICU', () => {
    const differing = Object.keys(flat.en).filter((key) => {
      const en = [...argumentsOf(parse(flat.en[key]!))].sort().join();
      const ar = [...argumentsOf(parse(flat.ar[key]!))].sort().join();
      return en !== ar;
    });
    expect(differing).toEqual([]);
  });

  it('name every recording state', () => {
    for (const status of RECORDING_STATUSES) expect(flat.en).toHaveProperty([`recording.${status}`]);
  });

  it('says Arabic counts in all six plural forms', () => {
    const t = translator('ar');
    const created = (count: number) => t('scheduleCreated', { count });
    expect(created(0)).toBe('أُنشئ الجدول بلا جلسات.'); // zero
    expect(created(1)).toBe('أُنشئ الجدول مع جلسة واحدة.'); // one
    expect(created(2)).toBe('أُنشئ الجدول مع جلستين.'); // two
    expect(created(8)).toBe('أُنشئ الجدول مع 8 جلسات.'); // few: 3–10
    expect(created(11)).toBe('أُنشئ الجدول مع 11 جلسةً.'); // many: 11–99
    expect(created(100)).toBe('أُنشئ الجدول مع 100 جلسة.'); // other: 100, 101, 102…
    expect(created(103)).toBe('أُنشئ الجدول مع 103 جلسات.'); // few again: the rule looks at n % 100
  });

  it('says English counts in one and other, with digits as the rest of the page writes them', () => {
    const t = translator('en');
    expect(t('scheduleCreated', { count: 1 })).toBe('Schedule created with 1 session.');
    expect(t('scheduleCreated', { count: 1200 })).toBe('Schedule created with 1,200 sessions.');
    expect(translator('ar')('minutesCount', { count: 45 })).toBe('45 دقيقةً');
  });

  it('fills placeholders', () => {
    expect(translator('en')('childAttendance', { name: 'Maryam' })).toBe("Maryam's attendance");
    expect(translator('ar')('room.confirmRemoveTitle', { name: 'مريم' })).toBe('إخراج مريم من الاجتماع؟');
  });
  it('gives every Arabic count all six forms and every English one "one" and "other", so no count reads wrong', () => {
    const pluralsOf = (elements: MessageFormatElement[], into: string[][] = []): string[][] => {
      for (const element of elements) {
        // An exact "=0" is Arabic's zero form (0 is the only number in it), "=1" and "=2" likewise.
        if (element.type === TYPE.plural) into.push(Object.keys(element.options).map((k) => ({ '=0': 'zero', '=1': 'one', '=2': 'two' })[k] ?? k));
        if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) pluralsOf(option.value, into);
      }
      return into;
    };
    const missing = (locale: Locale, forms: string[]) =>
      Object.entries(flat[locale]).flatMap(([key, text]) => pluralsOf(parse(text)).flatMap((options) => forms.filter((f) => !options.includes(f)).map((f) => `${key}: ${f}`)));
    expect(missing('ar', ['zero', 'one', 'two', 'few', 'many', 'other'])).toEqual([]);
    expect(missing('en', ['one', 'other'])).toEqual([]);
    // The issue's own examples: "8 جلسات", "جلستان" (here in the accusative, جلستين), "جلسة واحدة".
    const t = translator('ar');
    expect(t('scheduleCreated', { count: 8 })).toContain('8 جلسات');
    expect(t('scheduleCreated', { count: 2 })).toContain('جلستين');
    expect(t('scheduleCreated', { count: 1 })).toContain('جلسة واحدة');
    expect(t('roomBar.unreadMessages', { count: 2 })).toBe('رسالتان غير مقروءتين');
  });
});
