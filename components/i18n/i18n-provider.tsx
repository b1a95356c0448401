'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { messages, type Locale, type MessageKey } from './messages';

interface I18n {
  locale: Locale;
  timezone: string;
  t: (key: MessageKey) => string;
  formatTime: (date: Date | string) => string;
  formatDateTime: (date: Date | string) => string;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ locale, timezone, children }: { locale: Locale; timezone: string; children: ReactNode }) {
  const tag = locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
  const time = new Intl.DateTimeFormat(tag, { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
  const dateTime = new Intl.DateTimeFormat(tag, { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });
  const value: I18n = {
    locale,
    timezone,
    t: (key) => messages[locale][key],
    formatTime: (d) => time.format(new Date(d)),
    formatDateTime: (d) => dateTime.format(new Date(d)),
  };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
