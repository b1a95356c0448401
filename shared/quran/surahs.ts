/**
 * Surah and juz metadata (Hafs numbering) from quran-meta (MIT), shipped with
 * the app. Pure: used by the browser (pickers, validation before sending)
 * and the server (the rules that decide).
 */
import { findJuz, getAyahCountInSurah, getJuzMeta, getSurahMeta } from 'quran-meta/hafs';
import { surahNamesEn } from 'quran-meta/i18n';

export const SURAH_COUNT = 114;
export const JUZ_COUNT = 30;

type SurahNo = Parameters<typeof getSurahMeta>[0];
type JuzNo = Parameters<typeof getJuzMeta>[0];

export function isSurah(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= SURAH_COUNT;
}

export function ayahCount(surah: number): number {
  if (!isSurah(surah)) throw new RangeError(`no surah ${surah}`);
  return getAyahCountInSurah(surah as SurahNo);
}

export function isAyahOf(surah: number, ayah: unknown): ayah is number {
  return isSurah(surah) && typeof ayah === 'number' && Number.isInteger(ayah) && ayah >= 1 && ayah <= ayahCount(surah);
}

/** The surah's name in the viewer's language: Arabic from quran-meta, English transliteration from its i18n table. */
export function surahName(surah: number, locale: 'ar' | 'en'): string {
  if (!isSurah(surah)) throw new RangeError(`no surah ${surah}`);
  if (locale === 'ar') return getSurahMeta(surah as SurahNo).name;
  const names = surahNamesEn[surah] as readonly string[];
  return names[0] ?? String(surah);
}

export function juzOf(surah: number, ayah: number): number {
  return findJuz(surah as SurahNo, ayah as never);
}

/** A position across the whole Quran, 1 … 6236: orders ayahs of different surahs. */
export function ayahIndex(surah: number, ayah: number): number {
  return getSurahMeta(surah as SurahNo).firstAyahId + ayah - 1;
}

/** The juz's first and last ayah as global indexes. */
export function juzBounds(juz: number): { first: number; last: number } {
  const meta = getJuzMeta(juz as JuzNo);
  return { first: meta.firstAyahId, last: meta.lastAyahId };
}

export function surahBounds(surah: number): { first: number; last: number } {
  const meta = getSurahMeta(surah as SurahNo);
  return { first: meta.firstAyahId, last: meta.lastAyahId };
}
