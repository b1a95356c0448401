'use client';

import { useEffect, useRef } from 'react';
import { useText } from '@/components/i18n/use-text';

export interface VersesText {
  surah: number;
  nameAr: string;
  verses: { ayah: number; text: string }[];
}

const ARABIC_DIGITS = '٠١٢٣٤٥٦٧٨٩';
const arabicNumber = (n: number) => String(n).replace(/\d/g, (d) => ARABIC_DIGITS[Number(d)]!);

/**
 * The verses in the Amiri Quran font, right to left whatever the page's
 * language, each ending with its number in an ayah mark. The highlighted ayah
 * is marked (aria-current) and scrolled into view. `onAyah` makes each ayah a
 * button (the teacher's highlight, a mistake on an ayah).
 */
export function MushafVerses({ text, highlight, onAyah, marks }: { text: VersesText; highlight: number | null; onAyah?: (ayah: number) => void; marks?: Record<number, number> }) {
  const { t } = useText();
  const current = useRef<HTMLElement | null>(null);
  useEffect(() => {
    current.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlight, text.surah]);
  return (
    <div className="mushaf-page" lang="ar" dir="rtl" data-testid="mushaf-verses">
      <h3 className="mushaf-surah-name">{`سورة ${text.nameAr}`}</h3>
      <p className="mushaf-text">
        {text.verses.map(({ ayah, text: words }) => {
          const isCurrent = ayah === highlight;
          const content = (
            <>
              {words} <span className="ayah-mark" aria-hidden>{`\uFD3F${arabicNumber(ayah)}\uFD3E`}</span>
              {marks?.[ayah] ? <span className="ayah-mistakes">{marks[ayah]}</span> : null}
            </>
          );
          const common = {
            'data-ayah': ayah,
            'data-testid': `ayah-${ayah}`,
            'data-current': isCurrent ? 'true' : undefined,
            'aria-current': isCurrent ? ('true' as const) : undefined,
            className: isCurrent ? 'ayah ayah-current' : 'ayah',
            ref: isCurrent ? (el: HTMLElement | null) => void (current.current = el) : undefined,
          };
          return onAyah ? (
            <button key={ayah} type="button" {...common} aria-label={`${t('tools.ayahNumber', { number: ayah })}${isCurrent ? `, ${t('tools.reciting')}` : ''}`} onClick={() => onAyah(ayah)}>
              {content}
            </button>
          ) : (
            <span key={ayah} {...common}>
              {content}
              {isCurrent && <span className="sr-only">{` (${t('tools.reciting')})`}</span>}
            </span>
          );
        })}
      </p>
    </div>
  );
}
