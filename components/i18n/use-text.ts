'use client';

import { useLocale, useTimeZone, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { hoursAndMinutes } from '@/components/dashboard/dates';
import { byteSize, clockDuration, type ByteUnit } from '@/components/dashboard/recording-format';
import { directionOf, localeOfTag, type TextKey } from './catalogue';

export type { TextKey } from './catalogue';
/** Values for a message's {placeholders} and {count, plural, …} arguments. */
export type TextValues = Record<string, string | number | Date>;

/**
 * The one way a component reads its strings and formats values: `t(key,
 * values?)` from the viewer's catalogue (next-intl, ICU plurals), and the
 * formatters in the same language. Instants show in the viewer's timezone;
 * calendar dates ('YYYY-MM-DD', the reports' days) are dates, not instants,
 * so they are formatted without shifting.
 */
export function useText() {
  const tag = useLocale();
  const timezone = useTimeZone() ?? 'UTC';
  const translate = useTranslations();
  return useMemo(() => {
    const locale = localeOfTag(tag);
    const time = new Intl.DateTimeFormat(tag, { timeZone: timezone, hour: '2-digit', minute: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(tag, { timeZone: timezone, dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(tag, { timeZone: timezone, dateStyle: 'medium' });
    const calendarDay = new Intl.DateTimeFormat(tag, { timeZone: 'UTC', day: 'numeric', month: 'short' });
    const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    const sizes = new Map<ByteUnit, Intl.NumberFormat>();
    const size = (unit: ByteUnit) => {
      let format = sizes.get(unit);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: unit === 'byte' ? 0 : 1 });
        sizes.set(unit, format);
      }
      return format;
    };
    const t = (key: TextKey, values?: TextValues): string => translate(key, values);
    return {
      locale,
      timezone,
      t,
      dir: directionOf(locale),
      formatTime: (d: Date | string) => time.format(new Date(d)),
      formatDateTime: (d: Date | string) => dateTime.format(new Date(d)),
      formatDate: (d: Date | string) => date.format(new Date(d)),
      formatCalendarDay: (day: string) => calendarDay.format(new Date(`${day}T00:00:00Z`)),
      formatNumber: (n: number) => number.format(n),
      formatPercent: (n: number) => `${number.format(n)}%`,
      formatDuration: (seconds: number) => hoursAndMinutes(seconds),
      /** A recording's length: "4:05", "1:02:03". */
      formatClock: (ms: number) => clockDuration(ms),
      /** A file size: "12.3 MB". */
      formatBytes: (bytes: number) => {
        const { value, unit } = byteSize(bytes);
        return size(unit).format(value);
      },
    };
  }, [tag, timezone, translate]);
}
