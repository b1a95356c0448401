'use client';

import { useMemo } from 'react';
import { useI18n } from '@/components/i18n/i18n-provider';
import type { MessageKey } from '@/components/i18n/messages';
import { dashboardMessages, type DashboardKey } from './messages';
import { hoursAndMinutes } from './dates';
import { byteSize, clockDuration, type ByteUnit } from './recording-format';

export type TextKey = DashboardKey | MessageKey;

/**
 * The app's i18n plus the dashboards' own strings and formats. Instants show
 * in the viewer's timezone; calendar dates ('YYYY-MM-DD', the reports' days)
 * are dates, not instants, so they are formatted without shifting.
 */
export function useText() {
  const base = useI18n();
  return useMemo(() => {
    const { locale, timezone } = base;
    const tag = locale === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
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
    const own = dashboardMessages[locale];
    const t = (key: TextKey): string => (key in own ? own[key as DashboardKey] : base.t(key as MessageKey));
    /** `t` with {placeholders} filled in. */
    const tf = (key: TextKey, values: Record<string, string | number>) =>
      t(key).replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    return {
      ...base,
      t,
      tf,
      dir: locale === 'ar' ? ('rtl' as const) : ('ltr' as const),
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
  }, [base]);
}
