import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from './accept-language';

describe('localeFromAcceptLanguage', () => {
  it('takes the supported language the browser ranks highest', () => {
    expect(localeFromAcceptLanguage('ar-SA,ar;q=0.9,en-US;q=0.8,en;q=0.7')).toBe('ar');
    expect(localeFromAcceptLanguage('en-GB,en;q=0.9,ar;q=0.8')).toBe('en');
    expect(localeFromAcceptLanguage('fr-FR,fr;q=0.9,ar;q=0.8,en;q=0.5')).toBe('ar');
    expect(localeFromAcceptLanguage('en;q=0.4, AR-eg;q=0.6')).toBe('ar');
    expect(localeFromAcceptLanguage('ar;q=0.5,en;q=0.5')).toBe('ar'); // a tie goes to the first named
  });

  it('says nothing when the browser names neither, or refuses one (q=0)', () => {
    expect(localeFromAcceptLanguage(undefined)).toBeNull();
    expect(localeFromAcceptLanguage('')).toBeNull();
    expect(localeFromAcceptLanguage('*')).toBeNull();
    expect(localeFromAcceptLanguage('fr,de;q=0.8')).toBeNull();
    expect(localeFromAcceptLanguage('ar;q=0, fr')).toBeNull();
    expect(localeFromAcceptLanguage('arabic,english')).toBeNull();
  });

  it('never throws, and answers only ar, en or null, whatever the header', () => {
    fc.assert(
      fc.property(fc.string(), (header) => {
        expect([null, 'ar', 'en']).toContain(localeFromAcceptLanguage(header));
      }),
    );
  });
});
